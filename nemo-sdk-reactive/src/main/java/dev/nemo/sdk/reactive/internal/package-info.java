/** Internal implementation; not exported by the module, no compatibility promise. */
@NullMarked
package dev.nemo.sdk.reactive.internal;

import org.jspecify.annotations.NullMarked;
