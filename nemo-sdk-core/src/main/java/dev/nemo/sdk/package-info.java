/**
 * The entry point, {@link dev.nemo.sdk.NemoClient}, and its per-request and retry settings.
 */
package dev.nemo.sdk;
