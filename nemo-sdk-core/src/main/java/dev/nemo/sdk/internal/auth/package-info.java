/** Internal implementation; not exported by the module, no compatibility promise. */
@NullMarked
package dev.nemo.sdk.internal.auth;

import org.jspecify.annotations.NullMarked;
