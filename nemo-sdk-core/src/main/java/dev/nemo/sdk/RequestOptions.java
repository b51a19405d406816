package dev.nemo.sdk;

import dev.nemo.sdk.internal.util.Checks;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Per-call overrides of the client's settings, the same for every operation: the deadline of the
 * whole call, the deadline of each attempt, the retry policy, and extra headers. Every operation
 * accepts them, directly ({@code client.credits().balance(options)}) or inside its own options
 * ({@code ChatOptions.builder().request(options)}, {@code UploadOptions}, {@code ExportOptions},
 * {@code PollingStrategy}); absent values fall back to the operation's defaults, then the
 * client's.
 *
 * <pre>{@code
 * Credits c = client.credits().balance(RequestOptions.builder()
 *         .timeout(Duration.ofSeconds(20))          // the whole call, retries included
 *         .attemptTimeout(Duration.ofSeconds(5))    // each attempt
 *         .retryPolicy(RetryPolicy.none())
 *         .header("X-Request-Id", requestId)
 *         .build());
 * }</pre>
 *
 * <p>Extra headers are added to the requests the SDK sends to the API. They can never replace a
 * header the SDK sets itself: {@code Authorization}, {@code X-Client-Id}, every
 * {@code X-Skill-*}, {@code User-Agent}, {@code Accept}, {@code Content-Type}, and those the JDK's
 * HTTP client manages ({@code Connection}, {@code Content-Length}, {@code Expect}, {@code Host},
 * {@code Upgrade}); the builder refuses them. Extra headers are not sent to a CDN that serves a
 * download. {@link #toString()} shows header names, never their values.
 *
 * <p>Immutable and thread-safe.
 */
public final class RequestOptions {
    private static final RequestOptions NONE = new Builder().build();
    private static final Set<String> RESERVED = Set.of("authorization", "x-client-id", "user-agent", "accept",
            "content-type", "connection", "content-length", "expect", "host", "upgrade");

    private final @Nullable Duration timeout;
    private final @Nullable Duration attemptTimeout;
    private final @Nullable RetryPolicy retryPolicy;
    private final Map<String, String> headers;

    private RequestOptions(Builder b) {
        this.timeout = b.timeout;
        this.attemptTimeout = b.attemptTimeout;
        this.retryPolicy = b.retryPolicy;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    }

    /** {@return options that override nothing} */
    public static RequestOptions none() {
        return NONE;
    }

    /** {@return a new builder that overrides nothing} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised from these options} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.timeout = timeout;
        b.attemptTimeout = attemptTimeout;
        b.retryPolicy = retryPolicy;
        b.headers.putAll(headers);
        return b;
    }

    /**
     * The deadline of the whole call: every attempt, the waits between them, and the response
     * body (of a download or a chat stream too). When it passes, the call fails with a
     * {@code TransportException} of kind {@code TIMEOUT}.
     *
     * @return the deadline of the whole call, when overridden
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * The deadline of one attempt (the exchange of one HTTP request and its JSON response). Without
     * it, an attempt may last {@link #timeout()} when set, else the client's request timeout.
     *
     * @return the deadline of each attempt, when overridden
     */
    public Optional<Duration> attemptTimeout() {
        return Optional.ofNullable(attemptTimeout);
    }

    /** {@return the retry policy, when overridden} */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    /** {@return the extra headers, in the order they were added (empty when none)} */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * {@return whether the SDK sets that header itself, so that an extra header cannot replace it}
     *
     * @param name a header name
     */
    public static boolean isReserved(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return RESERVED.contains(n) || n.startsWith("x-skill-");
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RequestOptions r && Objects.equals(timeout, r.timeout)
                && Objects.equals(attemptTimeout, r.attemptTimeout) && Objects.equals(retryPolicy, r.retryPolicy)
                && headers.equals(r.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeout, attemptTimeout, retryPolicy, headers);
    }

    @Override
    public String toString() {
        return "RequestOptions{timeout=" + timeout + ", attemptTimeout=" + attemptTimeout + ", retryPolicy="
                + retryPolicy + ", headers=" + headers.keySet() + '}';
    }

    /** Builds {@link RequestOptions}. */
    public static final class Builder {
        private @Nullable Duration timeout;
        private @Nullable Duration attemptTimeout;
        private @Nullable RetryPolicy retryPolicy;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets {@code timeout}.
         *
         * @param timeout deadline of the whole call, retries included, positive; {@code null}
         *                for the operation's default
         * @return this builder
         */
        public Builder timeout(@Nullable Duration timeout) {
            this.timeout = timeout == null ? null : Checks.positive(timeout, "timeout");
            return this;
        }

        /**
         * Sets {@code attemptTimeout}.
         *
         * @param attemptTimeout deadline of each attempt, positive; {@code null} for the default
         * @return this builder
         */
        public Builder attemptTimeout(@Nullable Duration attemptTimeout) {
            this.attemptTimeout = attemptTimeout == null ? null : Checks.positive(attemptTimeout, "attemptTimeout");
            return this;
        }

        /**
         * Sets {@code retryPolicy}.
         *
         * @param retryPolicy retry policy for this call; {@code null} for the client's
         * @return this builder
         */
        public Builder retryPolicy(@Nullable RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /**
         * Adds (or replaces) an extra header.
         *
         * @param name  header name, not one the SDK sets itself (see {@link RequestOptions})
         * @param value header value, without line breaks
         * @return this builder
         * @throws IllegalArgumentException when the name is reserved, blank or not a valid token,
         *                                  or the value holds a line break
         */
        public Builder header(String name, String value) {
            Checks.nonBlank(name, "name");
            Objects.requireNonNull(value, "value");
            if (isReserved(name)) {
                throw new IllegalArgumentException("The SDK sets the " + name + " header itself; an extra header "
                        + "cannot replace it");
            }
            if (!name.chars().allMatch(Builder::isTokenChar)) {
                throw new IllegalArgumentException("Not a valid header name: " + name);
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("The value of header " + name + " contains a line break");
            }
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            headers.put(name, value);
            return this;
        }

        /**
         * Adds every entry as by {@link #header(String, String)}.
         *
         * @param headers extra headers
         * @return this builder
         */
        public Builder headers(Map<String, String> headers) {
            Objects.requireNonNull(headers, "headers").forEach(this::header);
            return this;
        }

        /** {@return the options} */
        public RequestOptions build() {
            return new RequestOptions(this);
        }

        private static boolean isTokenChar(int c) {
            return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
        }
    }
}
