/**
 * The SDK's typed errors: one unchecked base, {@link dev.nemo.sdk.error.NemoException}, and a
 * subclass per documented API code, HTTP status and transport failure.
 */
package dev.nemo.sdk.error;
