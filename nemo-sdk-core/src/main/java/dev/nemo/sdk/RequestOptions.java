package dev.nemo.sdk;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Per-request overrides of the client's settings. Pass to any operation that accepts it; absent
 * values fall back to the client's.
 *
 * <pre>{@code
 * Credits c = client.credits().balance(RequestOptions.builder()
 *         .timeout(Duration.ofSeconds(5))
 *         .retryPolicy(RetryPolicy.none())
 *         .build());
 * }</pre>
 */
public final class RequestOptions {
    private static final RequestOptions NONE = new Builder().build();

    private final @Nullable Duration timeout;
    private final @Nullable RetryPolicy retryPolicy;

    private RequestOptions(Builder b) {
        this.timeout = b.timeout;
        this.retryPolicy = b.retryPolicy;
    }

    /** {@return options that override nothing} */
    public static RequestOptions none() {
        return NONE;
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised from these options} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.timeout = timeout;
        b.retryPolicy = retryPolicy;
        return b;
    }

    /** {@return the deadline of the whole exchange (headers and body), when overridden} */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** {@return the retry policy, when overridden} */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestOptions requestOptions && Objects.equals(timeout, requestOptions.timeout)
                && Objects.equals(retryPolicy, requestOptions.retryPolicy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeout, retryPolicy);
    }

    @Override
    public String toString() {
        return "RequestOptions{timeout=" + timeout + ", retryPolicy=" + retryPolicy + '}';
    }

    /** Builds {@link RequestOptions}. */
    public static final class Builder {
        private @Nullable Duration timeout;
        private @Nullable RetryPolicy retryPolicy;

        private Builder() {
        }

        /**
         * Sets {@code timeout}.
         *
         * @param timeout deadline of the whole exchange, positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets {@code retryPolicy}.
         *
         * @param retryPolicy retry policy for this request
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /** {@return the options} */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
