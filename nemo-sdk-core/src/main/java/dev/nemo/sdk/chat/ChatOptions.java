package dev.nemo.sdk.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one chat message is streamed: whether to ask for token-level text, the three watchdogs,
 * the size limit of one event, and what {@link ChatApi#send} checks afterwards. Immutable.
 *
 * <pre>{@code
 * ChatOptions o = ChatOptions.builder().streaming(true).idleTimeout(Duration.ofMinutes(5)).build();
 * }</pre>
 */
public final class ChatOptions {
    /** The contract's schedule after a cut: 30 s, then every 60 s, five checks in all (about 5 min). */
    public static final List<Duration> DEFAULT_RECHECK_DELAYS = List.of(Duration.ofSeconds(30),
            Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60));
    /**
     * The schedule after a silent end: a read right away, then one every 2 s, eleven reads over
     * 20 s. The state endpoint is eventually consistent, so a change made by the agent's tools can
     * reach it seconds after the stream ended.
     */
    public static final List<Duration> DEFAULT_SETTLE_DELAYS = evenly(11, Duration.ofSeconds(2));
    private static final ChatOptions DEFAULTS = new Builder().build();

    private final boolean streaming;
    private final Duration firstByteTimeout;
    private final Duration idleTimeout;
    private final Duration overallTimeout;
    private final Duration progressInterval;
    private final int maxLineBytes;
    private final boolean stateCheck;
    private final List<Duration> recheckDelays;
    private final List<Duration> settleDelays;

    private ChatOptions(Builder b) {
        this.streaming = b.streaming;
        this.firstByteTimeout = b.firstByteTimeout;
        this.idleTimeout = b.idleTimeout;
        this.overallTimeout = b.overallTimeout;
        this.progressInterval = b.progressInterval;
        this.maxLineBytes = b.maxLineBytes;
        this.stateCheck = b.stateCheck;
        this.recheckDelays = b.recheckDelays;
        this.settleDelays = b.settleDelays;
    }

    /** {@return the defaults: no streaming, 60 s / 10 min / 15 min watchdogs, 8 MiB events, state checks on} */
    public static ChatOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a builder with the default values} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised from these options} */
    public Builder toBuilder() {
        return new Builder().streaming(streaming).firstByteTimeout(firstByteTimeout).idleTimeout(idleTimeout)
                .overallTimeout(overallTimeout).progressInterval(progressInterval).maxLineBytes(maxLineBytes)
                .stateCheck(stateCheck).recheckDelays(recheckDelays).settleDelays(settleDelays);
    }

    /**
     * {@return whether token-level text was asked for: the request then carries {@code "streaming":true} and partial chunks are {@link ChatEvent.AgentText} with {@code partial() == true}}
     */
    public boolean streaming() {
        return streaming;
    }

    /** {@return how long to wait for the first byte of the response (default 60 s)} */
    public Duration firstByteTimeout() {
        return firstByteTimeout;
    }

    /** {@return how long only heartbeats (or nothing) may arrive (default 10 min)} */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** {@return the longest a whole stream may take (default 15 min, the documented client timeout)} */
    public Duration overallTimeout() {
        return overallTimeout;
    }

    /** {@return how often {@link ChatListener#onStillWorking} is told while only heartbeats arrive (default 2 min)} */
    public Duration progressInterval() {
        return progressInterval;
    }

    /** {@return the longest line, and the largest event data, accepted (default 8 MiB)} */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /**
     * {@return whether {@link ChatApi#send} reads the session state before the message and, after a silent end or an interrupted stream, again to report what changed (default true)}
     */
    public boolean stateCheck() {
        return stateCheck;
    }

    /**
     * {@return the waits before each state check after an interrupted stream (cut or timeout); the checks stop at the first change. Empty means one immediate check}
     */
    public List<Duration> recheckDelays() {
        return recheckDelays;
    }

    /**
     * {@return the waits before each state read after a stream that ended without text; the reads stop at the first change, and only when the whole schedule saw none is the answer "nothing changed" (default {@link #DEFAULT_SETTLE_DELAYS})}
     */
    public List<Duration> settleDelays() {
        return settleDelays;
    }

    /**
     * A schedule of {@code reads} reads: the first right away, then one every {@code spacing}.
     *
     * @param reads   how many reads, at least 1
     * @param spacing the wait between reads, not negative
     * @return the waits before each read
     */
    public static List<Duration> evenly(int reads, Duration spacing) {
        if (reads < 1 || spacing.isNegative()) {
            throw new IllegalArgumentException("reads must be at least 1 and spacing not negative");
        }
        List<Duration> waits = new ArrayList<>(reads);
        waits.add(Duration.ZERO);
        for (int i = 1; i < reads; i++) {
            waits.add(spacing);
        }
        return List.copyOf(waits);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ChatOptions c)) {
            return false;
        }
        return streaming == c.streaming && maxLineBytes == c.maxLineBytes && stateCheck == c.stateCheck
                && firstByteTimeout.equals(c.firstByteTimeout) && idleTimeout.equals(c.idleTimeout)
                && overallTimeout.equals(c.overallTimeout) && progressInterval.equals(c.progressInterval)
                && recheckDelays.equals(c.recheckDelays) && settleDelays.equals(c.settleDelays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(streaming, firstByteTimeout, idleTimeout, overallTimeout, progressInterval, maxLineBytes,
                stateCheck, recheckDelays, settleDelays);
    }

    @Override
    public String toString() {
        return "ChatOptions{streaming=" + streaming + ", firstByteTimeout=" + firstByteTimeout + ", idleTimeout="
                + idleTimeout + ", overallTimeout=" + overallTimeout + ", progressInterval=" + progressInterval
                + ", maxLineBytes=" + maxLineBytes + ", stateCheck=" + stateCheck + ", recheckDelays=" + recheckDelays
                + ", settleDelays=" + settleDelays + '}';
    }

    /** Builds {@link ChatOptions}. */
    public static final class Builder {
        private boolean streaming;
        private Duration firstByteTimeout = Duration.ofSeconds(60);
        private Duration idleTimeout = Duration.ofMinutes(10);
        private Duration overallTimeout = Duration.ofMinutes(15);
        private Duration progressInterval = Duration.ofMinutes(2);
        private int maxLineBytes = 8 * 1024 * 1024;
        private boolean stateCheck = true;
        private List<Duration> recheckDelays = DEFAULT_RECHECK_DELAYS;
        private List<Duration> settleDelays = DEFAULT_SETTLE_DELAYS;

        private Builder() {
        }

        /**
         * Sets {@code streaming}.
         *
         * @param streaming ask for token-level text ({@code "streaming":true} in the request)
         * @return this builder
         */
        public Builder streaming(boolean streaming) {
            this.streaming = streaming;
            return this;
        }

        /**
         * Sets {@code firstByteTimeout}.
         *
         * @param timeout how long to wait for the first byte of the response, positive
         * @return this builder
         */
        public Builder firstByteTimeout(Duration timeout) {
            this.firstByteTimeout = positive(timeout, "firstByteTimeout");
            return this;
        }

        /**
         * Sets {@code idleTimeout}.
         *
         * @param timeout how long only heartbeats may arrive, positive
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        /**
         * Sets {@code overallTimeout}.
         *
         * @param timeout the longest a whole stream may take, positive
         * @return this builder
         */
        public Builder overallTimeout(Duration timeout) {
            this.overallTimeout = positive(timeout, "overallTimeout");
            return this;
        }

        /**
         * Sets {@code progressInterval}.
         *
         * @param interval how often to report "still working" while only heartbeats arrive, positive
         * @return this builder
         */
        public Builder progressInterval(Duration interval) {
            this.progressInterval = positive(interval, "progressInterval");
            return this;
        }

        /**
         * Sets {@code maxLineBytes}.
         *
         * @param maxLineBytes the longest line, and the largest event data, accepted (at least 1 KiB)
         * @return this builder
         */
        public Builder maxLineBytes(int maxLineBytes) {
            if (maxLineBytes < 1024) {
                throw new IllegalArgumentException("maxLineBytes must be at least 1024, was " + maxLineBytes);
            }
            this.maxLineBytes = maxLineBytes;
            return this;
        }

        /**
         * Sets {@code stateCheck}.
         *
         * @param stateCheck whether {@link ChatApi#send} reports what changed after a silent or interrupted stream
         * @return this builder
         */
        public Builder stateCheck(boolean stateCheck) {
            this.stateCheck = stateCheck;
            return this;
        }

        /**
         * Sets {@code recheckDelays}.
         *
         * @param delays waits before each state check after an interrupted stream (none negative)
         * @return this builder
         */
        public Builder recheckDelays(List<Duration> delays) {
            List<Duration> copy = List.copyOf(Objects.requireNonNull(delays, "delays"));
            for (Duration d : copy) {
                if (d.isNegative()) {
                    throw new IllegalArgumentException("recheck delays must not be negative");
                }
            }
            this.recheckDelays = copy;
            return this;
        }

        /**
         * Sets {@code settleDelays}.
         *
         * @param delays waits before each state read after a stream that ended without text (none
         *               negative, at least one); see {@link ChatOptions#evenly(int, Duration)}
         * @return this builder
         */
        public Builder settleDelays(List<Duration> delays) {
            List<Duration> copy = List.copyOf(Objects.requireNonNull(delays, "delays"));
            if (copy.isEmpty() || copy.stream().anyMatch(Duration::isNegative)) {
                throw new IllegalArgumentException("settle delays must be at least one wait, none negative");
            }
            this.settleDelays = copy;
            return this;
        }

        /** {@return the options} */
        public ChatOptions build() {
            return new ChatOptions(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
