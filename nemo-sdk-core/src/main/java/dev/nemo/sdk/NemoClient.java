package dev.nemo.sdk;

import dev.nemo.sdk.auth.AccessToken;
import dev.nemo.sdk.auth.Attribution;
import dev.nemo.sdk.auth.Credentials;
import dev.nemo.sdk.auth.TokenProvider;
import dev.nemo.sdk.chat.ChatApi;
import dev.nemo.sdk.credits.CreditsApi;
import dev.nemo.sdk.export.ExportsApi;
import dev.nemo.sdk.internal.SdkInfo;
import dev.nemo.sdk.internal.SharedResources;
import dev.nemo.sdk.internal.api.DefaultChatApi;
import dev.nemo.sdk.internal.api.DefaultCreditsApi;
import dev.nemo.sdk.internal.api.DefaultExportsApi;
import dev.nemo.sdk.internal.api.DefaultSessionsApi;
import dev.nemo.sdk.internal.api.DefaultStateApi;
import dev.nemo.sdk.internal.api.DefaultUploadsApi;
import dev.nemo.sdk.internal.auth.AnonymousTokenProvider;
import dev.nemo.sdk.internal.auth.AnonymousTokenStore;
import dev.nemo.sdk.internal.auth.ClientIdStore;
import dev.nemo.sdk.internal.auth.StaticTokenProvider;
import dev.nemo.sdk.internal.http.HttpPipeline;
import dev.nemo.sdk.internal.http.Listeners;
import dev.nemo.sdk.internal.http.TransportSettings;
import dev.nemo.sdk.internal.json.JacksonVersionCheck;
import dev.nemo.sdk.internal.upload.Multipart;
import dev.nemo.sdk.internal.util.Checks;
import dev.nemo.sdk.internal.util.Futures;
import dev.nemo.sdk.internal.workflow.DefaultWorkflowsApi;
import dev.nemo.sdk.session.SessionsApi;
import dev.nemo.sdk.state.StateApi;
import dev.nemo.sdk.upload.UploadsApi;
import dev.nemo.sdk.workflow.WorkflowsApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of the NemoVideo SDK. Immutable and thread-safe: build one, share it, close it
 * when the application stops.
 *
 * <pre>{@code
 * try (NemoClient client = NemoClient.builder().build()) {   // NEMO_TOKEN, else a free anonymous token
 *     Session session = client.sessions().create();
 *     System.out.println(client.credits().balance());
 * }
 * }</pre>
 *
 * <p>{@link #toBuilder()} derives a changed copy that shares this client's connection pool and
 * timer; each copy must be closed, and the shared resources stop with the last one.
 */
public final class NemoClient implements AutoCloseable {
    /** The production API. */
    public static final String DEFAULT_BASE_URL = "https://mega-api-prod.nemovideo.ai";

    private final Builder settings;
    private final SharedResources resources;
    private final HttpPipeline transport;
    private final TokenProvider tokens;
    private final SessionsApi sessions;
    private final CreditsApi credits;
    private final StateApi state;
    private final ChatApi chat;
    private final UploadsApi uploads;
    private final ExportsApi exports;
    private final WorkflowsApi workflows;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NemoClient(Builder b, @Nullable SharedResources shared, @Nullable TokenProvider sharedTokens) {
        JacksonVersionCheck.requireSupported();
        this.settings = b.copy();
        Map<String, String> env = b.environment;
        URI base = baseUri(
                b.baseUrl != null
                        ? b.baseUrl
                        : nonBlank(env.get("NEMO_API_URL")).orElse(DEFAULT_BASE_URL));
        this.resources = shared != null
                ? shared.retain()
                : new SharedResources(b.httpClient != null ? b.httpClient : newHttpClient(b), b.httpClient == null);
        if (shared == null) {
            Multipart.seedInBackground(resources.scheduler());
        }
        Sleeper sleeper = b.sleeper != null ? b.sleeper : schedulerSleeper(resources);
        Attribution attribution = b.attribution != null ? b.attribution : Attribution.defaults();
        HttpPipeline unauthenticated = HttpPipeline.unauthenticated(new TransportSettings(
                base,
                resources.http(),
                attribution,
                SdkInfo.userAgent(),
                b.requestTimeout,
                b.retryPolicy,
                sleeper,
                b.clock,
                resources.scheduler(),
                b.executor,
                Listeners.of(b.listeners),
                b.durableDownloads));
        this.tokens = sharedTokens != null ? sharedTokens : tokenProvider(b, env, base, unauthenticated);
        this.transport = unauthenticated.withAuthentication(tokens);
        this.sessions = new DefaultSessionsApi(transport);
        this.credits = new DefaultCreditsApi(transport);
        this.state = new DefaultStateApi(transport);
        this.chat = new DefaultChatApi(transport, state);
        this.uploads = new DefaultUploadsApi(transport);
        this.exports = new DefaultExportsApi(transport);
        this.workflows = new DefaultWorkflowsApi(
                sessions,
                uploads,
                chat,
                state,
                exports,
                transport.settings().sleeper(),
                transport.settings().clock());
    }

    /** The provider the credentials call for; an anonymous one gets its token through {@code pipeline}. */
    private static TokenProvider tokenProvider(Builder b, Map<String, String> env, URI base, HttpPipeline pipeline) {
        Credentials creds = b.credentials;
        if (creds instanceof Credentials.Token t) {
            return new StaticTokenProvider(AccessToken.of(t.value()));
        }
        if (creds instanceof Credentials.Custom c) {
            return c.provider();
        }
        Optional<String> envToken =
                creds instanceof Credentials.DefaultChain ? nonBlank(env.get("NEMO_TOKEN")) : Optional.empty();
        if (envToken.isPresent()) {
            return new StaticTokenProvider(AccessToken.of(envToken.get()));
        }
        // anonymous, or the default chain with no token anywhere
        Path config = b.configDirectory();
        String clientId = ClientIdStore.resolve(b.clientId, env, config);
        boolean fromFile =
                b.clientId == null && nonBlank(env.get("NEMO_CLIENT_ID")).isEmpty();
        // a refused id that came from the file is replaced there; one the user chose is replaced in memory only
        Supplier<String> newClientId = fromFile
                ? () -> ClientIdStore.replace(config)
                : () -> UUID.randomUUID().toString();
        return new AnonymousTokenProvider(
                pipeline,
                clientId,
                b.clock,
                newClientId,
                id -> b.persistAnonymousToken ? AnonymousTokenStore.in(config, base.toString(), id) : null);
    }

    /** {@return a builder with default settings} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this client's settings. Building it shares this client's connection pool
     * (when the HTTP settings are unchanged) and its token cache (when base URL, credentials and
     * client id are unchanged).
     *
     * @return a builder initialised from this client
     */
    public Builder toBuilder() {
        Builder b = settings.copy();
        b.parent = this;
        return b;
    }

    /** {@return session creation} */
    public SessionsApi sessions() {
        return sessions;
    }

    /** {@return the credit balance} */
    public CreditsApi credits() {
        return credits;
    }

    /** {@return the latest state of a session: media, draft, canvas} */
    public StateApi state() {
        return state;
    }

    /** {@return chat with the session's agent ({@code /run_sse})} */
    public ChatApi chat() {
        return chat;
    }

    /** {@return media upload to a session (files or URLs)} */
    public UploadsApi uploads() {
        return uploads;
    }

    /** {@return exports: submit a render, follow it (also from another process), download the video} */
    public ExportsApi exports() {
        return exports;
    }

    /**
     * {@return the seed's workflows in one call each: quick edit, batch and iterative conversation,
     * built on the APIs above, with one progress listener and the state settled before every export}
     */
    public WorkflowsApi workflows() {
        return workflows;
    }

    /** {@return the API base URL in use} */
    public URI baseUrl() {
        return transport.settings().baseUri();
    }

    /** {@return the attribution headers sent on every request} */
    public Attribution attribution() {
        return transport.settings().attribution();
    }

    /** {@return the {@code X-Client-Id} used for anonymous tokens, when anonymous credentials are in use} */
    public Optional<String> clientId() {
        return tokens instanceof AnonymousTokenProvider a ? Optional.of(a.clientId()) : Optional.empty();
    }

    /** {@return the clock the client reads (injectable for tests)} */
    public Clock clock() {
        return transport.settings().clock();
    }

    /** {@return the sleeper every SDK wait goes through} */
    public Sleeper sleeper() {
        return transport.settings().sleeper();
    }

    /**
     * Releases this client's share of the connection pool and timer. Open streams are not waited
     * for. A user-supplied {@link HttpClient} is left to its owner. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            resources.release();
        }
    }

    @Override
    public String toString() {
        return "NemoClient{baseUrl=" + baseUrl() + ", credentials=" + settings.credentials + ", attribution="
                + attribution() + '}';
    }

    private static Sleeper schedulerSleeper(SharedResources resources) {
        return duration -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            if (duration.isZero() || duration.isNegative()) {
                done.complete(null);
                return done;
            }
            try {
                ScheduledFuture<?> timer = resources
                        .scheduler()
                        .schedule(() -> done.complete(null), duration.toNanos(), TimeUnit.NANOSECONDS);
                Futures.onCompletion(done, (v, e) -> {
                    if (e != null) {
                        timer.cancel(false); // a sleep cancelled early frees its timer slot
                    }
                });
            } catch (RejectedExecutionException e) {
                done.completeExceptionally(new IllegalStateException("the client was closed", e));
            }
            return done;
        };
    }

    private static HttpClient newHttpClient(Builder b) {
        HttpClient.Builder hb =
                HttpClient.newBuilder().connectTimeout(b.connectTimeout).followRedirects(HttpClient.Redirect.NEVER);
        if (b.executor != null) {
            hb.executor(b.executor);
        }
        return hb.build();
    }

    private static URI baseUri(String url) {
        URI u;
        try {
            u = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid base URL: " + url, e);
        }
        if (u.getScheme() == null
                || u.getHost() == null
                || !("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))) {
            throw new IllegalArgumentException("base URL must be an absolute http(s) URL: " + url);
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new IllegalArgumentException("base URL must not have a query or fragment: " + url);
        }
        String s = u.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    private static Optional<String> nonBlank(@Nullable String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    /** Builds a {@link NemoClient}. Not thread-safe; the client it builds is. */
    public static final class Builder {
        private @Nullable String baseUrl;
        private Credentials credentials = Credentials.defaultChain();
        private @Nullable String clientId;
        private @Nullable Attribution attribution;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private @Nullable HttpClient httpClient;
        private Clock clock = Clock.systemUTC();
        private @Nullable Sleeper sleeper;
        private @Nullable Executor executor;
        private Map<String, String> environment = System.getenv();
        private @Nullable Path configDirectory;
        private boolean persistAnonymousToken = true;
        private boolean durableDownloads = true;
        private final List<RequestListener> listeners = new ArrayList<>();
        private @Nullable NemoClient parent;

        private Builder() {}

        private Builder copy() {
            Builder b = new Builder();
            b.baseUrl = baseUrl;
            b.credentials = credentials;
            b.clientId = clientId;
            b.attribution = attribution;
            b.connectTimeout = connectTimeout;
            b.requestTimeout = requestTimeout;
            b.retryPolicy = retryPolicy;
            b.httpClient = httpClient;
            b.clock = clock;
            b.sleeper = sleeper;
            b.executor = executor;
            b.environment = environment;
            b.configDirectory = configDirectory;
            b.persistAnonymousToken = persistAnonymousToken;
            b.listeners.addAll(listeners);
            b.durableDownloads = durableDownloads;
            return b;
        }

        /**
         * Sets {@code baseUrl}.
         *
         * @param baseUrl API base, for example {@code https://mega-api-prod.nemovideo.ai}; when not set,
         *                {@code NEMO_API_URL}, else the production API
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            baseUri(baseUrl);
            return this;
        }

        /**
         * Sets {@code credentials}.
         *
         * @param credentials where the token comes from; default {@link Credentials#defaultChain()}
         * @return this builder
         */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * Shortcut for {@code credentials(Credentials.token(token))}.
         *
         * @param token an API token
         * @return this builder
         */
        public Builder token(String token) {
            return credentials(Credentials.token(token));
        }

        /**
         * Sets {@code clientId}.
         *
         * @param clientId stable {@code X-Client-Id} for anonymous tokens (at most 64 printable characters);
         *                 default {@code NEMO_CLIENT_ID}, else a UUID persisted in {@code ~/.config/nemovideo/client_id}
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = ClientIdStore.validate(Objects.requireNonNull(clientId, "clientId"), "clientId");
            return this;
        }

        /**
         * Sets {@code attribution}.
         *
         * @param attribution the {@code X-Skill-*} headers; default {@link Attribution#defaults()}
         * @return this builder
         */
        public Builder attribution(Attribution attribution) {
            this.attribution = Objects.requireNonNull(attribution, "attribution");
            return this;
        }

        /**
         * Sets {@code connectTimeout}.
         *
         * @param connectTimeout TCP/TLS connect timeout, default 10 s
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Checks.positive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * Sets {@code requestTimeout}.
         *
         * @param requestTimeout deadline of a whole JSON exchange, headers and body, default 60 s
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Checks.positive(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * Sets {@code retryPolicy}.
         *
         * @param retryPolicy default retry policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Uses the caller's HTTP client (its redirect policy should be {@code NEVER}: the SDK follows
         * redirects itself so credentials never leave the API's origin). The SDK never closes it.
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Sets {@code clock}.
         *
         * @param clock time source for token expiry, {@code Retry-After} dates and render ids
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets {@code sleeper}.
         *
         * @param sleeper how the SDK waits (backoff, rate limits, polling); inject a virtual one in tests
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets {@code executor}.
         *
         * @param executor executor for the SDK-built HTTP client's callbacks (for example virtual threads)
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Sets {@code environment}.
         *
         * @param environment the variables to read {@code NEMO_*} settings from (default: the process
         *                    environment); tests pass a map
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
            return this;
        }

        /**
         * Sets {@code configDirectory}.
         *
         * @param configDirectory where the client id is persisted; default {@code ~/.config/nemovideo}
         * @return this builder
         */
        public Builder configDirectory(Path configDirectory) {
            this.configDirectory = Objects.requireNonNull(configDirectory, "configDirectory");
            return this;
        }

        /**
         * Whether an anonymous token is kept between runs in {@code anonymous-token.json} next to the
         * client id (owner-only file; default {@code true}). The server issues one anonymous token per
         * client id per seven days, so a process that forgets its token is refused until it expires.
         *
         * @param persist {@code false} to keep the anonymous token in memory only
         * @return this builder
         */
        public Builder persistAnonymousToken(boolean persist) {
            this.persistAnonymousToken = persist;
            return this;
        }

        /**
         * Whether a download is forced to the storage device ({@code FileChannel.force}) before it is
         * moved to its target name (default {@code true}): after a crash the target holds the whole
         * video or the previous file, never a partial one. {@code false} skips that wait (faster on
         * slow disks, as fast as a plain {@code HttpResponse.BodyHandlers.ofFile}); the move stays atomic.
         *
         * @param durable {@code false} to skip the force before the move
         * @return this builder
         */
        public Builder durableDownloads(boolean durable) {
            this.durableDownloads = durable;
            return this;
        }

        /**
         * Adds a listener of request events (start, retry, answer, failure, chat stream and export
         * wait timings), for metrics and traces. Several may be added; they are called in order,
         * and one that throws is logged and skipped. See {@link RequestListener}.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder requestListener(RequestListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        private Path configDirectory() {
            return configDirectory != null
                    ? configDirectory
                    : Paths.get(System.getProperty("user.home"), ".config", "nemovideo");
        }

        /** {@return the client} */
        public NemoClient build() {
            SharedResources shared = null;
            TokenProvider tokens = null;
            NemoClient parent = this.parent;
            if (parent != null && !parent.resources.isClosed()) {
                Builder p = parent.settings;
                if (httpClient == p.httpClient
                        && connectTimeout.equals(p.connectTimeout)
                        && Objects.equals(executor, p.executor)) {
                    shared = parent.resources;
                }
                if (shared != null
                        && Objects.equals(baseUrl, p.baseUrl)
                        && credentials.equals(p.credentials)
                        && Objects.equals(clientId, p.clientId)
                        && environment.equals(p.environment)
                        && Objects.equals(configDirectory, p.configDirectory)
                        && clock.equals(p.clock)
                        && persistAnonymousToken == p.persistAnonymousToken) {
                    tokens = parent.tokens;
                }
            }
            return new NemoClient(this, shared, tokens);
        }
    }
}
