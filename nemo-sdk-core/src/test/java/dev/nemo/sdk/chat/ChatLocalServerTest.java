package dev.nemo.sdk.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.error.StreamTimeoutException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.testing.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Streams against a real socket: cuts mid-event, stalls, heartbeats only, and closing mid-way. */
class ChatLocalServerTest {
    private static final String SID = "s-local";
    private static final String TEXT =
            "data: {\"author\":\"nemo_agent\",\"content\":{\"parts\":[{\"text\":\"step %d\"}]},"
                    + "\"partial\":true}\n\n";
    private static final ChatOptions NO_STATE =
            ChatOptions.builder().stateCheck(false).streaming(true).build();
    private static final ChatOptions FIRST_BYTE_300_MS =
            NO_STATE.toBuilder().firstByteTimeout(Duration.ofMillis(300)).build();

    private SseTestServer server;
    private NemoClient client;

    private NemoClient client(SseTestServer s) {
        server = s;
        client = NemoClient.builder()
                .baseUrl(s.baseUrl())
                .token(TestTokens.EXPLICIT)
                .environment(Map.of())
                .build();
        return client;
    }

    /** {@return a stream that sends one text event, then a ping every 20 ms until the client hangs up} */
    private static SseTestServer.Script oneTextThenOnlyPings() {
        return (body, socket, out) -> {
            out.write(SseTestServer.SSE_HEADERS.getBytes(StandardCharsets.US_ASCII));
            SseTestServer.chunk(out, String.format(TEXT, 1));
            while (true) {
                Thread.sleep(20);
                SseTestServer.chunk(out, ": ping\r\n\r\n");
            }
        };
    }

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void chunkedStreamCutInTheMiddleOfAnEventDeliversWhatCameThenTheTypedError() throws IOException {
        client(new SseTestServer((body, socket, out) -> {
            out.write(SseTestServer.SSE_HEADERS.getBytes(StandardCharsets.US_ASCII));
            SseTestServer.chunk(out, String.format(TEXT, 1));
            SseTestServer.chunk(out, String.format(TEXT, 2) + "data: {\"author\":\"nemo_a");
            socket.close();
        }));
        List<ChatEvent> seen = new ArrayList<>();
        ChatResult r = client.chat().send(SID, "go", NO_STATE, seen::add);
        assertThat(r.end()).isEqualTo(ChatEnd.TRANSPORT_CUT);
        assertThat(r.failure())
                .get()
                .isInstanceOf(TransportException.class)
                .satisfies(e ->
                        assertThat(((TransportException) e).outcomeUnknown()).isTrue());
        assertThat(seen).hasSize(2);
        assertThat(r.text()).isEqualTo("step 1step 2");
        assertThat(server.requests).as("never sent again").hasValue(1);
    }

    @Test
    void blockingStreamThrowsTheCutAfterTheEventsThatArrived() throws IOException {
        client(new SseTestServer((body, socket, out) -> {
            out.write(SseTestServer.SSE_HEADERS.getBytes(StandardCharsets.US_ASCII));
            SseTestServer.chunk(out, String.format(TEXT, 1));
            socket.close();
        }));
        try (ChatStream s = client.chat().stream(SID, "go", NO_STATE)) {
            assertThat(s.next()).isInstanceOf(ChatEvent.AgentText.class);
            assertThatThrownBy(s::hasNext).isInstanceOf(TransportException.class);
            assertThat(s.result().end()).isEqualTo(ChatEnd.TRANSPORT_CUT);
        }
        assertThat(server.requests).hasValue(1);
    }

    @Test
    void connectionCloseDelimitedBodyEndingMidEventIsATruncation() throws IOException {
        client(new SseTestServer((body, socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nConnection: close\r\n\r\n"
                            + String.format(TEXT, 1) + "data: {\"auth")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
        }));
        ChatResult r = client.chat().send(SID, "go", NO_STATE, ChatListener.none());
        assertThat(r.end()).isEqualTo(ChatEnd.TRANSPORT_CUT);
        assertThat(r.failure())
                .get()
                .satisfies(
                        e -> assertThat(((TransportException) e).kind()).isEqualTo(TransportException.Kind.TRUNCATED));
        assertThat(r.events()).hasSize(1);
        assertThat(server.requests).hasValue(1);
    }

    @Test
    void noByteAfterTheHeadersTripsTheFirstByteWatchdog() throws IOException {
        client(new SseTestServer((body, socket, out) -> {
            out.write(SseTestServer.SSE_HEADERS.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            server.awaitClientClose(socket);
        }));
        assertEndsByTheFirstByteWatchdogSentOnce(client.chat().send(SID, "go", FIRST_BYTE_300_MS, ChatListener.none()));
    }

    @Test
    void noHeadAtAllTripsTheFirstByteWatchdogOfABlockingSend() throws IOException {
        client(new SseTestServer((body, socket, out) -> server.awaitClientClose(socket)));
        assertEndsByTheFirstByteWatchdogSentOnce(client.chat().send(SID, "go", FIRST_BYTE_300_MS, ChatListener.none()));
    }

    @Test
    void noHeadAtAllTripsTheFirstByteWatchdogOfABlockingStream() throws IOException {
        client(new SseTestServer((body, socket, out) -> server.awaitClientClose(socket)));
        try (ChatStream stream = client.chat().stream(SID, "go", FIRST_BYTE_300_MS)) {
            assertThatThrownBy(stream::hasNext).satisfies(this::assertFirstByteWatchdogSentOnce);
        }
    }

    private void assertEndsByTheFirstByteWatchdogSentOnce(ChatResult r) {
        assertThat(r.end()).isEqualTo(ChatEnd.FIRST_BYTE_TIMEOUT);
        assertThat(r.failure()).get().satisfies(this::assertFirstByteWatchdogSentOnce);
    }

    private void assertFirstByteWatchdogSentOnce(Throwable failure) {
        assertThat(failure)
                .isInstanceOfSatisfying(
                        StreamTimeoutException.class,
                        e -> assertThat(e.watchdog()).isEqualTo(StreamTimeoutException.Watchdog.FIRST_BYTE));
        assertThat(server.requests).hasValue(1);
    }

    @Test
    void onlyPingsTripTheIdleWatchdogAndReportStillWorking() throws IOException {
        client(new SseTestServer(oneTextThenOnlyPings()));
        List<Duration> stillWorking = new ArrayList<>();
        ChatResult r = client.chat()
                .send(
                        SID,
                        "go",
                        NO_STATE.toBuilder()
                                .idleTimeout(Duration.ofMillis(1500))
                                .progressInterval(Duration.ofMillis(100))
                                .onProgress(stillWorking::add)
                                .build());
        assertThat(r.end()).isEqualTo(ChatEnd.IDLE_TIMEOUT);
        assertThat(r.events()).filteredOn(ChatEvent::isHeartbeat).isNotEmpty();
        assertThat(stillWorking).isNotEmpty().isSorted();
        assertThat(server.requests).hasValue(1);
    }

    @Test
    void aProgressListenerThatThrowsIsNotCalledAgainAndTheChatGoesOn() throws IOException {
        client(new SseTestServer(oneTextThenOnlyPings()));
        AtomicInteger calls = new AtomicInteger();
        ChatResult r = client.chat()
                .send(
                        SID,
                        "go",
                        NO_STATE.toBuilder()
                                .idleTimeout(Duration.ofMillis(1000))
                                .progressInterval(Duration.ofMillis(100))
                                .onProgress(quiet -> {
                                    calls.incrementAndGet();
                                    throw new IllegalStateException("listener bug");
                                })
                                .build());
        assertThat(r.end()).as("the listener's failure did not end the chat").isEqualTo(ChatEnd.IDLE_TIMEOUT);
        assertThat(calls).hasValue(1);
    }

    @Test
    void closingMidStreamDropsTheConnection() throws Exception {
        CountDownLatch dropped = new CountDownLatch(1);
        client(new SseTestServer((body, socket, out) -> {
            out.write(SseTestServer.SSE_HEADERS.getBytes(StandardCharsets.US_ASCII));
            SseTestServer.chunk(out, String.format(TEXT, 1));
            server.awaitClientClose(socket);
            dropped.countDown();
        }));
        ChatStream s = client.chat().stream(SID, "go", NO_STATE);
        assertThat(s.next()).isInstanceOf(ChatEvent.AgentText.class);
        s.close();
        assertThat(dropped.await(30, TimeUnit.SECONDS))
                .as("the server saw the connection close")
                .isTrue();
        assertThat(s.hasNext()).isFalse();
        assertThat(s.result().end()).isEqualTo(ChatEnd.CANCELLED);
    }

    @Test
    void aThousandStreamsOpenedAndClosedLeakNoConnectionsOrThreads() throws Exception {
        client(new SseTestServer((body, socket, out) -> {
            out.write(SseTestServer.SSE_HEADERS.getBytes(StandardCharsets.US_ASCII));
            SseTestServer.chunk(out, String.format(TEXT, 1));
            server.awaitClientClose(socket);
        }));
        warmUp();
        long threadsBefore = clientThreads();
        for (int i = 0; i < 1000; i++) {
            try (ChatStream s = client.chat().stream(SID, "go " + i, NO_STATE)) {
                assertThat(s.next()).isInstanceOf(ChatEvent.AgentText.class);
            }
        }
        assertThat(server.awaitNoOpenConnections(Duration.ofSeconds(30)))
                .as("every connection was closed")
                .isTrue();
        assertThat(server.requests).hasValue(1001);
        assertThat(server.closedByClient).hasValue(1001);
        assertThat(clientThreads()).as("threads outside the test server").isLessThan(threadsBefore + 10);
    }

    @Test
    void aReaderThatStopsReadingStopsTheServersWrites() throws Exception {
        int events = 16 * 1024;
        String event = "data: {\"type\":\"heartbeat\",\"pad\":\"" + "x".repeat(2014) + "\"}\n\n";
        CountDownLatch written = new CountDownLatch(1);
        client(new SseTestServer((body, socket, out) -> {
            out.write(SseTestServer.SSE_HEADERS.getBytes(StandardCharsets.US_ASCII));
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < events; i++) {
                chunk.append(event);
                if (chunk.length() >= 64 * 1024) {
                    SseTestServer.chunk(out, chunk.toString());
                    chunk.setLength(0);
                }
            }
            SseTestServer.chunk(out, chunk.toString());
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            written.countDown();
            server.awaitClientClose(socket);
        }));
        try (ChatStream s = client.chat().stream(SID, "go", NO_STATE)) {
            assertThat(s.next()).isInstanceOf(ChatEvent.Heartbeat.class);
            assertThat(written.await(2, TimeUnit.SECONDS))
                    .as("32 MiB cannot all be written while the reader holds the stream back")
                    .isFalse();
            int n = 1;
            while (s.hasNext()) {
                s.next();
                n++;
            }
            assertThat(n).isEqualTo(events);
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static long clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.getName().startsWith("sse-test-server"))
                .count();
    }

    private void warmUp() {
        try (ChatStream s = client.chat().stream(SID, "warm up", NO_STATE)) {
            s.next();
        }
    }
}
