package dev.nemo.sdk.internal.auth;

import dev.nemo.sdk.auth.AccessToken;
import dev.nemo.sdk.auth.TokenProvider;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A fixed token (explicit or {@code NEMO_TOKEN}); a 1001 with it reaches the caller. */
public final class StaticTokenProvider implements TokenProvider {
    private final AccessToken value;
    private final CompletableFuture<AccessToken> token;

    /** @param token the token */
    public StaticTokenProvider(AccessToken token) {
        this.value = token;
        this.token = CompletableFuture.completedFuture(token);
    }

    /** {@return the token, for a caller that would otherwise take it from a copy of an already complete future} */
    public AccessToken value() {
        return value;
    }

    @Override
    public CompletionStage<AccessToken> token() {
        return token.copy();
    }

    @Override
    public String toString() {
        return "StaticTokenProvider";
    }
}
