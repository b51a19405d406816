package dev.nemo.sdk.testkit;

import com.sun.net.httpserver.HttpServer;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.Sleeper;
import dev.nemo.sdk.auth.Credentials;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.testkit.internal.ApiServer;
import dev.nemo.sdk.testkit.internal.CdnServer;
import dev.nemo.sdk.testkit.internal.FaultEngine;
import dev.nemo.sdk.testkit.internal.JsonBridge;
import dev.nemo.sdk.testkit.internal.RenderService;
import dev.nemo.sdk.testkit.internal.RequestLog;
import dev.nemo.sdk.testkit.internal.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process NemoVideo server for tests and demos: every endpoint of the API contract with its
 * envelopes, error codes and rules, a rule-based chat agent behind {@code /run_sse}, renders with a
 * pluggable {@link Renderer}, CDN-style output URLs on a second port, and scriptable
 * {@link #faults() faults}. It binds to 127.0.0.1 on ephemeral ports, starts in milliseconds and
 * leaves no threads behind when closed. Thread-safe. (Loading this class sets the system property
 * {@code sun.net.httpserver.nodelay=true} unless it is already set, so that responses are not held
 * back by Nagle's algorithm.)
 *
 * <pre>{@code
 * try (NemoEmulator emulator = NemoEmulator.start();
 *      NemoClient client = emulator.clientBuilder(tempDir).build()) {
 *     Session session = client.sessions().create();
 *     assertThat(client.credits().balance().available()).isEqualTo(100);
 * }
 * }</pre>
 *
 * <p>What it enforces, as the real service does: a bearer token it issued (or a configured
 * {@linkplain EmulatorOptions.Builder#staticToken static token}) on every call but the
 * anonymous-token call (else code 1001); {@code X-Client-Id} on that call (else HTTP 400) and one
 * live token per client id (else HTTP 429 with {@code Retry-After}); the {@code X-Skill-*}
 * attribution headers on export (else HTTP 402); credits per chat edit (code 2001 before the
 * stream when exhausted); sessions and renders visible to their owner only (code 1002 / 404).
 */
public final class NemoEmulator implements AutoCloseable {
    static {
        // The JDK server leaves Nagle's algorithm on, so every small write after the headers waits
        // ~40 ms for a delayed ACK. The setting is read once, when the first JDK server starts in
        // this JVM; an explicit setting by the application wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final EmulatorOptions options;
    private final World world;
    private final FaultEngine faultEngine = new FaultEngine();
    private final Faults faults = new Faults(faultEngine);
    private final RequestLog log = new RequestLog();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final RenderService renders;
    private final ExecutorService executor;
    private final HttpServer api;
    private final HttpServer cdn;
    private final String baseUrl;
    private final String cdnUrl;

    private NemoEmulator(EmulatorOptions options) throws IOException {
        this.options = options;
        this.world = new World(options);
        this.renders = new RenderService(RenderService.choose(options));
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "nemo-emulator-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        InetAddress loopback = InetAddress.getByName(options.host());
        HttpServer apiServer = null;
        HttpServer cdnServer = null;
        try {
            cdnServer = HttpServer.create(new InetSocketAddress(loopback, options.cdnPort()), 64);
            apiServer = HttpServer.create(new InetSocketAddress(loopback, options.port()), 64);
        } catch (IOException e) {
            if (cdnServer != null) {
                cdnServer.stop(0);
            }
            executor.shutdownNow();
            renders.close();
            throw e;
        }
        this.cdn = cdnServer;
        this.api = apiServer;
        String urlHost = urlHost(loopback);
        this.cdnUrl = "http://" + urlHost + ":" + cdn.getAddress().getPort();
        this.baseUrl = "http://" + urlHost + ":" + api.getAddress().getPort();
        world.cdnBase(cdnUrl);
        cdn.createContext("/", new CdnServer(world, faultEngine, log, stopping));
        api.createContext("/", new ApiServer(world, faultEngine, log, renders, stopping));
        cdn.setExecutor(executor);
        api.setExecutor(executor);
        cdn.start();
        api.start();
    }

    /** @return a started emulator with {@link EmulatorOptions#defaults()} */
    public static NemoEmulator start() {
        return start(EmulatorOptions.defaults());
    }

    /** The host part of the URLs: the bound address, or loopback when listening on every interface. */
    private static String urlHost(InetAddress bound) {
        if (bound.isAnyLocalAddress()) {
            return "127.0.0.1";
        }
        String literal = bound.getHostAddress();
        return literal.contains(":") ? "[" + literal + "]" : literal;
    }

    /**
     * @param options settings
     * @return a started emulator
     * @throws UncheckedIOException when a port cannot be bound
     */
    public static NemoEmulator start(EmulatorOptions options) {
        Objects.requireNonNull(options, "options");
        try {
            return new NemoEmulator(options);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the NemoVideo emulator", e);
        }
    }

    /** @return the API base URL, for example {@code http://127.0.0.1:50123} (for {@code NemoClient.Builder#baseUrl}) */
    public String baseUrl() {
        return baseUrl;
    }

    /** @return the CDN base URL (another port); render outputs and uploads are served under it without auth */
    public String cdnUrl() {
        return cdnUrl;
    }

    /** @return the settings */
    public EmulatorOptions options() {
        return options;
    }

    /** @return the fault injection API */
    public Faults faults() {
        return faults;
    }

    /** @return the name of the renderer in use ({@code passthrough} unless a media engine is plugged in) */
    public String rendererName() {
        return renders.name();
    }

    /**
     * A client builder aimed at this emulator: anonymous credentials, no environment variables
     * read, the client id persisted under {@code configDirectory}, and this emulator's clock (also
     * used as the client's {@link Sleeper} when it is one, for example a virtual clock). With the
     * default clock the client's waits (export polls, {@code Retry-After}, backoff) move the
     * emulator's clock forward instead of sleeping, so {@code waitForCompletion()} returns at once.
     *
     * @param configDirectory where the client may persist its client id (a temporary directory in tests)
     * @return the builder; set {@code clientId}, retry policy etc. as needed
     */
    public NemoClient.Builder clientBuilder(Path configDirectory) {
        Objects.requireNonNull(configDirectory, "configDirectory");
        NemoClient.Builder b = NemoClient.builder()
                .baseUrl(baseUrl)
                .credentials(Credentials.anonymous())
                .environment(Map.of())
                .configDirectory(configDirectory)
                .clock(options.clock());
        if (options.clock() instanceof Sleeper) {
            b.sleeper((Sleeper) options.clock());
        }
        return b;
    }

    // ---- recorded traffic ----

    /** @return every request received on both ports, in arrival order */
    public List<RecordedRequest> requests() {
        return log.all();
    }

    /**
     * @param endpoint a route ({@link Endpoint#CDN} for the CDN port)
     * @return the requests it received, in arrival order
     */
    public List<RecordedRequest> requests(Endpoint endpoint) {
        return log.of(Objects.requireNonNull(endpoint, "endpoint"));
    }

    /** @return the requests the CDN port received (to check, for example, that no Authorization arrived) */
    public List<RecordedRequest> cdnRequests() {
        return log.of(Endpoint.CDN);
    }

    /** Forgets the requests recorded so far. */
    public void clearRequests() {
        log.clear();
    }

    // ---- world state ----

    /** @return snapshots of all accounts, in creation order */
    public List<EmulatorAccount> accounts() {
        return world.accounts();
    }

    /**
     * @param userId for example {@code anon_…}
     * @return the account's snapshot
     */
    public Optional<EmulatorAccount> account(String userId) {
        return accounts().stream().filter(a -> a.userId().equals(userId)).findFirst();
    }

    /**
     * @param clientId an {@code X-Client-Id}
     * @return the anonymous account created for it
     */
    public Optional<EmulatorAccount> accountForClient(String clientId) {
        return accounts().stream().filter(a -> clientId.equals(a.clientId())).findFirst();
    }

    /**
     * Sets an account's available credits (for example to 0, to provoke code 2001).
     *
     * @param userId  the account
     * @param credits the new available credits
     * @throws IllegalArgumentException when there is no such account
     */
    public void setCredits(String userId, long credits) {
        if (credits < 0) {
            throw new IllegalArgumentException("credits must not be negative");
        }
        if (!world.setCredits(userId, credits)) {
            throw new IllegalArgumentException("no account " + userId);
        }
    }

    /** @return snapshots of all sessions, in creation order */
    public List<EmulatorSession> sessions() {
        return world.sessions();
    }

    /**
     * @param sessionId a session id
     * @return its snapshot
     */
    public Optional<EmulatorSession> session(String sessionId) {
        return world.session(sessionId);
    }

    /**
     * @param sessionId a session id
     * @return its draft
     */
    public Optional<JsonObject> draft(String sessionId) {
        return world.session(sessionId).map(EmulatorSession::draft);
    }

    /**
     * Replaces a session's draft, to set up a test.
     *
     * @param sessionId the session
     * @param draft     the draft
     * @throws IllegalArgumentException when there is no such session
     */
    public void putDraft(String sessionId, JsonObject draft) {
        Objects.requireNonNull(draft, "draft");
        if (!world.putDraft(sessionId, JsonBridge.toJackson(draft))) {
            throw new IllegalArgumentException("no session " + sessionId);
        }
    }

    /** @return snapshots of all renders, in submission order */
    public List<EmulatorRender> renders() {
        return world.renders();
    }

    /**
     * @param renderId a render id
     * @return its snapshot
     */
    public Optional<EmulatorRender> render(String renderId) {
        return renders().stream().filter(r -> r.id().equals(renderId)).findFirst();
    }

    /**
     * Makes a URL "downloadable" by the JSON form of the upload endpoint (the emulator has no
     * internet access; its own CDN URLs work without registration).
     *
     * @param url   the URL clients will name
     * @param bytes its content
     */
    public void registerRemoteMedia(String url, byte[] bytes) {
        world.registerRemote(Objects.requireNonNull(url, "url"), Objects.requireNonNull(bytes, "bytes"));
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Stops both ports, ends open streams and held requests, interrupts running renders and
     * waits for the emulator's threads to end. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopping.countDown();
        faultEngine.clear();
        api.stop(0);
        cdn.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        renders.close();
    }

    @Override
    public String toString() {
        return "NemoEmulator{" + baseUrl + ", cdn=" + cdnUrl + ", renderer=" + renders.name()
                + (closed.get() ? ", closed" : "") + '}';
    }
}
