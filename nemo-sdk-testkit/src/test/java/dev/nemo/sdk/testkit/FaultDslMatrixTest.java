package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.testing.VirtualTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: every fault of the emulator's DSL on every endpoint the SDK calls, generated. Each
 * fault applies once; the SDK either recovers (GETs retried after a 5xx or a dropped connection;
 * 429 waited out and sent once more; an expired token renewed and the call replayed) or ends in its
 * typed error (a POST whose outcome is unknown is not sent again). The requests each endpoint saw
 * are asserted: a chat or export POST is seen twice only when the emulator refused the first one
 * before processing it (429, expired token), never after a 5xx or a dropped connection. Stream
 * faults run on {@code /run_sse} only. One emulator for the whole matrix, in virtual time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultDslMatrixTest {
    private final VirtualTime time = VirtualTime.create();
    private final AtomicInteger clients = new AtomicInteger();

    @TempDir
    static Path dir;

    private NemoEmulator emulator;
    private NemoClient client;
    /** Set while the CDN refuses every download, so that the SDK uses the API's download endpoint. */
    private Fault cdnDown;

    /** How the call went: the value, or the error it threw. */
    private record Outcome(Object value, Throwable error) {}

    /** What a fault must lead to for a call. */
    private record Expected(Class<? extends NemoException> error, int requests) {
        static Expected recovered(int requests) {
            return new Expected(null, requests);
        }
    }

    /** One fault of the DSL, with what it must lead to on an endpoint (null: not applicable there). */
    private record DslFault(
            String name, Function<FaultBuilder, Fault> install, Function<Endpoint, Expected> expected) {}

    /** One SDK call that reaches {@code endpoint}; {@code prepare} makes what it needs, unfaulted. */
    private record Call(Endpoint endpoint, Function<NemoClient, Object> prepare, CallBody body) {}

    @FunctionalInterface
    private interface CallBody {
        Object run(NemoClient client, Object prepared) throws Exception;
    }

    @BeforeAll
    void start() {
        emulator = NemoEmulator.start(EmulatorOptions.builder()
                .clock(time)
                .silentEdits(SilentEdits.NEVER)
                .build());
        client = emulator.clientBuilder(dir.resolve("main"))
                .clientId("matrix-client")
                .build();
    }

    @AfterAll
    void stop() {
        client.close();
        emulator.close();
    }

    @TestFactory
    Stream<DynamicTest> everyDslFaultOnEveryEndpoint() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Call call : calls()) {
            for (DslFault fault : faults()) {
                Expected expected = fault.expected().apply(call.endpoint());
                if (expected != null) {
                    tests.add(DynamicTest.dynamicTest(
                            fault.name() + " on " + call.endpoint(), () -> run(call, fault, expected)));
                }
            }
        }
        for (DslFault fault : streamFaults()) {
            tests.add(DynamicTest.dynamicTest(fault.name() + " on RUN_SSE", () -> runStream(fault)));
        }
        System.out.println("DSL fault matrix: " + tests.size() + " cases; not aimed at: CLAIM_TOKEN and UNKNOWN "
                + "(the SDK never calls them)");
        return tests.stream();
    }

    private void run(Call call, DslFault fault, Expected expected) throws Exception {
        emulator.faults().clear();
        NemoClient c = call.endpoint() == Endpoint.ANONYMOUS_TOKEN ? freshClient() : client;
        try {
            Object prepared = call.prepare().apply(c);
            int before = emulator.requests(call.endpoint()).size();
            Object unused = fault.install().apply(emulator.faults().on(call.endpoint()));
            Outcome outcome = attempt(() -> call.body().run(c, prepared));
            if (cdnDown != null) {
                cdnDown.cancel();
                cdnDown = null;
            }
            int seen = emulator.requests(call.endpoint()).size() - before;
            System.out.println(fault.name() + " on " + call.endpoint() + ": "
                    + (outcome.error() == null ? "recovered" : outcome.error().toString()) + "; requests " + seen);
            if (expected.error() == null) {
                assertThat(outcome.error()).as("recovered").isNull();
            } else {
                assertThat(outcome.error()).isInstanceOf(expected.error());
            }
            assertThat(seen).as("requests on " + call.endpoint()).isEqualTo(expected.requests());
            assertThat(emulator.faults().pending()).as("the fault was used").isZero();
        } finally {
            if (c != client) {
                c.close();
            }
        }
    }

    private void runStream(DslFault fault) {
        emulator.faults().clear();
        String sid = sessionWithMedia(client);
        int before = emulator.requests(Endpoint.RUN_SSE).size();
        Object unused = fault.install().apply(emulator.faults().on(Endpoint.RUN_SSE));
        ChatResult r = client.chat().send(sid, "add a title 'Hello'");
        int seen = emulator.requests(Endpoint.RUN_SSE).size() - before;
        System.out.println(
                fault.name() + " on RUN_SSE: " + r.end() + " " + r.failure().orElse(null) + "; requests " + seen);
        assertThat(seen).as("chat POSTs: never sent twice").isEqualTo(1);
        Expected expected = fault.expected().apply(Endpoint.RUN_SSE);
        if (expected.error() != null) {
            assertThat(r.failure()).get().isInstanceOf(expected.error());
        }
    }

    private static List<DslFault> faults() {
        // a download whose CDN answers with an error falls back to the API's authenticated download
        // at once (one CDN request); GETs of the API are retried (two requests)
        Function<Endpoint, Expected> serverError = e -> e == Endpoint.CDN
                ? Expected.recovered(1)
                : get(e) ? Expected.recovered(2) : new Expected(ServerException.class, 1);
        return List.of(
                new DslFault("empty 503", b -> b.once().status(503), serverError),
                new DslFault("HTML 502 from a proxy", b -> b.once().html(502), serverError),
                new DslFault(
                        "429 with Retry-After 5 s",
                        b -> b.once().rateLimited(Duration.ofSeconds(5)),
                        e -> Expected.recovered(e == Endpoint.CDN ? 1 : 2)),
                new DslFault(
                        "expired token (1001)",
                        FaultBuilder::expireToken,
                        e -> e.authenticated() && e != Endpoint.CDN ? Expected.recovered(2) : null),
                new DslFault(
                        "dropped connection",
                        b -> b.once().dropConnection(),
                        e -> get(e) ? Expected.recovered(2) : new Expected(TransportException.class, 1)),
                new DslFault("50 ms delay", b -> b.once().delay(Duration.ofMillis(50)), e -> Expected.recovered(1)));
    }

    private static List<DslFault> streamFaults() {
        Function<Endpoint, Expected> cut = e -> new Expected(TransportException.class, 1);
        Function<Endpoint, Expected> ends = e -> Expected.recovered(1);
        return List.of(
                new DslFault("cut mid-event", b -> b.cutMidEvent(1), cut),
                new DslFault("cut after one event", b -> b.cutAfterEvents(1), cut),
                new DslFault("stream error", b -> b.streamError(1, "backend exploded"), ends),
                new DslFault("model error", b -> b.modelError("SAFETY", "blocked by safety"), ends),
                new DslFault("trailing text", b -> b.trailingText("I encountered a temporary issue"), ends),
                new DslFault(
                        "heartbeats first", b -> b.heartbeats(3, Duration.ofMillis(5), HeartbeatStyle.COMMENT), ends));
    }

    private static boolean get(Endpoint e) {
        return e.method().equals("GET");
    }

    private List<Call> calls() {
        return List.of(
                new Call(
                        Endpoint.ANONYMOUS_TOKEN,
                        c -> null,
                        (c, p) -> c.credits().balance()),
                new Call(
                        Endpoint.CREATE_SESSION,
                        c -> null,
                        (c, p) -> c.sessions().create()),
                new Call(Endpoint.CREDITS, c -> null, (c, p) -> c.credits().balance()),
                new Call(
                        Endpoint.UPLOAD,
                        c -> c.sessions().create().sessionId(),
                        (c, p) -> c.uploads().upload((String) p, gif())),
                new Call(
                        Endpoint.STATE,
                        this::sessionWithMedia,
                        (c, p) -> c.state().get((String) p)),
                new Call(Endpoint.RUN_SSE, this::sessionWithMedia, (c, p) -> chat(c, (String) p)),
                new Call(
                        Endpoint.RENDER_SUBMIT,
                        this::draft,
                        (c, p) -> c.exports().submit(sid(p), (Draft) ((Object[]) p)[1])),
                new Call(
                        Endpoint.RENDER_POLL,
                        this::submitted,
                        (c, p) -> c.exports().poll((String) p)),
                new Call(Endpoint.RENDER_CANCEL, this::submitted, (c, p) -> {
                    c.exports().cancel((String) p);
                    return null;
                }),
                new Call(
                        Endpoint.RENDER_DOWNLOAD,
                        c -> {
                            ExportJob job = completed(c);
                            cdnDown =
                                    emulator.faults().on(Endpoint.CDN).always().status(404);
                            return job;
                        },
                        this::download),
                new Call(Endpoint.CDN, this::completed, this::download));
    }

    private static Object chat(NemoClient c, String sid) {
        ChatResult r = c.chat().send(sid, "add a title 'Hello'");
        if (r.end() != ChatEnd.COMPLETED_WITH_TEXT && r.end() != ChatEnd.COMPLETED_SILENTLY) {
            throw r.failure()
                    .<RuntimeException>map(f -> f)
                    .orElseGet(() -> new IllegalStateException(r.end().toString()));
        }
        return r;
    }

    private Object download(NemoClient c, Object job) throws IOException {
        Path target = Files.createTempDirectory(dir, "out");
        return c.exports().download((ExportJob) job, target).path();
    }

    private NemoClient freshClient() {
        int n = clients.incrementAndGet();
        return emulator.clientBuilder(dir.resolve("fresh-" + n))
                .clientId("fresh-client-" + n)
                .build();
    }

    private String sessionWithMedia(NemoClient c) {
        String sid = c.sessions().create().sessionId();
        c.uploads().upload(sid, gif());
        return sid;
    }

    private Object[] draft(NemoClient c) {
        String sid = sessionWithMedia(c);
        return new Object[] {sid, c.state().get(sid).draft().orElseThrow()};
    }

    private static String sid(Object prepared) {
        return (String) ((Object[]) prepared)[0];
    }

    private String submitted(NemoClient c) {
        Object[] p = draft(c);
        return c.exports().submit(sid(p), (Draft) p[1]).renderId();
    }

    private ExportJob completed(NemoClient c) {
        Object[] p = draft(c);
        return c.exports().submit(sid(p), (Draft) p[1]).waitForCompletion();
    }

    private Path gif() {
        try {
            return Files.write(Files.createTempFile(dir, "media", ".gif"), TestMedia.gif(64, 48, 20, 20, 20));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Outcome attempt(Callable<Object> body) {
        Object[] value = new Object[1];
        Throwable error = catchThrowable(() -> value[0] = body.call());
        return new Outcome(value[0], error);
    }
}
