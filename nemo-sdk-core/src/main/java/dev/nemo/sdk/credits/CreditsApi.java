package dev.nemo.sdk.credits;

import dev.nemo.sdk.RequestOptions;
import java.util.concurrent.CompletableFuture;

/** Reads the credit balance ({@code GET /api/credits/balance/simple}); safe to retry. */
public interface CreditsApi {

    /** @return the current balance */
    default Credits balance() {
        return balance(RequestOptions.none());
    }

    /**
     * @param options per-request overrides
     * @return the current balance
     */
    Credits balance(RequestOptions options);

    /**
     * @param options per-request overrides
     * @return the current balance, asynchronously
     */
    CompletableFuture<Credits> balanceAsync(RequestOptions options);
}
