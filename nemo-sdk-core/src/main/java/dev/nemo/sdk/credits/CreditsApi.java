package dev.nemo.sdk.credits;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.internal.util.Futures;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the credit balance ({@code GET /api/credits/balance/simple}); safe to retry. Blocking and
 * {@code …Async} forms, each with and without {@link RequestOptions}.
 */
public interface CreditsApi {

    /** {@return the current balance} */
    default Credits balance() {
        return balance(RequestOptions.none());
    }

    /**
     * {@return the current balance}
     *
     * @param options per-request overrides
     */
    default Credits balance(RequestOptions options) {
        return Futures.await(balanceAsync(options));
    }

    /** {@return the current balance, asynchronously} */
    default CompletableFuture<Credits> balanceAsync() {
        return balanceAsync(RequestOptions.none());
    }

    /**
     * {@return the current balance, asynchronously}
     *
     * @param options per-request overrides
     */
    CompletableFuture<Credits> balanceAsync(RequestOptions options);
}
