package dev.nemo.sdk.credits;

import dev.nemo.sdk.RequestOptions;
import java.util.concurrent.CompletableFuture;

/** Reads the credit balance ({@code GET /api/credits/balance/simple}); safe to retry. */
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
    Credits balance(RequestOptions options);

    /**
     * {@return the current balance, asynchronously}
     *
     * @param options per-request overrides
     */
    CompletableFuture<Credits> balanceAsync(RequestOptions options);
}
