package dev.nemo.sdk.export;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.internal.util.Checks;
import java.time.Duration;
import java.util.Objects;

/**
 * How long and how often an {@link ExportPoller} waits: a poll every {@link #interval()}, at most
 * {@link #maxPolls()} polls, and an overall {@link #timeout()} of the whole wait measured on the
 * client's clock; each poll is one request with the {@link #request()} options (deadline, retry
 * policy, extra headers). Waiting goes through the client's {@code Sleeper}, so tests run it in
 * virtual time.
 *
 * <p>The defaults follow the official skill: every 30 s, at most 10 polls (about 5 minutes), and
 * a 10-minute deadline.
 */
public final class PollingStrategy {
    private static final PollingStrategy DEFAULTS = new Builder().build();

    private final Duration interval;
    private final int maxPolls;
    private final Duration timeout;
    private final RequestOptions request;

    private PollingStrategy(Builder b) {
        this.interval = b.interval;
        this.maxPolls = b.maxPolls;
        this.timeout = b.timeout;
        this.request = b.request;
    }

    /** {@return every 30 s, at most 10 polls, 10-minute deadline} */
    public static PollingStrategy defaults() {
        return DEFAULTS;
    }

    /** {@return a builder with the default values} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised from this strategy} */
    public Builder toBuilder() {
        return new Builder()
                .interval(interval)
                .maxPolls(maxPolls)
                .timeout(timeout)
                .request(request);
    }

    /** {@return the wait between polls (and before the first poll of a new export)} */
    public Duration interval() {
        return interval;
    }

    /** {@return the most polls one wait makes} */
    public int maxPolls() {
        return maxPolls;
    }

    /** {@return the longest one wait lasts, on the client's clock} */
    public Duration timeout() {
        return timeout;
    }

    /** {@return the options of each poll request} */
    public RequestOptions request() {
        return request;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PollingStrategy p
                && interval.equals(p.interval)
                && maxPolls == p.maxPolls
                && timeout.equals(p.timeout)
                && request.equals(p.request);
    }

    @Override
    public int hashCode() {
        return Objects.hash(interval, maxPolls, timeout, request);
    }

    @Override
    public String toString() {
        return "PollingStrategy{interval=" + interval + ", maxPolls=" + maxPolls + ", timeout=" + timeout + ", request="
                + request + '}';
    }

    /** Builds a {@link PollingStrategy}. */
    public static final class Builder {
        private Duration interval = Duration.ofSeconds(30);
        private int maxPolls = 10;
        private Duration timeout = Duration.ofMinutes(10);
        private RequestOptions request = RequestOptions.none();

        private Builder() {}

        /**
         * Sets {@code interval}.
         *
         * @param interval wait between polls, positive; default 30 s
         * @return this builder
         */
        public Builder interval(Duration interval) {
            this.interval = Checks.positive(interval, "interval");
            return this;
        }

        /**
         * Sets {@code maxPolls}.
         *
         * @param maxPolls most polls per wait, at least 1; default 10
         * @return this builder
         */
        public Builder maxPolls(int maxPolls) {
            if (maxPolls < 1) {
                throw new IllegalArgumentException("maxPolls must be at least 1");
            }
            this.maxPolls = maxPolls;
            return this;
        }

        /**
         * Sets {@code timeout}.
         *
         * @param timeout overall deadline of one wait, positive; default 10 minutes
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Checks.positive(timeout, "timeout");
            return this;
        }

        /**
         * Sets {@code request}.
         *
         * @param request options of each poll request (deadline, retry policy, extra headers);
         *                default {@link RequestOptions#none()}
         * @return this builder
         */
        public Builder request(RequestOptions request) {
            this.request = Objects.requireNonNull(request, "request");
            return this;
        }

        /** {@return the strategy} */
        public PollingStrategy build() {
            return new PollingStrategy(this);
        }
    }
}
