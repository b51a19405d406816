package dev.nemo.sdk.auth;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Supplies the bearer token for API calls. The SDK brings its own providers (see
 * {@link Credentials}); implement this to fetch tokens from elsewhere, for example a secret store.
 * Implementations must be thread-safe and should cache.
 */
public interface TokenProvider {

    /** {@return the token to use now} */
    CompletionStage<AccessToken> token();

    /**
     * Whether {@link #renew(AccessToken)} can produce a different token after the server rejected
     * one with code 1001. When {@code false}, the rejection reaches the caller.
     *
     * @return whether renewal is possible
     */
    default boolean canRenew() {
        return false;
    }

    /**
     * Replaces a token the server rejected. Concurrent callers that pass the same rejected token
     * must share one renewal.
     *
     * @param rejected the token the server refused
     * @return the new token
     */
    default CompletionStage<AccessToken> renew(AccessToken rejected) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("this provider cannot renew tokens"));
    }
}
