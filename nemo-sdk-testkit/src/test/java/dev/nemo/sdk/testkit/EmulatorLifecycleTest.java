package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Start, serve, stop: loopback ephemeral ports and no threads left behind. */
class EmulatorLifecycleTest {

    /** A minimal HTTP/1.1 exchange over a raw socket, so the test itself starts no client threads. */
    private static String rawGet(String baseUrl, String path) throws IOException {
        URI uri = URI.create(baseUrl);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Live threads, minus the JDK's shared pools that any earlier test may wake up at any time. */
    private static Set<Thread> threads() {
        Set<Thread> all = new HashSet<>(Thread.getAllStackTraces().keySet());
        all.removeIf(t ->
                t.getName().startsWith("ForkJoinPool.commonPool") || t.getName().equals("Attach Listener"));
        return all;
    }

    @Test
    void servesOnLoopbackAndLeavesNoThreadsBehind() throws Exception {
        Set<Thread> before = threads();
        NemoEmulator emulator = NemoEmulator.start();
        String api = emulator.baseUrl();
        String cdn = emulator.cdnUrl();

        assertThat(api).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(cdn).matches("http://127\\.0\\.0\\.1:\\d+").isNotEqualTo(api);
        assertThat(rawGet(api, "/api/credits/balance/simple"))
                .startsWith("HTTP/1.1 200")
                .contains("\"code\":1001");
        assertThat(rawGet(api, "/nothing/here")).startsWith("HTTP/1.1 404");
        assertThat(rawGet(api, "/run_sse")).as("GET on a POST route").startsWith("HTTP/1.1 405");
        assertThat(rawGet(cdn, "/render-result/none.mp4")).startsWith("HTTP/1.1 404");
        assertThat(emulator.requests())
                .extracting(RecordedRequest::endpoint)
                .containsExactly(Endpoint.CREDITS, Endpoint.UNKNOWN, Endpoint.UNKNOWN, Endpoint.CDN);

        emulator.close();
        emulator.close();

        assertThat(emulator.isClosed()).isTrue();
        Set<Thread> started = threads();
        started.removeAll(before);
        for (Thread t : started) {
            t.join(Duration.ofSeconds(10).toMillis());
        }
        assertThat(started.stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toList()))
                .as("threads still alive after close")
                .isEmpty();
        assertThatThrownBy(() -> rawGet(api, "/")).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> rawGet(cdn, "/")).isInstanceOf(ConnectException.class);
    }

    @Test
    void closingEndsHeldRequestsAndOpenStreams() throws Exception {
        Set<Thread> before = threads();
        NemoEmulator emulator = NemoEmulator.start();
        Fault held = emulator.faults().on(Endpoint.CREDITS).hold();
        Thread client = new Thread(
                () -> {
                    try {
                        rawGet(emulator.baseUrl(), "/api/credits/balance/simple");
                    } catch (IOException ignored) {
                        // the emulator went away: expected
                    }
                },
                "held-client");
        client.start();
        assertThat(held.awaitHit(Duration.ofSeconds(10))).isTrue();

        emulator.close();

        client.join(Duration.ofSeconds(10).toMillis());
        assertThat(client.isAlive()).isFalse();
        Set<Thread> started = threads();
        started.removeAll(before);
        for (Thread t : started) {
            t.join(Duration.ofSeconds(10).toMillis());
        }
        assertThat(started.stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toList()))
                .isEmpty();
    }

    @Test
    void emulatorsAreIndependent() {
        try (NemoEmulator a = NemoEmulator.start();
                NemoEmulator b = NemoEmulator.start()) {
            new Http(a).login("same-client").newSession();
            assertThat(a.sessions()).hasSize(1);
            assertThat(b.sessions()).isEmpty();
            assertThat(b.accounts()).isEmpty();
            assertThat(new Http(b).login("same-client").token)
                    .as("b has no live token for that client yet")
                    .isNotNull();
        }
    }

    @Test
    void recordedRequestsHideTheTokenWhenPrinted() {
        try (NemoEmulator emulator = NemoEmulator.start()) {
            Http http = new Http(emulator).login("print-client");
            http.get("/api/credits/balance/simple");

            RecordedRequest r = emulator.requests(Endpoint.CREDITS).get(0);

            assertThat(r.header("authorization")).hasValue("Bearer " + http.token);
            assertThat(r.toString()).doesNotContain(http.token).contains("authorization=<redacted>");
            emulator.clearRequests();
            assertThat(emulator.requests()).isEmpty();
        }
    }
}
