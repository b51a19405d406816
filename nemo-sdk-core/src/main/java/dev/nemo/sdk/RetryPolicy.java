package dev.nemo.sdk;

import dev.nemo.sdk.internal.util.Checks;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the SDK retries on its own. The rules it never bends: a request whose outcome is unknown
 * (sent, then timed out or reset) is replayed only when it is idempotent (GET), and a chat message
 * is never re-sent after it may have reached the agent.
 *
 * <ul>
 *   <li>Idempotent requests retry on HTTP 5xx and network errors, up to {@link #maxAttempts()}
 *       attempts in all, with exponential backoff and full jitter between
 *       {@link #initialBackoff()} and {@link #maxBackoff()}.</li>
 *   <li>A connect failure (nothing was sent) may be retried for any method.</li>
 *   <li>HTTP 429 waits {@code Retry-After} (or {@link #defaultRateLimitWait()} when absent, at most
 *       {@link #maxRateLimitWait()}) and retries once when {@link #retryOnRateLimit()}.</li>
 * </ul>
 *
 * <p>Immutable; derive variants with {@link #toBuilder()}.
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = new Builder().build();
    private static final RetryPolicy NONE = new Builder().maxAttempts(1).retryOnRateLimit(false).build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final boolean retryOnRateLimit;
    private final Duration defaultRateLimitWait;
    private final Duration maxRateLimitWait;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.retryOnRateLimit = b.retryOnRateLimit;
        this.defaultRateLimitWait = b.defaultRateLimitWait;
        this.maxRateLimitWait = b.maxRateLimitWait;
    }

    /** {@return 3 attempts, 500 ms to 8 s backoff, one 429 retry after Retry-After or 30 s (at most 2 min)} */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** {@return a policy that never retries (token renewal on 1001 still applies)} */
    public static RetryPolicy none() {
        return NONE;
    }

    /** {@return a new builder with default values} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised from this policy} */
    public Builder toBuilder() {
        return new Builder()
                .maxAttempts(maxAttempts)
                .initialBackoff(initialBackoff)
                .maxBackoff(maxBackoff)
                .retryOnRateLimit(retryOnRateLimit)
                .defaultRateLimitWait(defaultRateLimitWait)
                .maxRateLimitWait(maxRateLimitWait);
    }

    /** {@return attempts in all, including the first (1 means no retry)} */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** {@return backoff cap for the first retry} */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** {@return backoff cap for any retry} */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** {@return whether a 429 is retried once after waiting} */
    public boolean retryOnRateLimit() {
        return retryOnRateLimit;
    }

    /** {@return the wait after a 429 without {@code Retry-After}} */
    public Duration defaultRateLimitWait() {
        return defaultRateLimitWait;
    }

    /** {@return the longest {@code Retry-After} the SDK waits on its own; longer ones are raised at once} */
    public Duration maxRateLimitWait() {
        return maxRateLimitWait;
    }

    /**
     * The upper bound of the jittered wait before retry number {@code retry} (1-based):
     * {@code min(maxBackoff, initialBackoff * 2^(retry-1))}.
     *
     * @param retry the retry number, starting at 1
     * @return the cap of the wait; the actual wait is uniformly random in {@code [0, cap]}
     */
    public Duration backoffCap(int retry) {
        long base = initialBackoff.toMillis();
        long cap = maxBackoff.toMillis();
        int shift = Math.min(Math.max(retry - 1, 0), 30);
        long value = base > (cap >> shift) ? cap : Math.min(cap, base << shift);
        return Duration.ofMillis(value);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof RetryPolicy r && maxAttempts == r.maxAttempts && retryOnRateLimit == r.retryOnRateLimit
                && initialBackoff.equals(r.initialBackoff) && maxBackoff.equals(r.maxBackoff)
                && defaultRateLimitWait.equals(r.defaultRateLimitWait) && maxRateLimitWait.equals(r.maxRateLimitWait);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialBackoff, maxBackoff, retryOnRateLimit, defaultRateLimitWait,
                maxRateLimitWait);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", backoff=" + initialBackoff + ".." + maxBackoff
                + ", retryOnRateLimit=" + retryOnRateLimit + ", defaultRateLimitWait=" + defaultRateLimitWait
                + ", maxRateLimitWait=" + maxRateLimitWait + '}';
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private boolean retryOnRateLimit = true;
        private Duration defaultRateLimitWait = Duration.ofSeconds(30);
        private Duration maxRateLimitWait = Duration.ofMinutes(2);

        private Builder() {
        }

        /**
         * Sets {@code maxAttempts}.
         *
         * @param maxAttempts attempts in all, at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets {@code initialBackoff}.
         *
         * @param initialBackoff backoff cap of the first retry
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = Checks.nonNegative(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * Sets {@code maxBackoff}.
         *
         * @param maxBackoff backoff cap of any retry
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = Checks.nonNegative(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * Sets {@code retryOnRateLimit}.
         *
         * @param retryOnRateLimit whether to wait and retry once on HTTP 429
         * @return this builder
         */
        public Builder retryOnRateLimit(boolean retryOnRateLimit) {
            this.retryOnRateLimit = retryOnRateLimit;
            return this;
        }

        /**
         * Sets {@code defaultRateLimitWait}.
         *
         * @param wait the wait after a 429 that has no {@code Retry-After}
         * @return this builder
         */
        public Builder defaultRateLimitWait(Duration wait) {
            this.defaultRateLimitWait = Checks.nonNegative(wait, "defaultRateLimitWait");
            return this;
        }

        /**
         * Sets {@code maxRateLimitWait}.
         *
         * @param wait the longest {@code Retry-After} honoured automatically
         * @return this builder
         */
        public Builder maxRateLimitWait(Duration wait) {
            this.maxRateLimitWait = Checks.nonNegative(wait, "maxRateLimitWait");
            return this;
        }

        /** {@return the policy} */
        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
            }
            return new RetryPolicy(this);
        }

    }
}
