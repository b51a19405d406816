package dev.nemo.sdk.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.error.DecodeException;
import dev.nemo.sdk.error.InsufficientCreditsException;
import dev.nemo.sdk.error.RateLimitedException;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.error.SessionNotFoundException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.WireMockApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ChatApiWireMockTest {
    static final List<String> NAMES = Transcripts.NAMES;
    private static final String SID = "5529798706024415232";
    private static final ChatOptions NO_STATE = ChatOptions.builder().stateCheck(false).build();

    @TempDir
    Path dir;
    @RegisterExtension
    final WireMockApi wm = new WireMockApi();
    private NemoClient client;

    @BeforeEach
    void start() {
        client = wm.client(dir).token(TestTokens.EXPLICIT).build();
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private void stream(byte[] body) {
        wm.stubFor(post("/run_sse").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(body)));
    }

    @Test
    void sendsExactlyTheDocumentedRequest() {
        stream(Transcripts.bytes("adk-java-tool-text"));
        client.chat().send(SID, "add a title \"Urban Dreams\"", NO_STATE, ChatListener.none());
        wm.verify(1, postRequestedFor(urlEqualTo("/run_sse"))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + TestTokens.EXPLICIT))
                .withHeader("X-Skill-Source", matching(".+"))
                .withRequestBody(equalTo("{\"app_name\":\"nemo_agent\",\"user_id\":\"me\",\"session_id\":\"" + SID
                        + "\",\"new_message\":{\"parts\":[{\"text\":\"add a title \\\"Urban Dreams\\\"\"}]}}")));
        client.chat().send(SID, "压缩 🎵", NO_STATE, ChatListener.none());
        wm.verify(1, postRequestedFor(urlEqualTo("/run_sse")).withRequestBody(equalToJson("{\"app_name\":\"nemo_agent\","
                + "\"user_id\":\"me\",\"session_id\":\"" + SID + "\",\"new_message\":{\"parts\":[{\"text\":\"压缩 🎵\"}]}}")));
    }

    @Test
    void streamingAddsOnlyTheStreamingFlag() {
        stream(Transcripts.bytes("adk-java-tool-text"));
        ChatResult r = client.chat().send(SID, "hi", NO_STATE.toBuilder().streaming(true).build(), ChatListener.none());
        assertThat(r.events()).filteredOn(e -> e instanceof ChatEvent.AgentText).hasSize(4);
        wm.verify(postRequestedFor(urlEqualTo("/run_sse")).withRequestBody(equalTo("{\"app_name\":\"nemo_agent\","
                + "\"user_id\":\"me\",\"session_id\":\"" + SID + "\",\"new_message\":{\"parts\":[{\"text\":\"hi\"}]},"
                + "\"streaming\":true}")));
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void everyTranscriptServedOverHttpDecodesAsFromBytes(String name) {
        stream(Transcripts.bytes(name));
        List<ChatEvent> seen = new ArrayList<>();
        ChatResult r = client.chat().send(SID, "go", NO_STATE.toBuilder().streaming(true).build(), seen::add);
        assertThat(Transcripts.describe(seen)).containsExactlyElementsOf(Transcripts.expected(name));
        assertThat(r.events()).isEqualTo(seen);
        assertThat(r.end().closedByServer()).isTrue();
        wm.verify(1, postRequestedFor(urlEqualTo("/run_sse")));
    }

    @Test
    void blockingStreamIteratesAndReportsTheEnd() {
        stream(Transcripts.bytes("adk-python-error-tail"));
        try (ChatStream s = client.chat().stream(SID, "compress")) {
            List<ChatEvent> events = new ArrayList<>();
            s.forEachRemaining(events::add);
            assertThat(events).hasSize(5);
            ChatResult r = s.result();
            assertThat(r.end()).isEqualTo(ChatEnd.ERROR_EVENT);
            assertThat(r.text()).isEqualTo("压缩完成：GIF 从 4.2 MB 降到 1.1 MB。");
            assertThat(r.toolCalls()).extracting(ChatEvent.ToolCall::activity)
                    .containsExactly("Generating video (usually 2-5 min)");
        }
    }

    @Test
    void javaStreamOfEvents() {
        stream(Transcripts.bytes("adk-java-silent"));
        try (ChatStream s = client.chat().stream(SID, "speed up")) {
            assertThat(s.stream().filter(e -> e instanceof ChatEvent.ToolResult).count()).isEqualTo(1);
            assertThat(s.result().end()).isEqualTo(ChatEnd.COMPLETED_SILENTLY);
        }
    }

    @Test
    void outOfCreditsEnvelopeWithHttp200IsTheTypedError() {
        wm.stubFor(post("/run_sse").willReturn(okJson("{\"code\":2001,\"message\":\"insufficient credits\"}")));
        assertThatThrownBy(() -> client.chat().send(SID, "go", NO_STATE, ChatListener.none()))
                .isInstanceOf(InsufficientCreditsException.class);
        try (ChatStream s = client.chat().stream(SID, "go")) {
            assertThatThrownBy(s::hasNext).isInstanceOf(InsufficientCreditsException.class);
            assertThatThrownBy(s::result).isInstanceOf(InsufficientCreditsException.class);
        }
        wm.verify(2, postRequestedFor(urlEqualTo("/run_sse")));
    }

    @Test
    void sessionNotFoundEnvelope() {
        wm.stubFor(post("/run_sse").willReturn(okJson("{\"code\":1002,\"message\":\"session not found\"}")));
        assertThatThrownBy(() -> client.chat().send(SID, "go", NO_STATE, ChatListener.none()))
                .isInstanceOf(SessionNotFoundException.class);
        wm.verify(1, postRequestedFor(urlEqualTo("/run_sse")));
    }

    @Test
    void http500WithEmptyBodyIsAServerErrorThatIsNotRetried() {
        wm.stubFor(post("/run_sse").willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> client.chat().send(SID, "go", NO_STATE, ChatListener.none()))
                .isInstanceOf(ServerException.class).hasMessageContaining("unknown session");
        wm.verify(1, postRequestedFor(urlEqualTo("/run_sse")));
    }

    @Test
    void htmlBadGatewayIsAServerError() {
        wm.stubFor(post("/run_sse").willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));
        assertThatThrownBy(() -> client.chat().send(SID, "go", NO_STATE, ChatListener.none()))
                .isInstanceOf(ServerException.class)
                .satisfies(e -> assertThat(((ServerException) e).httpStatus()).isEqualTo(502));
        wm.verify(1, postRequestedFor(urlEqualTo("/run_sse")));
    }

    @Test
    void wrongContentTypeIsADecodeError() {
        wm.stubFor(post("/run_sse").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html>hello</html>")));
        assertThatThrownBy(() -> client.chat().send(SID, "go", NO_STATE, ChatListener.none()))
                .isInstanceOf(DecodeException.class);
        wm.stubFor(post("/run_sse").willReturn(okJson("{\"code\":0,\"data\":{}}")));
        assertThatThrownBy(() -> client.chat().send(SID, "go", NO_STATE, ChatListener.none()))
                .isInstanceOf(DecodeException.class).hasMessageContaining("streamed response");
        wm.verify(2, postRequestedFor(urlEqualTo("/run_sse")));
    }

    @Test
    void aRateLimitBeforeTheStreamIsWaitedOutAndSentOnceMoreThenRaised() {
        // 429 answered instead of the stream: nothing ran, so the message is sent once more after Retry-After
        try (NemoClient c = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            wm.stubFor(post("/run_sse").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
            assertThatThrownBy(() -> c.chat().send(SID, "go", NO_STATE, ChatListener.none()))
                    .isInstanceOf(RateLimitedException.class);
        }
        wm.verify(2, postRequestedFor(urlEqualTo("/run_sse")));
        assertThat(wm.time().sleeps()).containsExactly(java.time.Duration.ofSeconds(1));
    }

    @Test
    void aRateLimitWithoutRetryAfterWaitsThirtySecondsThenTheStreamRuns() {
        wm.stubFor(post("/run_sse").inScenario("rl").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429)).willSetStateTo("open"));
        wm.stubFor(post("/run_sse").inScenario("rl").whenScenarioStateIs("open").willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(Transcripts.bytes("adk-java-tool-text"))));
        try (NemoClient c = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            ChatResult r = c.chat().send(SID, "go", NO_STATE, ChatListener.none());
            assertThat(r.end()).isEqualTo(ChatEnd.COMPLETED_WITH_TEXT);
        }
        wm.verify(2, postRequestedFor(urlEqualTo("/run_sse")));
        assertThat(wm.time().sleeps()).containsExactly(java.time.Duration.ofSeconds(30));
    }

    @Test
    void expiredTokenIsRenewedAndTheRefusedMessageSentOnceMore() {
        wm.stubFor(post("/api/auth/anonymous-token").inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"code\":0,\"data\":{\"token\":\"" + TestTokens.ANON_1 + "\",\"user_id\":\"anon_1\"}}"))
                .willSetStateTo("renewed"));
        wm.stubFor(post("/api/auth/anonymous-token").inScenario("tokens").whenScenarioStateIs("renewed")
                .willReturn(okJson("{\"code\":0,\"data\":{\"token\":\"" + TestTokens.ANON_2 + "\",\"user_id\":\"anon_1\"}}")));
        wm.stubFor(post("/run_sse").withHeader("Authorization", equalTo("Bearer " + TestTokens.ANON_1))
                .willReturn(okJson("{\"code\":1001,\"message\":\"token expired\"}")));
        wm.stubFor(post("/run_sse").withHeader("Authorization", equalTo("Bearer " + TestTokens.ANON_2))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                        .withBody(Transcripts.bytes("adk-java-tool-text"))));
        try (NemoClient anonymous = wm.client(dir).clientId("cid-chat").build()) {
            ChatResult r = anonymous.chat().send(SID, "go", NO_STATE, ChatListener.none());
            assertThat(r.end()).isEqualTo(ChatEnd.COMPLETED_WITH_TEXT);
        }
        wm.verify(2, postRequestedFor(urlEqualTo("/run_sse")));
        wm.verify(2, postRequestedFor(urlEqualTo("/api/auth/anonymous-token"))
                .withHeader("X-Client-Id", equalTo("cid-chat")));
    }

    @Test
    void connectionResetIsReportedAsACutAndNeverReplayed() {
        wm.stubFor(post("/run_sse").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ChatResult r = client.chat().send(SID, "go", NO_STATE, ChatListener.none());
        assertThat(r.end()).isEqualTo(ChatEnd.TRANSPORT_CUT);
        assertThat(r.failure()).get().isInstanceOf(TransportException.class)
                .satisfies(e -> assertThat(((TransportException) e).outcomeUnknown()).isTrue());
        wm.verify(1, postRequestedFor(urlEqualTo("/run_sse")));
    }

    @Test
    void malformedChunkMidStreamIsACutAndNeverReplayed() {
        wm.stubFor(post("/run_sse").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        ChatResult r = client.chat().send(SID, "go", NO_STATE, ChatListener.none());
        assertThat(r.end()).isIn(ChatEnd.TRANSPORT_CUT);
        wm.verify(1, postRequestedFor(urlEqualTo("/run_sse")));
    }

    @Test
    void publisherSendsOnSubscribeOnlyAndOnce() throws Exception {
        stream(Transcripts.bytes("adk-java-safety"));
        Flow.Publisher<ChatEvent> p = client.chat().publisher(SID, "go", NO_STATE);
        wm.verify(0, postRequestedFor(urlEqualTo("/run_sse")));
        java.util.concurrent.CompletableFuture<List<ChatEvent>> done = new java.util.concurrent.CompletableFuture<>();
        p.subscribe(new Flow.Subscriber<>() {
            final List<ChatEvent> events = new ArrayList<>();

            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ChatEvent item) {
                events.add(item);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(events);
            }
        });
        assertThat(done.get(30, TimeUnit.SECONDS)).singleElement().isInstanceOf(ChatEvent.ModelError.class);
        java.util.concurrent.CompletableFuture<Throwable> second = new java.util.concurrent.CompletableFuture<>();
        p.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
            }

            @Override
            public void onNext(ChatEvent item) {
            }

            @Override
            public void onError(Throwable t) {
                second.complete(t);
            }

            @Override
            public void onComplete() {
            }
        });
        assertThat(second.get(30, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
        wm.verify(1, postRequestedFor(urlEqualTo("/run_sse")));
    }

    @Test
    void invalidArgumentsFailBeforeAnythingIsSent() {
        assertThatThrownBy(() -> client.chat().publisher(" ", "go", NO_STATE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.chat().send(SID, "", NO_STATE, ChatListener.none()))
                .isInstanceOf(IllegalArgumentException.class);
        wm.verify(0, postRequestedFor(urlEqualTo("/run_sse")));
    }
}
