package dev.nemo.sdk.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RequestListener;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.error.TransportException.Kind;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix of issue 15, faults x forms: an export submission (a POST with a body that must
 * never be sent twice) against a raw-socket server that breaks the exchange at one point, under the
 * <b>default</b> retry policy. Each fault ends in its typed error, the server saw exactly the
 * requests it should (none when the connection never opened, one otherwise), and no temporary file
 * is left behind. The request deadline is one real second, the only real wait (stalls).
 */
class FaultMatrixTest {
    private static final Duration DEADLINE = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    /**
     * One server and one client per form for the whole matrix, so that what the faults leave behind
     * adds up: afterwards open file descriptors and live threads are back to where they started.
     */
    @TestFactory
    Stream<DynamicTest> everyFaultEndsInItsTypedErrorAndIsNeverSentTwice() throws IOException {
        long fdsBefore = openFileDescriptors();
        int threadsBefore = Thread.activeCount();
        Set<String> threadNamesBefore = Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .collect(java.util.stream.Collectors.toSet());
        RawFaultServer server = new RawFaultServer((s, out) -> RawFaultServer.close(s));
        NemoClient client = client("http://127.0.0.1:" + server.port());
        Stream<DynamicTest> cases = FaultTable.exchangeFaults().stream()
                .flatMap(fault -> Stream.of("blocking", "async")
                        .map(form -> DynamicTest.dynamicTest(
                                fault.name() + " [" + form + "]", () -> run(server, client, fault, form))));
        DynamicTest noLeaks = DynamicTest.dynamicTest("nothing leaked", () -> {
            server.dropOpenConnections(); // the stalled peers hang up
            client.close();
            server.close();
            long fdsAfter = openFileDescriptors();
            System.out.println("open file descriptors before/after: " + fdsBefore + "/" + fdsAfter
                    + "; live threads before/after: " + threadsBefore + "/" + Thread.activeCount() + " "
                    + Thread.getAllStackTraces().keySet().stream()
                            .map(Thread::getName)
                            .toList());
            if (fdsBefore >= 0) {
                // the JDK 17 HttpClient keeps its selector's descriptors until it is collected: allow those few
                assertThat(fdsAfter).isLessThanOrEqualTo(fdsBefore + 4);
            }
            // JDK 17's HttpClient has no close(): its selector thread and idle workers end when it is
            // collected or idle; the common pool's idle workers (started by the async form's completions
            // on JDK 25) end after their keep-alive; every other thread (the SDK's, the fault server's)
            // must be gone
            assertThat(Thread.getAllStackTraces().keySet().stream()
                            .map(Thread::getName)
                            .filter(n -> !threadNamesBefore.contains(n)
                                    && !n.startsWith("HttpClient-")
                                    && !n.startsWith("ForkJoinPool.commonPool-worker-")))
                    .as("threads left behind")
                    .isEmpty();
        });
        return Stream.concat(cases, Stream.of(noLeaks));
    }

    @TestFactory
    Stream<DynamicTest> connectFailuresSendNothing() {
        return Stream.of("blocking", "async")
                .flatMap(form -> Stream.of(
                        DynamicTest.dynamicTest("connect refused [" + form + "]", () -> {
                            int port;
                            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                                port = s.getLocalPort();
                            }
                            assertConnectFailure(submit("http://127.0.0.1:" + port, form));
                        }),
                        DynamicTest.dynamicTest(
                                "connect timeout: a listener that never accepts [" + form + "]",
                                () -> connectTimeout(form)),
                        DynamicTest.dynamicTest(
                                "DNS failure [" + form + "]",
                                () -> assertConnectFailure(submit("http://nemo-sdk-fault-test.invalid", form))),
                        DynamicTest.dynamicTest(
                                "TLS failure: a plain server spoken to over https [" + form + "]", () -> {
                                    try (RawFaultServer plain =
                                            new RawFaultServer((s, out) -> RawFaultServer.close(s))) {
                                        assertConnectFailure(submit("https://127.0.0.1:" + plain.port(), form));
                                        assertThat(plain.requests())
                                                .as("requests read by the server")
                                                .isZero();
                                    }
                                })));
    }

    /**
     * Connects that hang (see {@link BlackHole}): each attempt ends at the connect timeout, the
     * default policy tries a connect failure three times in all (nothing was sent), and the caller
     * gets a connect error caused by the JDK's {@link HttpConnectTimeoutException}.
     */
    private void connectTimeout(String form) throws IOException {
        try (BlackHole hole = BlackHole.open()) {
            if (hole == null) {
                return; // said on the console
            }
            List<RequestListener.RequestStarted> attempts = new CopyOnWriteArrayList<>();
            long start = System.nanoTime();
            Throwable error;
            try (NemoClient client = clientBuilder(hole.baseUrl())
                    .requestListener(new RequestListener() {
                        @Override
                        public void requestStarted(RequestStarted event) {
                            attempts.add(event);
                        }
                    })
                    .build()) {
                error = submit(client, form);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("connect timeout [" + form + "] after " + took.toMillis() + " ms, " + attempts.size()
                    + " attempts: " + error);
            assertConnectFailure(error);
            assertThat(error.getCause()).as("the cause").isInstanceOf(HttpConnectTimeoutException.class);
            assertThat(error).hasMessageContaining("connect timed out");
            assertThat(attempts)
                    .as("attempts (a connect failure is retried, nothing was sent)")
                    .hasSize(RetryPolicy.defaults().maxAttempts());
            // a hang guard, not a measurement: each attempt ends at its connect timeout
            assertThat(took).isLessThan(DEADLINE.multipliedBy(attempts.size()).plusSeconds(30));
        }
    }

    private void run(RawFaultServer server, NemoClient client, FaultTable.Fault fault, String form) throws IOException {
        server.behave(fault.behaviour());
        Throwable error = submit(client, form);
        System.out.println(fault.name() + " [" + form + "]: " + error);
        assertThat(error).isInstanceOf(fault.type());
        if (error instanceof TransportException t) {
            assertThat(t.kind()).as(t.getMessage()).isIn(fault.kinds());
            assertThat(t.outcomeUnknown()).as("the POST may have run").isTrue();
            assertThat(t.getMessage()).contains("not sent again");
        }
        assertThat(server.requests()).as("export POSTs the server saw").isEqualTo(fault.requestsSeen());
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.filter(p -> !p.getFileName().toString().startsWith("config")))
                    .isEmpty();
        }
    }

    /** @return the process's open file descriptors, or -1 where /proc is not there (said on the console) */
    static long openFileDescriptors() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            System.out.println("no /proc/self/fd: file descriptors are not counted on this OS");
            return -1;
        }
        try (Stream<Path> list = Files.list(fds)) {
            return list.count();
        }
    }

    private static void assertConnectFailure(Throwable error) {
        System.out.println("connect failure: " + error);
        assertThat(error).isInstanceOf(TransportException.class);
        assertThat(((TransportException) error).kind()).isEqualTo(Kind.CONNECT);
        assertThat(((TransportException) error).outcomeUnknown()).isFalse();
    }

    private Throwable submit(String baseUrl, String form) throws IOException {
        try (NemoClient client = client(baseUrl)) {
            return submit(client, form);
        }
    }

    private NemoClient client(String baseUrl) {
        return clientBuilder(baseUrl).build();
    }

    private NemoClient.Builder clientBuilder(String baseUrl) {
        VirtualTime time = VirtualTime.create();
        return NemoClient.builder()
                .baseUrl(baseUrl)
                .environment(Map.of())
                .configDirectory(dir.resolve("config"))
                .clock(time)
                .sleeper(time)
                .token(TestTokens.EXPLICIT)
                .requestTimeout(DEADLINE)
                .connectTimeout(DEADLINE);
    }

    private static Throwable submit(NemoClient client, String form) throws IOException {
        Draft draft = FaultTable.seedDraft();
        Throwable thrown = catchThrowable(() -> {
            if (form.equals("blocking")) {
                client.exports().submit("s1", draft);
            } else {
                client.exports()
                        .submitAsync("s1", draft, ExportOptions.defaults())
                        .join();
            }
        });
        return thrown instanceof CompletionException ? thrown.getCause() : thrown;
    }
}
