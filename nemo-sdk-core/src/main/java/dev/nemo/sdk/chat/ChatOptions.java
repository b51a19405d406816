package dev.nemo.sdk.chat;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.internal.util.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How one chat message is streamed: whether to ask for token-level text, the watchdogs, the size
 * limit of one event, what {@link ChatApi#send} checks afterwards, the progress listener, and the
 * {@link RequestOptions} of the request (its {@code timeout} is the longest the whole stream may
 * take, 15 minutes by default; its retry policy never re-sends a message that may have run).
 * Immutable.
 *
 * <pre>{@code
 * ChatOptions o = ChatOptions.builder()
 *         .streaming(true)
 *         .idleTimeout(Duration.ofMinutes(5))
 *         .onProgress(quiet -> System.out.println("still working after " + quiet))
 *         .request(RequestOptions.builder().timeout(Duration.ofMinutes(20)).build())
 *         .build();
 * }</pre>
 */
public final class ChatOptions {
    /** The contract's schedule after a cut: 30 s, then every 60 s, five checks in all (about 5 min). */
    public static final List<Duration> DEFAULT_RECHECK_DELAYS = List.of(Duration.ofSeconds(30),
            Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60));
    /**
     * The longest a whole stream may take when {@link RequestOptions#timeout()} does not say:
     * 15 minutes, the documented client timeout.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

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
    private final Duration progressInterval;
    private final int maxLineBytes;
    private final boolean stateCheck;
    private final List<Duration> recheckDelays;
    private final @Nullable ChatProgressListener progressListener;
    private final RequestOptions request;
    private final List<Duration> settleDelays;

    private ChatOptions(Builder b) {
        this.streaming = b.streaming;
        this.firstByteTimeout = b.firstByteTimeout;
        this.idleTimeout = b.idleTimeout;
        this.progressInterval = b.progressInterval;
        this.maxLineBytes = b.maxLineBytes;
        this.stateCheck = b.stateCheck;
        this.recheckDelays = b.recheckDelays;
        this.progressListener = b.progressListener;
        this.request = b.request;
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
                .progressInterval(progressInterval).maxLineBytes(maxLineBytes).stateCheck(stateCheck)
                .recheckDelays(recheckDelays).settleDelays(settleDelays).onProgress(progressListener).request(request);
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

    /** {@return the longest a whole stream may take: the request's timeout, else {@link #DEFAULT_TIMEOUT}} */
    public Duration timeout() {
        return request.timeout().orElse(DEFAULT_TIMEOUT);
    }

    /** {@return how often the progress listener is told while only heartbeats arrive (default 2 min)} */
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

    /** {@return the progress listener, when set} */
    public Optional<ChatProgressListener> progressListener() {
        return Optional.ofNullable(progressListener);
    }

    /** {@return the options of the chat request, as set (without the default deadline)} */
    public RequestOptions request() {
        return request;
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
    public boolean equals(@Nullable Object o) {
        return o instanceof ChatOptions c && streaming == c.streaming && maxLineBytes == c.maxLineBytes
                && stateCheck == c.stateCheck && firstByteTimeout.equals(c.firstByteTimeout)
                && idleTimeout.equals(c.idleTimeout) && progressInterval.equals(c.progressInterval)
                && recheckDelays.equals(c.recheckDelays) && settleDelays.equals(c.settleDelays)
                && Objects.equals(progressListener, c.progressListener) && request.equals(c.request);
    }

    @Override
    public int hashCode() {
        return Objects.hash(streaming, firstByteTimeout, idleTimeout, progressInterval, maxLineBytes, stateCheck,
                recheckDelays, settleDelays, request);
    }

    @Override
    public String toString() {
        return "ChatOptions{streaming=" + streaming + ", firstByteTimeout=" + firstByteTimeout + ", idleTimeout="
                + idleTimeout + ", progressInterval=" + progressInterval + ", maxLineBytes=" + maxLineBytes
                + ", stateCheck=" + stateCheck + ", recheckDelays=" + recheckDelays + ", settleDelays=" + settleDelays
                + ", progressListener=" + (progressListener != null) + ", request=" + request + '}';
    }

    /** Builds {@link ChatOptions}. */
    public static final class Builder {
        private boolean streaming;
        private Duration firstByteTimeout = Duration.ofSeconds(60);
        private Duration idleTimeout = Duration.ofMinutes(10);
        private Duration progressInterval = Duration.ofMinutes(2);
        private int maxLineBytes = 8 * 1024 * 1024;
        private boolean stateCheck = true;
        private List<Duration> recheckDelays = DEFAULT_RECHECK_DELAYS;
        private @Nullable ChatProgressListener progressListener;
        private RequestOptions request = RequestOptions.none();
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
            this.firstByteTimeout = Checks.positive(timeout, "firstByteTimeout");
            return this;
        }

        /**
         * Sets {@code idleTimeout}.
         *
         * @param timeout how long only heartbeats may arrive, positive
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Checks.positive(timeout, "idleTimeout");
            return this;
        }

        /**
         * Sets {@code progressInterval}.
         *
         * @param interval how often to report "still working" while only heartbeats arrive, positive
         * @return this builder
         */
        public Builder progressInterval(Duration interval) {
            this.progressInterval = Checks.positive(interval, "progressInterval");
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
         * Sets {@code onProgress}.
         *
         * @param listener told "still working" every {@link #progressInterval(Duration)} of
         *                 heartbeat-only quiet (see {@link ChatProgressListener}), or {@code null}
         *                 for none
         * @return this builder
         */
        public Builder onProgress(@Nullable ChatProgressListener listener) {
            this.progressListener = listener;
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

        /**
         * The request's options: its {@code timeout} is the longest the whole stream may take
         * ({@link #DEFAULT_TIMEOUT} when unset); its retry policy keeps only the retries that cannot
         * re-send a message that may have run (connect failures), never the wait-and-retry after a
         * 429; its extra headers are sent with the message.
         *
         * @param request the request options
         * @return this builder
         */
        public Builder request(RequestOptions request) {
            this.request = Objects.requireNonNull(request, "request");
            return this;
        }

        /** {@return the options} */
        public ChatOptions build() {
            return new ChatOptions(this);
        }
    }
}
