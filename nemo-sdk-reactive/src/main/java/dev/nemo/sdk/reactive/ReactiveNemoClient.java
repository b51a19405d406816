package dev.nemo.sdk.reactive;

import dev.nemo.sdk.NemoClient;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;

/**
 * The NemoVideo client for Project Reactor: every operation of {@link NemoClient} as a cold
 * {@code Mono} or {@code Flux} over the same core (one protocol implementation, same typed errors,
 * retries and token renewal).
 *
 * <pre>{@code
 * NemoClient client = NemoClient.builder().build();          // NEMO_TOKEN, else a free anonymous token
 * ReactiveNemoClient reactive = ReactiveNemoClient.create(client);
 *
 * Mono<String> answer = reactive.sessions().create()
 *         .flatMap(session -> reactive.uploads().upload(session.sessionId(), Path.of("cat.gif"))
 *                 .then(reactive.chat().send(session.sessionId(), "compress it to under 2 MB")))
 *         .map(ChatResult::text);
 * }</pre>
 *
 * <h2>Laziness and re-subscription</h2>
 * Nothing is sent until a subscriber subscribes; each subscription sends its request(s) once, and
 * cancelling a subscription cancels the HTTP exchange. Whether subscribing again is harmless
 * depends on the operation:
 * <table>
 *   <caption>What a second subscription does</caption>
 *   <tr><th>operation</th><th>re-subscribe / {@code retry()}</th></tr>
 *   <tr><td>{@code credits().balance()}</td><td>safe: reads the balance again</td></tr>
 *   <tr><td>{@code sessions().create()}</td><td>creates another project and session each time</td></tr>
 *   <tr><td>{@code state().get(id)}</td><td>safe: reads the state again</td></tr>
 *   <tr><td>{@code chat().stream(…)}, {@code chat().send(…)}</td><td>refused: a second subscription fails
 *       with {@link IllegalStateException} and sends nothing (a message costs credits)</td></tr>
 *   <tr><td>{@code uploads().upload(…)}</td><td>uploads again (another asset); a {@code Flux} source must be
 *       cold to be read again</td></tr>
 *   <tr><td>{@code uploads().uploadUrls(…)}</td><td>uploads again (another asset)</td></tr>
 *   <tr><td>{@code exports().export(…)}, {@code exports().submit(…)}</td><td>submits another render (free, but
 *       a new job); to follow the same render again use {@code exports().resume(renderId)}</td></tr>
 *   <tr><td>{@code exports().resume(id)}, {@code exports().poll(id)}</td><td>safe: polls the same render
 *       again</td></tr>
 *   <tr><td>{@code exports().cancel(id)}</td><td>asks the render service to cancel again</td></tr>
 *   <tr><td>{@code exports().download(…)}</td><td>downloads again, replacing the file</td></tr>
 * </table>
 *
 * <h2>Time</h2>
 * The core's waits (retry backoff, {@code Retry-After} after a 429, the export poll cadence) run on
 * a Reactor {@link Scheduler} ({@link ReactorSleeper}), so {@code StepVerifier.withVirtualTime}
 * controls them. Deadlines (request timeouts, chat watchdogs) stay on the core's own timer: they
 * guard real network time.
 *
 * <h2>Request options</h2>
 * Every operation mirrors the core's overloads. Operations called without options (no
 * {@code RequestOptions}, and no {@code ChatOptions}, {@code UploadOptions}, {@code ExportOptions}
 * or {@code PollingStrategy} that would carry them) read the request options from the
 * subscriber's context ({@link NemoContext#withOptions}); explicit options win.
 *
 * <p>Thread-safe. Closing it releases its share of the connection pool; the {@link NemoClient} it
 * was created from stays open and must be closed by its owner.
 */
public final class ReactiveNemoClient implements AutoCloseable {
    private final NemoClient client;
    private final ReactiveCreditsApi credits;
    private final ReactiveSessionsApi sessions;
    private final ReactiveStateApi state;
    private final ReactiveChatApi chat;
    private final ReactiveUploadsApi uploads;
    private final ReactiveExportsApi exports;
    private final ReactiveWorkflowsApi workflows;

    private ReactiveNemoClient(NemoClient client, ReactorSleeper sleeper) {
        this.client = client;
        this.credits = new ReactiveCreditsApi(client.credits());
        this.sessions = new ReactiveSessionsApi(client.sessions());
        this.state = new ReactiveStateApi(client.state());
        this.chat = new ReactiveChatApi(client.chat());
        this.uploads = new ReactiveUploadsApi(client.uploads());
        this.exports = new ReactiveExportsApi(client.exports(), sleeper);
        this.workflows = new ReactiveWorkflowsApi(this.client.workflows());
    }

    /**
     * A reactive client over a copy of {@code client} (sharing its connection pool and token
     * cache) whose waits run on {@code Schedulers.parallel()}, looked up at each wait.
     *
     * @param client the core client, with its base URL, credentials and policies
     * @return the reactive client
     */
    public static ReactiveNemoClient create(NemoClient client) {
        return create(client, ReactorSleeper.parallel());
    }

    /**
     * A reactive client over a copy of {@code client} whose waits run on {@code timer}.
     *
     * @param client the core client
     * @param timer  the scheduler for retry waits and polling
     * @return the reactive client
     */
    public static ReactiveNemoClient create(NemoClient client, Scheduler timer) {
        return create(client, ReactorSleeper.on(timer));
    }

    private static ReactiveNemoClient create(NemoClient client, ReactorSleeper sleeper) {
        Objects.requireNonNull(client, "client");
        return new ReactiveNemoClient(client.toBuilder().sleeper(sleeper).build(), sleeper);
    }

    /** {@return the seed's workflows (quick edit, batch) as Mono and Flux} */
    public ReactiveWorkflowsApi workflows() {
        return workflows;
    }

    /** {@return the credit balance} */
    public ReactiveCreditsApi credits() {
        return credits;
    }

    /** {@return session creation} */
    public ReactiveSessionsApi sessions() {
        return sessions;
    }

    /** {@return the latest state of a session: media, draft, canvas} */
    public ReactiveStateApi state() {
        return state;
    }

    /** {@return chat with the session's agent (Server-Sent Events)} */
    public ReactiveChatApi chat() {
        return chat;
    }

    /** {@return media uploads} */
    public ReactiveUploadsApi uploads() {
        return uploads;
    }

    /** {@return exports: submit, follow, resume, cancel and download renders} */
    public ReactiveExportsApi exports() {
        return exports;
    }

    /** {@return the blocking client this one adapts (the copy that waits on Reactor's schedulers)} */
    public NemoClient blocking() {
        return client;
    }

    /** Releases this client's share of the connection pool and timer. Idempotent. */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "ReactiveNemoClient{" + client + '}';
    }
}
