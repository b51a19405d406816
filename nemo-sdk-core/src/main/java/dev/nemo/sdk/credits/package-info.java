/** The credit balance, from {@code client.credits()}: {@link dev.nemo.sdk.credits.CreditsApi} and {@link dev.nemo.sdk.credits.Credits}. */
@NullMarked
package dev.nemo.sdk.credits;

import org.jspecify.annotations.NullMarked;
