package dev.nemo.sdk;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.nemo.sdk.RequestListener.ChatFirstEvent;
import dev.nemo.sdk.RequestListener.ChatStreamEnded;
import dev.nemo.sdk.RequestListener.ExportWaitFinished;
import dev.nemo.sdk.RequestListener.RequestFailed;
import dev.nemo.sdk.RequestListener.RequestStarted;
import dev.nemo.sdk.RequestListener.ResponseReceived;
import dev.nemo.sdk.RequestListener.RetryScheduled;
import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatListener;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.error.InsufficientCreditsException;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportStatus;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.WireMockApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public request listener: which events, in which order, with which tags, and never a secret. */
class RequestListenerTest {
    static final String CREDITS = "/api/credits/balance/simple";
    static final String CREDITS_OK = "{\"code\":0,\"data\":{\"available\":5,\"frozen\":0,\"total\":5}}";
    private static final String SID = "5529798706024415232";

    @TempDir
    Path dir;
    @RegisterExtension
    final WireMockApi wm = new WireMockApi();
    final Recorder events = new Recorder();

    private NemoClient client(RequestListener... listeners) {
        NemoClient.Builder b = wm.client(dir).token(TestTokens.EXPLICIT);
        for (RequestListener l : listeners) {
            b.requestListener(l);
        }
        return b.build();
    }

    @Test
    void aRetriedCallReportsEachAttemptTheRetryAndTheAnswers() {
        wm.stubFor(get(CREDITS).inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        wm.stubFor(get(CREDITS).inScenario("5xx").whenScenarioStateIs("ok").willReturn(okJson(CREDITS_OK)));

        try (NemoClient client = client(events)) {
            client.credits().balance();
        }

        assertThat(events.all).hasSize(5);
        RequestStarted first = (RequestStarted) events.all.get(0);
        assertThat(first).isEqualTo(new RequestStarted(first.callId(), "credits.balance", "GET", CREDITS, 1));
        assertThat(events.all.get(1)).isInstanceOfSatisfying(ResponseReceived.class, r -> {
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.attempt()).isEqualTo(1);
            assertThat(r.duration().isNegative()).isFalse();
        });
        assertThat(events.all.get(2)).isInstanceOfSatisfying(RetryScheduled.class, r -> {
            assertThat(r.attempt()).isEqualTo(1);
            assertThat(r.cause()).isInstanceOf(ServerException.class);
            assertThat(r.delay()).isEqualTo(wm.time().sleeps().get(0));
        });
        assertThat(events.all.get(3)).isEqualTo(new RequestStarted(first.callId(), "credits.balance", "GET", CREDITS, 2));
        assertThat(events.all.get(4)).isInstanceOfSatisfying(ResponseReceived.class, r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.apiCode()).isEmpty();
        });
    }

    @Test
    void typedErrorsAreAnswersWithTheirApiCode() {
        wm.stubFor(get(CREDITS).willReturn(okJson("{\"code\":2001}")));

        try (NemoClient client = client(events)) {
            assertThatThrownBy(() -> client.credits().balance()).isInstanceOf(InsufficientCreditsException.class);
        }

        assertThat(events.of(ResponseReceived.class)).singleElement()
                .satisfies(r -> assertThat(r.apiCode()).hasValue(2001));
    }

    @Test
    void pathTemplatesHideIdsAndNoEventCarriesASecret() {
        wm.stubFor(get(urlPathMatching("/api/state/.*")).willReturn(okJson("{\"code\":0,\"data\":{}}")));
        wm.stubFor(get(urlPathMatching("/api/render/proxy/lambda/.*")).willReturn(okJson(
                "{\"success\":true,\"data\":{\"status\":\"processing\"}}")));

        try (NemoClient client = client(events)) {
            client.state().get(SID);
            client.exports().poll("render_1795559949543_abcdef0123");
        }

        assertThat(events.of(RequestStarted.class)).extracting(RequestStarted::operation, RequestStarted::pathTemplate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("state.get", "/api/state/nemo_agent/me/{sessionId}/latest"),
                        org.assertj.core.groups.Tuple.tuple("exports.poll", "/api/render/proxy/lambda/{renderId}"));
        assertThat(events.all).allSatisfy(e -> assertThat(e.toString()).doesNotContain(SID)
                .doesNotContain("render_1795559949543").doesNotContain(TestTokens.MARKER));
    }

    @Test
    void aPostWithAnUnknownOutcomeFailsOnceAndSaysSo() {
        wm.stubFor(post("/api/tasks/me/with-session/nemo_agent").willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));

        try (NemoClient client = client(events)) {
            assertThatThrownBy(() -> client.sessions().create()).isInstanceOf(TransportException.class);
        }

        assertThat(events.of(RequestStarted.class)).hasSize(1);
        assertThat(events.of(RetryScheduled.class)).isEmpty();
        assertThat(events.of(RequestFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.operation()).isEqualTo("sessions.create");
            assertThat(f.outcomeUnknown()).isTrue();
            assertThat(f.error()).isInstanceOf(TransportException.class);
        });
    }

    @Test
    void aListenerThatThrowsNeitherBreaksTheCallNorSilencesTheOthers() {
        wm.stubFor(get(CREDITS).willReturn(okJson(CREDITS_OK)));
        RequestListener broken = new RequestListener() {
            @Override
            public void requestStarted(RequestStarted event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void responseReceived(ResponseReceived event) {
                throw new IllegalStateException("listener bug");
            }
        };

        try (NemoClient client = client(broken, events)) {
            assertThat(client.credits().balance().available()).isEqualTo(5);
            assertThat(client.credits().balanceAsync(RequestOptions.none()).join().available()).isEqualTo(5);
        }

        assertThat(events.of(RequestStarted.class)).hasSize(2);
        assertThat(events.of(ResponseReceived.class)).hasSize(2);
    }

    @Test
    void aChatStreamReportsItsFirstEventAndHowItEnded() {
        wm.stubFor(post("/run_sse").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(("data: {\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Done.\"}]},"
                        + "\"author\":\"nemo_agent\"}\n\n").getBytes(StandardCharsets.UTF_8))));

        try (NemoClient client = client(events)) {
            client.chat().send(SID, "go", ChatOptions.builder().stateCheck(false).build(), ChatListener.none());
        }

        assertThat(events.of(RequestStarted.class)).extracting(RequestStarted::operation).containsExactly("chat.stream");
        assertThat(events.of(ChatFirstEvent.class)).hasSize(1);
        assertThat(events.of(ChatStreamEnded.class)).singleElement().satisfies(e -> {
            assertThat(e.end()).isEqualTo(ChatEnd.COMPLETED_WITH_TEXT);
            assertThat(e.events()).isEqualTo(1);
        });
    }

    @Test
    void anExportWaitReportsItsOutcomeWithoutTheRenderId() {
        wm.stubFor(get(urlPathMatching("/api/render/proxy/lambda/.*")).inScenario("p")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(
                        "{\"success\":true,\"data\":{\"status\":\"processing\",\"progress\":50}}")).willSetStateTo("done"));
        wm.stubFor(get(urlPathMatching("/api/render/proxy/lambda/.*")).inScenario("p").whenScenarioStateIs("done")
                .willReturn(okJson("{\"success\":true,\"data\":{\"status\":\"completed\",\"outputUrl\":\"https://x/o.mp4\"}}")));

        try (NemoClient client = client(events)) {
            ExportJob done = client.exports().resume("render_1795559949543_abcdef0123").waitForCompletion();
            assertThat(done.isCompleted()).isTrue();
        }

        assertThat(events.of(ExportWaitFinished.class)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(ExportStatus.COMPLETED);
            assertThat(e.outcome()).isEqualTo("completed");
            assertThat(e.polls()).isEqualTo(2);
            assertThat(e.duration()).isEqualTo(wm.time().totalSlept());
            assertThat(e.toString()).doesNotContain("render_");
        });
    }

    @Test
    void aDownloadFromTheOutputUrlIsTaggedWithoutTheUrl() {
        wm.stubFor(get(urlPathMatching("/cdn/out.mp4")).willReturn(aResponse().withBody(new byte[1024])));
        // 127.0.0.1 is another origin than the client's localhost base URL: a CDN as far as the SDK knows
        String cdn = "http://127.0.0.1:" + wm.getPort() + "/cdn/out.mp4?signature=abc";
        ExportJob job = ExportJob.fromJson("render_1795559949543_abcdef0123", dev.nemo.sdk.json.JsonValue.parse(
                "{\"status\":\"completed\",\"outputUrl\":\"" + cdn + "\"}"));

        try (NemoClient client = client(events)) {
            client.exports().download(job, dir.resolve("out.mp4"));
        }

        assertThat(events.of(RequestStarted.class)).extracting(RequestStarted::operation, RequestStarted::pathTemplate,
                RequestStarted::attempt).containsExactly(org.assertj.core.groups.Tuple.tuple("exports.download",
                "{outputUrl}", 1));
        assertThat(events.all).allSatisfy(e -> assertThat(e.toString()).doesNotContain("signature"));
    }

    /** Keeps every event in order. */
    static class Recorder implements RequestListener {
        final List<Record> all = new CopyOnWriteArrayList<>();

        <T> List<T> of(Class<T> type) {
            return all.stream().filter(type::isInstance).map(type::cast).toList();
        }

        @Override
        public void requestStarted(RequestStarted event) {
            all.add(event);
        }

        @Override
        public void retryScheduled(RetryScheduled event) {
            all.add(event);
        }

        @Override
        public void responseReceived(ResponseReceived event) {
            all.add(event);
        }

        @Override
        public void requestFailed(RequestFailed event) {
            all.add(event);
        }

        @Override
        public void chatFirstEvent(ChatFirstEvent event) {
            all.add(event);
        }

        @Override
        public void chatStreamEnded(ChatStreamEnded event) {
            all.add(event);
        }

        @Override
        public void exportWaitFinished(ExportWaitFinished event) {
            all.add(event);
        }
    }
}
