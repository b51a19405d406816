package dev.nemo.sdk.reactive;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.credits.Credits;
import dev.nemo.sdk.credits.CreditsApi;
import dev.nemo.sdk.reactive.internal.Calls;
import reactor.core.publisher.Mono;

/** The credit balance as a {@link Mono}; each subscription reads it once, so re-subscribing is safe. */
public final class ReactiveCreditsApi {
    private final CreditsApi credits;

    ReactiveCreditsApi(CreditsApi credits) {
        this.credits = credits;
    }

    /** {@return the current balance, with the request options of the subscriber's context} */
    public Mono<Credits> balance() {
        return Calls.mono(credits::balanceAsync);
    }

    /**
     * {@return the current balance}
     *
     * @param options per-request overrides (the context's are ignored)
     */
    public Mono<Credits> balance(RequestOptions options) {
        return Calls.mono(credits::balanceAsync, options);
    }
}
