package dev.nemo.sdk.internal.http;

import dev.nemo.sdk.auth.AccessToken;
import dev.nemo.sdk.auth.TokenProvider;
import dev.nemo.sdk.error.TokenExpiredException;
import dev.nemo.sdk.internal.auth.StaticTokenProvider;
import dev.nemo.sdk.internal.util.Futures;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the bearer token to authenticated calls that carry credentials. A call refused with an
 * invalid token (code 1001 or HTTP 401) is replayed once with a renewed token when the provider
 * can renew: the provider shares one renewal between concurrent callers and keeps the client id.
 */
final class AuthenticationStage implements HttpStage {
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.http");

    private final TokenProvider tokens;
    /** The last token's header value: a provider hands out the same token until it renews. */
    private volatile Bearer last = new Bearer(null, Map.of());

    private final HeaderMerge merge = new HeaderMerge();

    AuthenticationStage(TokenProvider tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public <T> CompletableFuture<HttpReply<T>> process(HttpCall<T> call, HttpSender next) {
        if (!call.context().request().authenticated() || call.credentialsDropped()) {
            return next.send(call);
        }
        if (tokens instanceof StaticTokenProvider fixed && call.context().blocking()) {
            // what after() does with an already complete token, without copying the provider's future per call
            return send(call, next, fixed.value(), false);
        }
        return call.context().after(tokens.token(), token -> send(call, next, token, false));
    }

    private Map<String, String> bearer(AccessToken token) {
        Bearer b = last;
        if (!token.equals(b.token())) {
            b = new Bearer(token, Map.of("Authorization", "Bearer " + token.value()));
            last = b;
        }
        return b.header();
    }

    private <T> CompletableFuture<HttpReply<T>> send(
            HttpCall<T> call, HttpSender next, AccessToken token, boolean renewed) {
        CompletableFuture<HttpReply<T>> sent = next.send(call.withHeaders(bearer(token), merge));
        if (Futures.succeeded(sent)) {
            return sent;
        }
        return sent.exceptionallyCompose(error -> {
            Throwable e = Futures.unwrap(error);
            if (!(e instanceof TokenExpiredException)
                    || renewed
                    || !tokens.canRenew()
                    || call.context().cancelled()) {
                return CompletableFuture.failedFuture(e);
            }
            ApiRequest r = call.context().request();
            LOG.debug("{} {} was refused with an invalid token; renewing it once and replaying", r.method(), r.path());
            return call.context().after(tokens.renew(token), renewedToken -> send(call, next, renewedToken, true));
        });
    }

    /** A token and its {@code Authorization} header. */
    private record Bearer(@Nullable AccessToken token, Map<String, String> header) {
        @Override
        public String toString() {
            return "Bearer[…]";
        }
    }
}
