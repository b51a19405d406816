package dev.nemo.sdk.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.auth.AccessToken;
import dev.nemo.sdk.auth.TokenProvider;
import dev.nemo.sdk.error.DecodeException;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.internal.http.ApiRequest;
import dev.nemo.sdk.internal.http.Transport;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches and caches a free anonymous token ({@code POST /api/auth/anonymous-token}). Renewal
 * reuses the same client id; concurrent callers share one in-flight request. A lock, not
 * {@code synchronized}, guards the cache, and no I/O happens under it.
 */
public final class AnonymousTokenProvider implements TokenProvider {
    /** The endpoint. */
    public static final String PATH = "/api/auth/anonymous-token";
    private static final Logger LOG = LoggerFactory.getLogger(AnonymousTokenProvider.class);
    private static final Duration EXPIRY_SKEW = Duration.ofMinutes(1);

    private final Transport transport;
    private final String clientId;
    private final Clock clock;
    private final AnonymousTokenStore store;
    private final ReentrantLock lock = new ReentrantLock();
    private AccessToken current;
    private CompletableFuture<AccessToken> inFlight;

    /**
     * Creates it from its parts.
     *
     * @param transport transport for the unauthenticated call
     * @param clientId  the stable {@code X-Client-Id}
     * @param clock     time source for expiry
     */
    public AnonymousTokenProvider(Transport transport, String clientId, Clock clock) {
        this(transport, clientId, clock, null);
    }

    /**
     * Creates it from its parts.
     *
     * @param transport transport for the unauthenticated call
     * @param clientId  the stable {@code X-Client-Id}
     * @param clock     time source for expiry
     * @param store     where the token is kept between runs, or {@code null} to keep it in memory only
     */
    public AnonymousTokenProvider(Transport transport, String clientId, Clock clock, AnonymousTokenStore store) {
        this.transport = transport;
        this.clientId = clientId;
        this.clock = clock;
        this.store = store;
        this.current = store == null ? null : store.load().orElse(null);
    }

    /** {@return the client id this provider sends} */
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

    private CompletableFuture<AccessToken> obtain(AccessToken rejected) {
        CompletableFuture<AccessToken> started;
        lock.lock();
        try {
            AccessToken c = current;
            boolean usable = c != null && !c.expiresWithin(clock, EXPIRY_SKEW)
                    && (rejected == null || !rejected.value().equals(c.value()));
            if (usable) {
                return CompletableFuture.completedFuture(c);
            }
            if (inFlight != null) {
                return inFlight.copy();
            }
            started = new CompletableFuture<>();
            inFlight = started;
        } finally {
            lock.unlock();
        }
        LOG.debug("requesting an anonymous token{}", rejected == null ? "" : " (renewal, same client id)");
        Futures.onCompletion(fetch(), (token, error) -> {
            lock.lock();
            try {
                if (error == null) {
                    current = token;
                }
                inFlight = null;
            } finally {
                lock.unlock();
            }
            if (error != null) {
                started.completeExceptionally(error);
            } else {
                if (store != null) {
                    store.save(token);
                }
                started.complete(token);
            }
        });
        return started.copy();
    }

    private CompletableFuture<AccessToken> fetch() {
        ApiRequest request = ApiRequest.postJson(PATH, null)
                .withAuthenticated(false)
                .withHeader("X-Client-Id", clientId);
        return transport.json(request).thenApply(this::decode);
    }

    private AccessToken decode(JsonNode data) {
        String token = JsonNodes.text(data, "token").orElse(null);
        if (token == null || token.isBlank()) {
            throw new DecodeException("The anonymous-token response has no data.token",
                    ErrorDetails.request("POST", PATH).withStatus(200), null);
        }
        return new AccessToken(token, expiry(data), JsonNodes.text(data, "user_id").orElse(null));
    }

    private Instant expiry(JsonNode data) {
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
