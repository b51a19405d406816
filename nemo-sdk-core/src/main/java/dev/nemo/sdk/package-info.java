/**
 * The entry point, {@link dev.nemo.sdk.NemoClient}, and its per-request and retry settings.
 */
@NullMarked
package dev.nemo.sdk;

import org.jspecify.annotations.NullMarked;
