package dev.nemo.sdk.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.auth.AccessToken;
import dev.nemo.sdk.auth.TokenProvider;
import dev.nemo.sdk.error.DecodeException;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.MissingClientIdException;
import dev.nemo.sdk.internal.http.ApiRequest;
import dev.nemo.sdk.internal.http.HttpPipeline;
import dev.nemo.sdk.internal.json.JsonNodes;
import dev.nemo.sdk.internal.util.Futures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches and caches a free anonymous token ({@code POST /api/auth/anonymous-token}). Renewal
 * reuses the same client id; concurrent callers share one in-flight request. A lock, not
 * {@code synchronized}, guards the cache, and no I/O happens under it.
 *
 * <p>When the server refuses the client id itself (HTTP 400 on the token call), a new client id
 * is created once (persisted where the old one was), and the call is sent once more with it.
 */
public final class AnonymousTokenProvider implements TokenProvider {
    /** The endpoint. */
    public static final String PATH = "/api/auth/anonymous-token";
    private static final Logger LOG = LoggerFactory.getLogger(AnonymousTokenProvider.class);
    private static final Duration EXPIRY_SKEW = Duration.ofMinutes(1);

    private final HttpPipeline pipeline;
    private final Clock clock;
    private final Supplier<String> newClientId;
    private final Function<String, @Nullable AnonymousTokenStore> stores;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile String clientId;
    private @Nullable AnonymousTokenStore store;
    private boolean clientIdReplaced;
    private @Nullable AccessToken current;
    private @Nullable CompletableFuture<AccessToken> inFlight;

    /**
     * Creates it from its parts.
     *
     * @param pipeline    pipeline for the unauthenticated call
     * @param clientId    the stable {@code X-Client-Id}
     * @param clock       time source for expiry
     * @param newClientId creates (and persists) a new client id after the server refused this one
     * @param stores      where the token of a client id is kept between runs; {@code null} results keep it in memory
     */
    public AnonymousTokenProvider(HttpPipeline pipeline, String clientId, Clock clock, Supplier<String> newClientId,
                                  Function<String, @Nullable AnonymousTokenStore> stores) {
        this.pipeline = pipeline;
        this.clientId = clientId;
        this.clock = clock;
        this.newClientId = newClientId;
        this.stores = stores;
        AnonymousTokenStore saved = stores.apply(clientId);
        this.store = saved;
        this.current = saved == null ? null : saved.load().orElse(null);
    }

    /** {@return the client id this provider sends (a new one after the server refused the first)} */
    public String clientId() {
        return clientId;
    }

    @Override
    public CompletionStage<AccessToken> token() {
        return obtain(null);
    }

    @Override
    public boolean canRenew() {
        return true;
    }

    @Override
    public CompletionStage<AccessToken> renew(AccessToken rejected) {
        return obtain(rejected);
    }

    private CompletableFuture<AccessToken> obtain(@Nullable AccessToken rejected) {
        CompletableFuture<AccessToken> started;
        lock.lock();
        try {
            AccessToken c = current;
            boolean usable = c != null && !c.expiresWithin(clock, EXPIRY_SKEW)
                    && (rejected == null || !rejected.value().equals(c.value()));
            if (usable) {
                return CompletableFuture.completedFuture(c);
            }
            CompletableFuture<AccessToken> pending = inFlight;
            if (pending != null) {
                return pending.copy();
            }
            started = new CompletableFuture<>();
            inFlight = started;
        } finally {
            lock.unlock();
        }
        LOG.debug("requesting an anonymous token{}", rejected == null ? "" : " (renewal, same client id)");
        // a failure of the fetch, or of saving its token, reaches every caller through started
        fetch().thenAccept(token -> succeeded(started, token)).exceptionally(error -> {
            failed(started, error);
            return null;
        });
        return started.copy();
    }

    private void succeeded(CompletableFuture<AccessToken> started, AccessToken token) {
        AnonymousTokenStore s;
        lock.lock();
        try {
            current = token;
            inFlight = null;
            s = store;
        } finally {
            lock.unlock();
        }
        if (s != null) {
            s.save(token);
        }
        started.complete(token);
    }

    private void failed(CompletableFuture<AccessToken> started, Throwable error) {
        lock.lock();
        try {
            if (inFlight == started) {
                inFlight = null;
            }
        } finally {
            lock.unlock();
        }
        started.completeExceptionally(Futures.unwrap(error));
    }

    private CompletableFuture<AccessToken> fetch() {
        return call(clientId).exceptionallyCompose(error -> {
            Throwable e = Futures.unwrap(error);
            if (!(e instanceof MissingClientIdException) || !replaceClientIdOnce()) {
                return CompletableFuture.failedFuture(e);
            }
            return call(clientId);
        });
    }

    private CompletableFuture<AccessToken> call(String id) {
        ApiRequest request = ApiRequest.postJson(PATH, null).withAuthenticated(false).withHeader("X-Client-Id", id);
        return pipeline.sendAsync(request, this::decode);
    }

    /** {@return whether a new client id was made now (once per provider)} */
    private boolean replaceClientIdOnce() {
        lock.lock();
        try {
            if (clientIdReplaced) {
                return false;
            }
            clientIdReplaced = true;
            clientId = newClientId.get();
            store = stores.apply(clientId);
        } finally {
            lock.unlock();
        }
        LOG.warn("The server refused the client id (HTTP 400 on the anonymous-token call); created a new one and "
                + "asking once more");
        return true;
    }

    private AccessToken decode(JsonNode data) {
        String token = JsonNodes.text(data, "token").orElse(null);
        if (token == null || token.isBlank()) {
            throw new DecodeException("The anonymous-token response has no data.token",
                    ErrorDetails.request("POST", PATH).withStatus(200), null);
        }
        return new AccessToken(token, expiry(data), JsonNodes.text(data, "user_id").orElse(null));
    }

    private @Nullable Instant expiry(JsonNode data) {
        String raw = JsonNodes.text(data, "expires_at").orElse(null);
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(raw);
            } catch (DateTimeParseException ignored) {
                // fall through to epoch numbers
            }
        }
        try {
            long n = Long.parseLong(raw.strip());
            return n < 100_000_000_000L ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "AnonymousTokenProvider{clientId=" + clientId + '}';
    }
}
