package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.testkit.internal.JsonBridge;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Stream faults on {@code /run_sse}, seen by a plain java.net.http client. */
class SseFaultsTest {
    private NemoEmulator emulator;
    private Http http;
    private String sid;

    @BeforeEach
    void start() {
        emulator = NemoEmulator.start(
                EmulatorOptions.builder().silentEdits(SilentEdits.NEVER).build());
        http = new Http(emulator).login("sse-client");
        sid = http.newSession();
        http.upload(sid, Http.Part.file("a.gif", TestMedia.gif(100, 100, 50, 50)));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /**
     * Reads the stream until it ends or breaks; returns what arrived and the failure, if any. Each
     * received chunk is copied as it arrives (an InputStream handler may drop buffered bytes once
     * the connection fails).
     */
    private Object[] readAll() throws Exception {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        Throwable failure = null;
        try {
            Http.client()
                    .send(
                            http.chatRequest(sid, "add BGM"),
                            HttpResponse.BodyHandlers.ofByteArrayConsumer(chunk -> chunk.ifPresent(got::writeBytes)));
        } catch (IOException e) {
            failure = e;
        }
        return new Object[] {got.toString(StandardCharsets.UTF_8), failure};
    }

    @Test
    void cuttingMidEventTruncatesTheChunkedBodyButTheEditHappenedAndWasCharged() throws Exception {
        emulator.faults().on(Endpoint.RUN_SSE).times(2).cutMidEvent(1);

        Object[] result = readAll();
        String body = (String) result[0];

        assertThat(result[1])
                .as("the client sees a broken stream, not a clean end")
                .isInstanceOf(IOException.class);
        assertThat(Http.events(body)).hasSize(1);
        assertThat(body.substring(body.lastIndexOf("\n\n") + 2))
                .as("half of the second event")
                .startsWith("data:{\"id\"")
                .doesNotContain("\n");
        assertThatThrownBy(() ->
                        Http.client().send(http.chatRequest(sid, "add BGM"), HttpResponse.BodyHandlers.ofString()))
                .as("the same cut again, read whole")
                .hasMessageContaining("chunked transfer encoding");
        JsonNode state =
                JsonBridge.toJackson(emulator.session(sid).orElseThrow().state());
        assertThat(state.at("/draft/t/1/tt").asInt())
                .as("the edit was applied server side")
                .isEqualTo(1);
        JsonNode credits = Http.json(http.get("/api/credits/balance/simple")).path("data");
        assertThat(credits.path("available").asLong()).isEqualTo(100 - 2 * 10);
        assertThat(credits.path("frozen").asLong()).isZero();
        assertThat(emulator.requests(Endpoint.RUN_SSE)).hasSize(2);
    }

    @Test
    void cuttingAfterCompleteEventsLeavesThemReadable() throws Exception {
        emulator.faults().on(Endpoint.RUN_SSE).cutAfterEvents(2);

        Object[] result = readAll();

        assertThat(result[1]).isInstanceOf(IOException.class);
        List<JsonNode> events = Http.events((String) result[0]);
        assertThat(events).hasSize(2);
        assertThat(((String) result[0])).endsWith("\n\n");
    }

    @Test
    void heartbeatsComeBeforeTheEvents() {
        emulator.faults().on(Endpoint.RUN_SSE).heartbeats(3, Duration.ofMillis(5), HeartbeatStyle.COMMENT);

        String body = http.chat(sid, "add BGM", false).body();

        assertThat(body.split(": ping - ", -1)).hasSize(4);
        assertThat(body).startsWith(": ping - ").contains("\r\n\r\n");
        assertThat(body.indexOf("data:")).isGreaterThan(body.lastIndexOf(": ping"));
        assertThat(Http.events(body)).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(HeartbeatStyle.class)
    void everyHeartbeatStyleIsSent(HeartbeatStyle style) {
        emulator.faults().on(Endpoint.RUN_SSE).heartbeats(1, Duration.ofMillis(1), style);

        String body = http.chat(sid, "add BGM", false).body();

        String expected = style == HeartbeatStyle.COMMENT
                ? ": ping - "
                : style == HeartbeatStyle.EVENT
                        ? "event: heartbeat\r\ndata: \r\n\r\n"
                        : style == HeartbeatStyle.JSON ? "data: {\"type\":\"heartbeat\"}\r\n\r\n" : "data:\n\n";
        assertThat(body).startsWith(expected);
        assertThat(Http.events(body)).hasSize(style == HeartbeatStyle.JSON ? 4 : 3);
    }

    @Test
    void creditsStayFrozenWhileOnlyHeartbeatsArrive() throws Exception {
        Fault hold = emulator.faults()
                .on(Endpoint.RUN_SSE)
                .heartbeatsUntilReleased(Duration.ofMillis(20), HeartbeatStyle.COMMENT);
        CompletableFuture<HttpResponse<Stream<String>>> pending =
                Http.client().sendAsync(http.chatRequest(sid, "add BGM"), HttpResponse.BodyHandlers.ofLines());
        Iterator<String> lines = pending.get(10, TimeUnit.SECONDS).body().iterator();
        assertThat(lines.next()).startsWith(": ping - ");

        JsonNode during = Http.json(http.get("/api/credits/balance/simple")).path("data");
        JsonNode draftDuring = JsonBridge.toJackson(emulator.draft(sid).orElseThrow());
        hold.release();
        StringBuilder rest = new StringBuilder();
        lines.forEachRemaining(l -> rest.append(l).append('\n'));
        JsonNode after = Http.json(http.get("/api/credits/balance/simple")).path("data");

        assertThat(during.path("available").asLong()).isEqualTo(90);
        assertThat(during.path("frozen").asLong()).isEqualTo(10);
        assertThat(during.path("total").asLong()).isEqualTo(100);
        assertThat(draftDuring.path("t")).as("the work is not done yet").hasSize(1);
        assertThat(after.path("available").asLong()).isEqualTo(90);
        assertThat(after.path("frozen").asLong()).isZero();
        assertThat(Http.events(rest.toString())).hasSize(3);
        assertThat(JsonBridge.toJackson(emulator.draft(sid).orElseThrow()).path("t"))
                .hasSize(2);
    }

    @Test
    void aPythonStyleErrorPayloadEndsTheStreamNormally() {
        emulator.faults().on(Endpoint.RUN_SSE).streamError(1, "ValueError: boom");

        String body = http.chat(sid, "add BGM", false).body();

        List<JsonNode> events = Http.events(body);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).path("error").asText()).isEqualTo("ValueError: boom");
        assertThat(body).endsWith("data: {\"error\":\"ValueError: boom\"}\n\n");
    }

    @Test
    void aModelErrorIsOneEventAndChangesNothing() {
        emulator.faults().on(Endpoint.RUN_SSE).modelError("SAFETY", "blocked by safety");

        List<JsonNode> events = Http.events(http.chat(sid, "add BGM", false).body());

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.path("errorCode").asText()).isEqualTo("SAFETY");
            assertThat(e.path("errorMessage").asText()).isEqualTo("blocked by safety");
            assertThat(e.has("content")).isFalse();
        });
        assertThat(JsonBridge.toJackson(emulator.draft(sid).orElseThrow()).path("t"))
                .hasSize(1);
        assertThat(emulator.accounts().get(0).available()).isEqualTo(100);
    }

    @Test
    void trailingNoiseTextCanBeAppended() {
        emulator.faults().on(Endpoint.RUN_SSE).trailingText("I encountered a temporary issue");

        List<JsonNode> events = Http.events(http.chat(sid, "add BGM", false).body());

        assertThat(events).hasSize(4);
        assertThat(events.get(3).at("/content/parts/0/text").asText()).isEqualTo("I encountered a temporary issue");
    }

    @Test
    void envelopeAndStatusFaultsAnswerBeforeAnyStream() {
        emulator.faults().on(Endpoint.RUN_SSE).status(500);
        HttpResponse<String> empty = http.chat(sid, "add BGM", false);
        assertThat(empty.statusCode()).isEqualTo(500);
        assertThat(empty.body()).isEmpty();

        emulator.faults().on(Endpoint.RUN_SSE).errorCode(1002);
        assertThat(Http.json(http.chat(sid, "add BGM", false)).path("code").asInt())
                .isEqualTo(1002);
        assertThat(emulator.accounts().get(0).available())
                .as("nothing was charged")
                .isEqualTo(100);
    }

    @Test
    void streamFaultsCannotBeAimedAtOtherEndpoints() {
        assertThatThrownBy(() -> emulator.faults().on(Endpoint.CREDITS).cutMidEvent(1))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() ->
                        emulator.faults().onAnyEndpoint().heartbeats(1, Duration.ofMillis(1), HeartbeatStyle.COMMENT))
                .isInstanceOf(IllegalStateException.class);
        assertThat(emulator.faults().pending()).isZero();
    }
}
