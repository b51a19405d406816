/**
 * The SDK's typed errors: one unchecked base, {@link dev.nemo.sdk.error.NemoException}, and a
 * subclass per documented API code, HTTP status and transport failure.
 */
@NullMarked
package dev.nemo.sdk.error;

import org.jspecify.annotations.NullMarked;
