package dev.nemo.sdk.testkit;

import dev.nemo.sdk.testkit.internal.FastForwardClock;
import dev.nemo.sdk.upload.MediaFormats;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link NemoEmulator}. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * EmulatorOptions options = EmulatorOptions.builder()
 *         .clock(virtualClock)              // token expiry and time-paced renders follow it
 *         .seed(42)                         // ids and which edits are silent
 *         .uploadLimitBytes(1_000_000)
 *         .staticToken("nmv_usr_test", 500) // a registered user's API token
 *         .build();
 * }</pre>
 */
public final class EmulatorOptions {
    /** The seed's upload limit, 200 MB ({@link MediaFormats#MAX_FILE_SIZE}). */
    public static final long DEFAULT_UPLOAD_LIMIT = MediaFormats.MAX_FILE_SIZE;

    private final Clock clock;
    private final long seed;
    private final long uploadLimitBytes;
    private final long anonymousCredits;
    private final Duration tokenLifetime;
    private final int tokensPerClient;
    private final long creditsPerEdit;
    private final Map<String, Long> staticTokens;
    private final SilentEdits silentEdits;
    private final SseDialect sseDialect;
    private final RenderPacing renderPacing;
    private final Renderer renderer;
    private final AgentBackend agentBackend;
    private final String tokenTag;
    private final String host;
    private final int port;
    private final int cdnPort;
    private final Duration stateLag;

    private EmulatorOptions(Builder b) {
        this.clock = b.clock;
        this.seed = b.seed;
        this.uploadLimitBytes = b.uploadLimitBytes;
        this.anonymousCredits = b.anonymousCredits;
        this.tokenLifetime = b.tokenLifetime;
        this.tokensPerClient = b.tokensPerClient;
        this.creditsPerEdit = b.creditsPerEdit;
        this.staticTokens = Collections.unmodifiableMap(new LinkedHashMap<>(b.staticTokens));
        this.silentEdits = b.silentEdits;
        this.sseDialect = b.sseDialect;
        this.renderPacing = b.renderPacing;
        this.renderer = b.renderer;
        this.agentBackend = b.agentBackend;
        this.tokenTag = b.tokenTag;
        this.host = b.host;
        this.port = b.port;
        this.cdnPort = b.cdnPort;
        this.stateLag = b.stateLag;
    }

    /** @return default options */
    public static EmulatorOptions defaults() {
        return builder().build();
    }

    /** @return a builder with default settings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder initialised from these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.clock = clock;
        b.seed = seed;
        b.uploadLimitBytes = uploadLimitBytes;
        b.anonymousCredits = anonymousCredits;
        b.tokenLifetime = tokenLifetime;
        b.tokensPerClient = tokensPerClient;
        b.creditsPerEdit = creditsPerEdit;
        b.staticTokens.putAll(staticTokens);
        b.silentEdits = silentEdits;
        b.sseDialect = sseDialect;
        b.renderPacing = renderPacing;
        b.renderer = renderer;
        b.agentBackend = agentBackend;
        b.tokenTag = tokenTag;
        b.host = host;
        b.port = port;
        b.cdnPort = cdnPort;
        b.stateLag = stateLag;
        return b;
    }

    /** @return the clock for token expiry, timestamps and time-paced renders */
    public Clock clock() {
        return clock;
    }

    /** @return the seed of ids and of the choice of silent edits */
    public long seed() {
        return seed;
    }

    /** @return the largest accepted upload file, in bytes */
    public long uploadLimitBytes() {
        return uploadLimitBytes;
    }

    /** @return credits of a new anonymous account */
    public long anonymousCredits() {
        return anonymousCredits;
    }

    /** @return how long an anonymous token is valid */
    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    /** @return how many unexpired anonymous tokens one client id may hold before it gets HTTP 429 */
    public int tokensPerClient() {
        return tokensPerClient;
    }

    /** @return credits one chat edit costs */
    public long creditsPerEdit() {
        return creditsPerEdit;
    }

    /** @return pre-registered tokens (registered, non-expiring users) and their credits */
    public Map<String, Long> staticTokens() {
        return staticTokens;
    }

    /** @return which edits end without text */
    public SilentEdits silentEdits() {
        return silentEdits;
    }

    /** @return the framing of {@code /run_sse} */
    public SseDialect sseDialect() {
        return sseDialect;
    }

    /** @return how renders progress */
    public RenderPacing renderPacing() {
        return renderPacing;
    }

    /** @return the agent {@code /run_sse} is delegated to, if any (else the built-in rule-based agent) */
    public Optional<AgentBackend> agentBackend() {
        return Optional.ofNullable(agentBackend);
    }

    /** @return the renderer set explicitly, if any (else discovered or passthrough) */
    public Optional<Renderer> renderer() {
        return Optional.ofNullable(renderer);
    }

    /** @return text put into every issued token after {@code nmv_usr_} (for log-leak checks) */
    public String tokenTag() {
        return tokenTag;
    }

    /** @return the address both servers listen on, {@code 127.0.0.1} unless set */
    public String host() {
        return host;
    }

    /** @return the API port, 0 for an ephemeral one */
    public int port() {
        return port;
    }

    /** @return the CDN port, 0 for an ephemeral one */
    public int cdnPort() {
        return cdnPort;
    }

    /**
     * {@return how long after a chat edit the state endpoint still shows the state from before it;
     * zero (the default) shows every change at once}
     */
    public Duration stateLag() {
        return stateLag;
    }

    @Override
    public String toString() {
        return "EmulatorOptions{seed=" + seed + ", uploadLimitBytes=" + uploadLimitBytes + ", anonymousCredits="
                + anonymousCredits + ", tokenLifetime=" + tokenLifetime + ", tokensPerClient=" + tokensPerClient
                + ", creditsPerEdit=" + creditsPerEdit + ", staticTokens=" + staticTokens.size() + ", silentEdits="
                + silentEdits + ", sseDialect=" + sseDialect + ", renderPacing=" + renderPacing + '}';
    }

    /** Builds {@link EmulatorOptions}. Not thread-safe. */
    public static final class Builder {
        private Clock clock = new FastForwardClock();
        private long seed = 20261125L;
        private long uploadLimitBytes = DEFAULT_UPLOAD_LIMIT;
        private long anonymousCredits = 100;
        private Duration tokenLifetime = Duration.ofDays(7);
        private int tokensPerClient = 1;
        private long creditsPerEdit = 10;
        private final Map<String, Long> staticTokens = new LinkedHashMap<>();
        private SilentEdits silentEdits = SilentEdits.SEEDED;
        private SseDialect sseDialect = SseDialect.ADK_JAVA;
        private RenderPacing renderPacing = RenderPacing.afterPolls(2);
        private Renderer renderer;
        private AgentBackend agentBackend;
        private String tokenTag = "";
        private String host = "127.0.0.1";
        private int port;
        private int cdnPort;
        private Duration stateLag = Duration.ZERO;

        private Builder() {}

        /**
         * @param clock time source for token expiry, timestamps and time-paced renders. Default: the UTC
         *              system clock, moved forward by every wait of the clients the emulator builds
         *              ({@link NemoEmulator#clientBuilder}), which therefore never really sleep: a 30 s
         *              export poll costs no real time. Pass {@code Clock.systemUTC()} for real waits, or
         *              a clock that is also a {@code dev.nemo.sdk.Sleeper} for virtual time of your own.
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param seed seed of ids and of which edits are silent; the same seed and the same requests give
         *             the same responses
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param bytes the largest accepted file per upload part, default 200 MB; larger files get code 4002
         * @return this builder
         */
        public Builder uploadLimitBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("uploadLimitBytes must be positive");
            }
            this.uploadLimitBytes = bytes;
            return this;
        }

        /**
         * @param credits credits of a new anonymous account, default 100
         * @return this builder
         */
        public Builder anonymousCredits(long credits) {
            this.anonymousCredits = nonNegative(credits, "anonymousCredits");
            return this;
        }

        /**
         * @param lifetime validity of anonymous tokens, default 7 days
         * @return this builder
         */
        public Builder tokenLifetime(Duration lifetime) {
            Objects.requireNonNull(lifetime, "lifetime");
            if (lifetime.isZero() || lifetime.isNegative()) {
                throw new IllegalArgumentException("tokenLifetime must be positive");
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /**
         * @param tokens how many unexpired anonymous tokens a client id may hold, default 1 (the
         *               documented "1 token per client per 7 days"); one more gets HTTP 429 with
         *               {@code Retry-After} until the oldest expires
         * @return this builder
         */
        public Builder tokensPerClient(int tokens) {
            if (tokens < 1) {
                throw new IllegalArgumentException("tokensPerClient must be at least 1");
            }
            this.tokensPerClient = tokens;
            return this;
        }

        /**
         * @param credits what one chat edit costs, default 10; 0 makes chat free
         * @return this builder
         */
        public Builder creditsPerEdit(long credits) {
            this.creditsPerEdit = nonNegative(credits, "creditsPerEdit");
            return this;
        }

        /**
         * Registers an API token of a registered (non-anonymous) user, valid forever.
         *
         * @param token   the bearer token clients will send
         * @param credits the user's credits
         * @return this builder
         */
        public Builder staticToken(String token, long credits) {
            Objects.requireNonNull(token, "token");
            if (token.isBlank() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("token must be printable ASCII without spaces");
            }
            staticTokens.put(token, nonNegative(credits, "credits"));
            return this;
        }

        /**
         * @param token a registered user's bearer token with 1000 credits
         * @return this builder
         */
        public Builder staticToken(String token) {
            return staticToken(token, 1000);
        }

        /**
         * Makes the state endpoint eventually consistent, as the real one is: after a chat edit,
         * {@code GET /api/state/…/latest} keeps answering the state from before the edit for
         * {@code lag} (on the emulator's {@link #clock(Clock) clock}), so a client must keep reading
         * after a silent stream to see the change.
         *
         * @param lag how long the state lags behind chat edits, default zero
         * @return this builder
         */
        public Builder stateLag(Duration lag) {
            if (Objects.requireNonNull(lag, "lag").isNegative()) {
                throw new IllegalArgumentException("stateLag must not be negative");
            }
            this.stateLag = lag;
            return this;
        }

        /**
         * @param silentEdits which edits end without text, default {@link SilentEdits#SEEDED}
         * @return this builder
         */
        public Builder silentEdits(SilentEdits silentEdits) {
            this.silentEdits = Objects.requireNonNull(silentEdits, "silentEdits");
            return this;
        }

        /**
         * @param dialect the framing of {@code /run_sse}, default {@link SseDialect#ADK_JAVA}
         * @return this builder
         */
        public Builder sseDialect(SseDialect dialect) {
            this.sseDialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * @param pacing how renders progress, default {@code RenderPacing.afterPolls(2)}
         * @return this builder
         */
        public Builder renderPacing(RenderPacing pacing) {
            this.renderPacing = Objects.requireNonNull(pacing, "pacing");
            return this;
        }

        /**
         * @param renderer the renderer to use instead of a discovered one or the passthrough
         * @return this builder
         */
        public Builder renderer(Renderer renderer) {
            this.renderer = Objects.requireNonNull(renderer, "renderer");
            return this;
        }

        /**
         * @param backend the agent to run chat messages with instead of the built-in rule-based one
         *                (for example a real ADK agent from {@code nemo-sdk-conformance})
         * @return this builder
         */
        public Builder agentBackend(AgentBackend backend) {
            this.agentBackend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * @param tag text inserted into every issued anonymous token after {@code nmv_usr_}, so a test
         *            can search logs for leaked emulator tokens; letters and digits only
         * @return this builder
         */
        public Builder tokenTag(String tag) {
            Objects.requireNonNull(tag, "tag");
            if (!tag.matches("[A-Za-z0-9]{0,32}")) {
                throw new IllegalArgumentException("tokenTag must be at most 32 letters or digits");
            }
            this.tokenTag = tag;
            return this;
        }

        /**
         * The address the API and CDN servers listen on. The emulator has no real authentication:
         * keep the default loopback address unless other machines must reach it.
         *
         * @param host an IP address or host name of this machine, default {@code 127.0.0.1};
         *             {@code 0.0.0.0} listens on every interface
         * @return this builder
         */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            this.host = host.strip();
            return this;
        }

        /**
         * @param port fixed API port, default 0 (ephemeral)
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port(port, "port");
            return this;
        }

        /**
         * @param port fixed CDN port, default 0 (ephemeral)
         * @return this builder
         */
        public Builder cdnPort(int port) {
            this.cdnPort = port(port, "cdnPort");
            return this;
        }

        /** @return the options */
        public EmulatorOptions build() {
            return new EmulatorOptions(this);
        }

        private static long nonNegative(long v, String name) {
            if (v < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return v;
        }

        private static int port(int port, String name) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(name + " must be 0-65535");
            }
            return port;
        }
    }
}
