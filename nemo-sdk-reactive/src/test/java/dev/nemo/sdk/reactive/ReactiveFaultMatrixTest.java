package dev.nemo.sdk.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.error.TransportException.Kind;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.faults.BlackHole;
import dev.nemo.sdk.faults.FaultTable;
import dev.nemo.sdk.faults.RawFaultServer;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/**
 * The reactive form of issue 15's fault matrix: the same faults ({@link FaultTable}, the same
 * raw-socket server) against {@code reactive.exports().submit(…)} under the default retry policy.
 * Each ends in its typed error through {@code onError}, the export POST is read at most once, and
 * connect failures (refused, timeout, DNS, TLS) send nothing. One real deadline (1 s) for stalls.
 */
class ReactiveFaultMatrixTest {
    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyExchangeFaultEndsInItsTypedErrorAndIsNeverSentTwice() throws IOException {
        RawFaultServer server = new RawFaultServer((s, out) -> RawFaultServer.close(s));
        NemoClient core = client("http://127.0.0.1:" + server.port());
        ReactiveNemoClient reactive = ReactiveNemoClient.create(core);
        Stream<DynamicTest> cases = FaultTable.exchangeFaults().stream()
                .map(fault -> DynamicTest.dynamicTest(fault.name() + " [Mono]", () -> {
                    server.behave(fault.behaviour());
                    Throwable error = submit(reactive);
                    System.out.println(fault.name() + " [Mono]: " + error);
                    assertThat(error).isInstanceOf(fault.type());
                    if (error instanceof TransportException t) {
                        assertThat(t.kind()).as(t.getMessage()).isIn(fault.kinds());
                        assertThat(t.outcomeUnknown()).isTrue();
                    }
                    assertThat(server.requests())
                            .as("export POSTs the server saw")
                            .isEqualTo(fault.requestsSeen());
                }));
        DynamicTest close = DynamicTest.dynamicTest("close", () -> {
            server.dropOpenConnections();
            core.close();
            server.close();
            assertThat(server.openConnections()).isZero();
        });
        return Stream.concat(cases, Stream.of(close));
    }

    @TestFactory
    Stream<DynamicTest> connectFailuresSendNothing() {
        return Stream.of(
                DynamicTest.dynamicTest("connect refused [Mono]", () -> {
                    int port;
                    try (ServerSocket s = new ServerSocket(0)) {
                        port = s.getLocalPort();
                    }
                    assertConnectFailure(submit("http://127.0.0.1:" + port));
                }),
                DynamicTest.dynamicTest("connect timeout [Mono]", () -> {
                    try (BlackHole hole = BlackHole.open()) {
                        if (hole != null) {
                            assertConnectFailure(submit(hole.baseUrl()));
                        }
                    }
                }),
                DynamicTest.dynamicTest(
                        "DNS failure [Mono]", () -> assertConnectFailure(submit("http://nemo-sdk-fault-test.invalid"))),
                DynamicTest.dynamicTest("TLS failure [Mono]", () -> {
                    try (RawFaultServer plain = new RawFaultServer((s, out) -> RawFaultServer.close(s))) {
                        assertConnectFailure(submit("https://127.0.0.1:" + plain.port()));
                        assertThat(plain.requests()).isZero();
                    }
                }));
    }

    private static void assertConnectFailure(Throwable error) {
        System.out.println("connect failure [Mono]: " + error);
        assertThat(error).isInstanceOf(TransportException.class);
        assertThat(((TransportException) error).kind()).isEqualTo(Kind.CONNECT);
        assertThat(((TransportException) error).outcomeUnknown()).isFalse();
    }

    private Throwable submit(String baseUrl) {
        try (NemoClient core = client(baseUrl)) {
            return submit(ReactiveNemoClient.create(core));
        }
    }

    private static Throwable submit(ReactiveNemoClient reactive) {
        AtomicReference<Throwable> error = new AtomicReference<>();
        StepVerifier.create(reactive.exports().submit("s1", FaultTable.seedDraft(), ExportOptions.defaults()))
                .expectErrorSatisfies(error::set)
                .verify(HANG_GUARD);
        return error.get();
    }

    private NemoClient client(String baseUrl) {
        VirtualTime time = VirtualTime.create();
        return NemoClient.builder()
                .baseUrl(baseUrl)
                .environment(Map.of())
                .configDirectory(dir.resolve("config"))
                .clock(time)
                .sleeper(time)
                .token(TestTokens.EXPLICIT)
                .requestTimeout(DEADLINE)
                .connectTimeout(DEADLINE)
                .build();
    }
}
