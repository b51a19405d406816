/** The credit balance, from {@code client.credits()}: {@link dev.nemo.sdk.credits.CreditsApi} and {@link dev.nemo.sdk.credits.Credits}. */
package dev.nemo.sdk.credits;
