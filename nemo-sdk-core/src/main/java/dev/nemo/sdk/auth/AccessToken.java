package dev.nemo.sdk.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A bearer token with what the server said about it. {@link #toString()} never shows the value.
 */
public final class AccessToken {
    private final String value;
    private final @Nullable Instant expiresAt;
    private final @Nullable String userId;

    /**
     * Creates it from its parts.
     *
     * @param value     the token ({@code nmv_usr_…}); not blank
     * @param expiresAt when it expires, or {@code null} when unknown
     * @param userId    the user it belongs to (for example {@code anon_abc123}), or {@code null}
     */
    public AccessToken(String value, @Nullable Instant expiresAt, @Nullable String userId) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        this.value = value.strip();
        this.expiresAt = expiresAt;
        this.userId = userId;
    }

    /**
     * {@return a token with no known expiry or user}
     *
     * @param value the token
     */
    public static AccessToken of(String value) {
        return new AccessToken(value, null, null);
    }

    /** {@return the secret value; never log it} */
    public String value() {
        return value;
    }

    /** {@return when the token expires, when the server said} */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** {@return the user id, when the server said} */
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    /**
     * {@return whether the token is known to expire within {@code skew}}
     *
     * @param clock the clock to read
     * @param skew  how early to consider it expired
     */
    public boolean expiresWithin(Clock clock, Duration skew) {
        return expiresAt != null && !clock.instant().plus(skew).isBefore(expiresAt);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof AccessToken x && value.equals(x.value)
                && Objects.equals(expiresAt, x.expiresAt)
                && Objects.equals(userId, x.userId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, expiresAt, userId);
    }

    @Override
    public String toString() {
        return "AccessToken{value=" + redact(value) + ", expiresAt=" + expiresAt + ", userId=" + userId + '}';
    }

    /**
     * {@return a form safe to show: its well-known prefix only, for example {@code nmv_usr_***}}
     *
     * @param token a token
     */
    public static String redact(@Nullable String token) {
        if (token == null) {
            return "null";
        }
        int cut = token.startsWith("nmv_usr_") ? 8 : token.startsWith("clm_") ? 4 : 0;
        return token.substring(0, cut) + "***";
    }
}
