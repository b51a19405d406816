/** Internal implementation; not exported by the module, no compatibility promise. */
@NullMarked
package dev.nemo.sdk.internal;

import org.jspecify.annotations.NullMarked;
