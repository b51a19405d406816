package dev.nemo.sdk.export;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.nemo.sdk.export.RenderStubs.completed;
import static dev.nemo.sdk.export.RenderStubs.pollSequence;
import static dev.nemo.sdk.export.RenderStubs.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.error.DraftNotExportableException;
import dev.nemo.sdk.error.ExportFailedException;
import dev.nemo.sdk.error.ExportNotAllowedException;
import dev.nemo.sdk.error.ExportTimeoutException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.error.TokenExpiredException;
import dev.nemo.sdk.internal.json.Json;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.testing.WireMockApi;
import dev.nemo.sdk.testing.WireMockSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ExportsApiTest {
    private static final String SID = "5529798706024415232";
    private static final String SUBMIT = "/api/render/proxy/lambda";

    @TempDir
    Path dir;
    @RegisterExtension
    final WireMockApi wm = new WireMockApi();
    private NemoClient client;
    private Draft draft;

    @BeforeEach
    void start() throws Exception {
        client = wm.client(dir).token(TestTokens.EXPLICIT).build();
        try (var in = getClass().getResourceAsStream("/drafts/seed-draft.json")) {
            draft = Draft.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private void acceptSubmissions() {
        wm.stubFor(post(SUBMIT).willReturn(okJson("{\"success\":true,\"data\":{\"id\":\"server-side\",\"status\":\"pending\",\"progress\":5}}")));
    }

    private List<LoggedRequest> submissions() {
        return wm.findAll(postRequestedFor(urlEqualTo(SUBMIT)));
    }

    private List<String> polledUrls() {
        return wm.findAll(getRequestedFor(urlPathMatching(RenderStubs.POLL))).stream().map(LoggedRequest::getUrl)
                .collect(Collectors.toList());
    }

    @Test
    void submitSendsTheDocumentedBodyWithTheWholeDraft() {
        acceptSubmissions();

        ExportPoller poller = client.exports().submit(SID, draft);

        LoggedRequest req = submissions().get(0);
        JsonNode body = Json.parse(req.getBodyAsString());
        assertThat(body.fieldNames()).toIterable().containsExactly("id", "sessionId", "draft", "output");
        assertThat(body.get("id").textValue()).matches("render_" + wm.time().millis() + "_[a-z0-9]{10}");
        assertThat(body.get("sessionId").textValue()).isEqualTo(SID);
        assertThat(Json.writeString(body.get("draft"))).isEqualTo(draft.toJsonString());
        assertThat(req.getBodyAsString()).contains("\"draft\":" + draft.toJsonString());
        assertThat(body.get("output").toString()).isEqualTo("{\"format\":\"mp4\",\"quality\":\"high\"}");
        assertThat(req.getHeader("Authorization")).isEqualTo("Bearer " + TestTokens.EXPLICIT);
        assertThat(req.getHeader("X-Skill-Source")).isEqualTo("ai-gif-compressor");
        assertThat(req.getHeader("Content-Type")).startsWith("application/json");
        // the client keeps its own id; the submission's answer is the first status
        assertThat(poller.renderId()).isEqualTo(body.get("id").textValue());
        assertThat(poller.latest().orElseThrow().status()).isEqualTo(ExportStatus.PENDING);
        assertThat(poller.latest().orElseThrow().progress()).hasValue(5);
    }

    @Test
    void eachSubmissionGetsAFreshId() {
        acceptSubmissions();
        String a = client.exports().submit(SID, draft).renderId();
        String b = client.exports().submit(SID, draft).renderId();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void outputOptionsAreSent() throws Exception {
        acceptSubmissions();
        ExportJob job = client.exports().submitAsync(SID, draft, ExportOptions.builder().format(ExportFormat.GIF)
                .quality("medium").resolution("720p").build()).get(30, TimeUnit.SECONDS).latest().orElseThrow();

        assertThat(Json.parse(submissions().get(0).getBodyAsString()).get("output").toString())
                .isEqualTo("{\"format\":\"gif\",\"quality\":\"medium\",\"resolution\":\"720p\"}");
        assertThat(job.status()).isEqualTo(ExportStatus.PENDING);
    }

    @Test
    void aSubmissionAnswerWithoutStatusIsPending() {
        wm.stubFor(post(SUBMIT).willReturn(okJson("{\"code\":0,\"data\":{\"id\":\"render_x\"}}")));
        assertThat(client.exports().submit(SID, draft).latest().orElseThrow().status()).isEqualTo(ExportStatus.PENDING);
    }

    @Test
    void refusesANonExportableDraftBeforeAnyRequest() {
        Draft empty = Draft.parse("{\"t\":[{\"tt\":0,\"sg\":[]}],\"d\":0}");

        assertThatThrownBy(() -> client.exports().submit(SID, empty))
                .isInstanceOf(DraftNotExportableException.class)
                .hasMessageContaining("at least one track with segments")
                .hasMessageContaining("nothing was sent");
        CompletableFuture<ExportPoller> async = client.exports().submitAsync(SID, Draft.empty(), ExportOptions.defaults());
        assertThat(async).isCompletedExceptionally();
        assertThat(wm.findAll(postRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aDuplicateIdGetsANewIdAndOneRetry() {
        wm.stubFor(post(SUBMIT).inScenario("dup").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(409).withBody("{\"success\":false,\"error\":\"Render ID already exists\"}"))
                .willSetStateTo("second"));
        wm.stubFor(post(SUBMIT).inScenario("dup").whenScenarioStateIs("second")
                .willReturn(okJson("{\"success\":true,\"data\":{\"status\":\"pending\"}}")));

        ExportPoller poller = client.exports().submit(SID, draft);

        List<String> ids = submissions().stream().map(r -> Json.parse(r.getBodyAsString()).get("id").textValue())
                .collect(Collectors.toList());
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(poller.renderId()).isEqualTo(ids.get(1));
    }

    @Test
    void aDuplicateIdMessageWithHttp200IsRecognisedAndRetriedOnlyOnce() {
        wm.stubFor(post(SUBMIT).willReturn(okJson("{\"success\":false,\"error\":\"duplicate render id\"}")));

        assertThatThrownBy(() -> client.exports().submit(SID, draft)).isInstanceOf(NemoException.class)
                .hasMessageContaining("duplicate render id");
        assertThat(submissions()).hasSize(2);
    }

    @Test
    void aFailedSubmissionIsNeverResentAutomatically() {
        wm.stubFor(post(SUBMIT).willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> client.exports().submit(SID, draft)).isInstanceOf(ServerException.class);
        assertThat(submissions()).hasSize(1);

        wm.resetRequests();
        wm.stubFor(post(SUBMIT).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> client.exports().submit(SID, draft)).isInstanceOf(NemoException.class);
        assertThat(submissions()).hasSize(1);
    }

    @Test
    void http402IsExportNotAllowed() {
        wm.stubFor(post(SUBMIT).willReturn(aResponse().withStatus(402)));
        assertThatThrownBy(() -> client.exports().submit(SID, draft)).isInstanceOf(ExportNotAllowedException.class);
    }

    @Test
    void pendingProcessingCompletedWithProgressCallbacksInVirtualTime() {
        acceptSubmissions();
        pollSequence(wm, status("pending", 5), status("processing", 40), status("processing", 80),
                completed("https://cdn.example.com/r.mp4"));
        List<String> seen = new CopyOnWriteArrayList<>();

        ExportJob done = client.exports().submit(SID, draft, ExportOptions.builder()
                .onProgress(j -> seen.add(j.status() + " " + j.progress().orElse(-1))).build()).waitForCompletion();

        assertThat(done.status()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(done.outputUrl().orElseThrow().toString()).isEqualTo("https://cdn.example.com/r.mp4");
        assertThat(seen).containsExactly("PENDING 5", "PENDING 5", "PROCESSING 40", "PROCESSING 80", "COMPLETED 100");
        assertThat(wm.time().sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(polledUrls()).hasSize(4).allMatch(u -> u.equals("/api/render/proxy/lambda/" + done.renderId()));
    }

    @Test
    void aTenPollExportCompletesWithoutRealWaiting() {
        acceptSubmissions();
        pollSequence(wm, status("processing", 10), status("processing", 20), status("processing", 30),
                status("processing", 40), status("processing", 50), status("processing", 60), status("processing", 70),
                status("processing", 80), status("processing", 90), completed("https://cdn.example.com/r.mp4"));

        ExportJob done = client.exports().submit(SID, draft).waitForCompletion();

        assertThat(done.isCompleted()).isTrue();
        assertThat(polledUrls()).hasSize(10);
        assertThat(wm.time().totalSlept()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void stillRunningAfterTheLastPollIsATimeoutThatNamesTheRenderToResume() {
        acceptSubmissions();
        pollSequence(wm, status("processing", 50));
        ExportPoller poller = client.exports().submit(SID, draft);

        assertThatThrownBy(poller::waitForCompletion).isInstanceOfSatisfying(ExportTimeoutException.class, e -> {
            assertThat(e.renderId()).isEqualTo(poller.renderId());
            assertThat(e.lastStatus()).contains("processing");
            assertThat(e.getMessage()).contains("after 10 polls").contains("resume(\"" + poller.renderId() + "\")");
        });
        assertThat(polledUrls()).hasSize(10);
    }

    @Test
    void theOverallDeadlineCutsTheLastWaitShort() {
        acceptSubmissions();
        pollSequence(wm, status("processing", 50));
        ExportPoller poller = client.exports().submit(SID, draft);

        assertThatThrownBy(() -> poller.waitForCompletion(Duration.ofSeconds(95)))
                .isInstanceOf(ExportTimeoutException.class).hasMessageContaining("after 95 s");
        assertThat(wm.time().sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofSeconds(5));
        assertThat(polledUrls()).hasSize(4);
    }

    @Test
    void cadenceAndLimitAreConfigurable() {
        acceptSubmissions();
        pollSequence(wm, status("processing", 50));
        PollingStrategy fast = PollingStrategy.builder().interval(Duration.ofSeconds(2)).maxPolls(3).build();

        assertThatThrownBy(() -> client.exports().submit(SID, draft, ExportOptions.builder().polling(fast).build())
                .waitForCompletion()).isInstanceOf(ExportTimeoutException.class);
        assertThat(wm.time().sleeps()).containsOnly(Duration.ofSeconds(2)).hasSize(3);
    }

    @Test
    void aFailedRenderIsATypedError() {
        acceptSubmissions();
        pollSequence(wm, status("processing", 50),
                okJson("{\"success\":true,\"data\":{\"status\":\"failed\",\"error\":\"Out of GPU memory\"}}"));

        assertThatThrownBy(() -> client.exports().submit(SID, draft).waitForCompletion())
                .isInstanceOfSatisfying(ExportFailedException.class, e -> {
                    assertThat(e.reason()).contains("Out of GPU memory");
                    assertThat(e.cancelled()).isFalse();
                    assertThat(e.getMessage()).contains("failed: Out of GPU memory");
                });
    }

    @Test
    void anUnknownStatusCountsAsRunning() {
        acceptSubmissions();
        pollSequence(wm, okJson("{\"status\":\"warming_gpu\"}"), completed("https://cdn.example.com/r.mp4"));
        assertThat(client.exports().submit(SID, draft).waitForCompletion().isCompleted()).isTrue();
        assertThat(polledUrls()).hasSize(2);
    }

    @Test
    void formBAndTaskIdVariantsArePolledToCompletion() {
        acceptSubmissions();
        pollSequence(wm, okJson("{\"taskId\":\"render_x\",\"status\":\"processing\",\"progress\":60}"),
                okJson("{\"taskId\":\"render_x\",\"status\":\"completed\",\"progress\":100,"
                        + "\"output\":{\"url\":\"https://cdn.example.com/renders/xxx/output.mp4\",\"duration\":30.5,\"size\":15728640}}"));

        ExportJob done = client.exports().submit(SID, draft).waitForCompletion();

        assertThat(done.outputUrl().orElseThrow().toString()).isEqualTo("https://cdn.example.com/renders/xxx/output.mp4");
        assertThat(done.outputSize()).hasValue(15728640);
    }

    @Test
    void networkErrorsAndServerErrorsMidPollRetryTheSameId() {
        NemoClient noRetry = client.toBuilder().retryPolicy(RetryPolicy.none()).build();
        try {
            acceptSubmissions();
            pollSequence(wm, status("processing", 10), aResponse().withStatus(503),
                    aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withStatus(500),
                    completed("https://cdn.example.com/r.mp4"));

            ExportPoller poller = noRetry.exports().submit(SID, draft);
            ExportJob done = poller.waitForCompletion();

            assertThat(done.isCompleted()).isTrue();
            assertThat(polledUrls()).hasSize(5).containsOnly("/api/render/proxy/lambda/" + poller.renderId());
            assertThat(submissions()).hasSize(1);
        } finally {
            noRetry.close();
        }
    }

    @Test
    void http400MidPollFailsAtOnce() {
        acceptSubmissions();
        pollSequence(wm, status("processing", 10), aResponse().withStatus(400).withBody("{\"error\":\"bad id\"}"),
                completed("https://cdn.example.com/r.mp4"));

        assertThatThrownBy(() -> client.exports().submit(SID, draft).waitForCompletion())
                .isInstanceOf(NemoException.class)
                .isNotInstanceOf(ExportTimeoutException.class)
                .satisfies(e -> assertThat(((NemoException) e).httpStatus()).isEqualTo(400));
        assertThat(polledUrls()).hasSize(2);
    }

    @Test
    void http401MidPollFailsAtOnce() {
        acceptSubmissions();
        pollSequence(wm, aResponse().withStatus(401), completed("https://cdn.example.com/r.mp4"));

        assertThatThrownBy(() -> client.exports().submit(SID, draft).waitForCompletion())
                .isInstanceOf(TokenExpiredException.class);
        assertThat(polledUrls()).hasSize(1);
    }

    @Test
    void successFalseOnAPollIsAnExportFailure() {
        pollSequence(wm, okJson("{\"success\":false,\"error\":\"Render not found\"}"));
        assertThatThrownBy(() -> client.exports().poll("render_1_abc")).isInstanceOf(ExportFailedException.class)
                .hasMessageContaining("Render not found");
    }

    @Test
    void resumeFromAnotherProcessPollsAtOnceWithoutResubmitting() {
        acceptSubmissions();
        String saved = client.exports().submit(SID, draft).renderId();
        wm.resetRequests();
        pollSequence(wm, status("processing", 70), completed("https://cdn.example.com/r.mp4"));
        VirtualTime otherTime = VirtualTime.create();

        try (NemoClient other = WireMockSupport.client(wm.baseUrl(), otherTime, dir).token(TestTokens.EXPLICIT).build()) {
            ExportPoller resumed = other.exports().resume(saved);
            assertThat(resumed.latest()).isEmpty();
            ExportJob done = resumed.waitForCompletion();

            assertThat(done.renderId()).isEqualTo(saved);
            assertThat(otherTime.sleeps()).containsExactly(Duration.ZERO, Duration.ofSeconds(30));
        }
        assertThat(submissions()).isEmpty();
        assertThat(polledUrls()).containsExactly("/api/render/proxy/lambda/" + saved, "/api/render/proxy/lambda/" + saved);
    }

    @Test
    void pollOnceReturnsAFailedJobWithoutThrowing() {
        pollSequence(wm, okJson("{\"status\":\"failed\",\"error\":\"x\"}"));
        ExportPoller p = client.exports().resume("render_1_abc");
        assertThat(p.poll().status()).isEqualTo(ExportStatus.FAILED);
        assertThat(p.latest().orElseThrow().error()).contains("x");
        assertThatThrownBy(p::waitForCompletion).isInstanceOf(ExportFailedException.class);
        assertThat(polledUrls()).hasSize(1);
    }

    @Test
    void thePollersAsyncFormsPollAndCancelWithTheStrategysRequestOptions() throws Exception {
        pollSequence(wm, status("processing", 40));
        wm.stubFor(post(urlPathMatching(RenderStubs.POLL + "/cancel")).willReturn(aResponse().withStatus(204)));
        RequestOptions traced = RequestOptions.builder().header("X-Request-Id", "poll-1").build();
        ExportPoller p = client.exports().resume("render_1_abc", PollingStrategy.builder().request(traced).build());

        assertThat(p.pollAsync().get(30, TimeUnit.SECONDS).progress()).hasValue(40);
        assertThat(p.latest()).get().extracting(ExportJob::status).isEqualTo(ExportStatus.PROCESSING);
        p.cancelAsync().get(30, TimeUnit.SECONDS);

        assertThatThrownBy(p::waitForCompletion).isInstanceOfSatisfying(ExportFailedException.class,
                e -> assertThat(e.cancelled()).isTrue());
        wm.verify(getRequestedFor(urlEqualTo("/api/render/proxy/lambda/render_1_abc"))
                .withHeader("X-Request-Id", equalTo("poll-1")));
        wm.verify(postRequestedFor(urlEqualTo("/api/render/proxy/lambda/render_1_abc/cancel"))
                .withHeader("X-Request-Id", equalTo("poll-1")));
    }

    @Test
    void cancelPostsAndEndsAWaitInProgress() throws Exception {
        acceptSubmissions();
        pollSequence(wm, status("processing", 10));
        wm.stubFor(post(urlPathMatching(RenderStubs.POLL + "/cancel")).willReturn(aResponse().withStatus(204)));
        CompletableFuture<Void> never = new CompletableFuture<>();
        try (NemoClient stuck = client.toBuilder().sleeper(d -> never).build()) {
            ExportPoller poller = stuck.exports().submit(SID, draft);
            CompletableFuture<ExportJob> waiting = poller.waitForCompletionAsync();
            assertThat(waiting).isNotDone();

            poller.cancel();

            assertThatThrownBy(() -> waiting.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(ExportFailedException.class, e -> assertThat(e.cancelled()).isTrue());
            wm.verify(postRequestedFor(urlEqualTo("/api/render/proxy/lambda/" + poller.renderId() + "/cancel"))
                    .withHeader("Authorization", equalTo("Bearer " + TestTokens.EXPLICIT)));
            assertThatThrownBy(poller::waitForCompletion).isInstanceOf(ExportFailedException.class);
        }
    }

    @Test
    void cancellingTheWaitStopsPolling() {
        acceptSubmissions();
        pollSequence(wm, status("processing", 10));
        CompletableFuture<Void> never = new CompletableFuture<>();
        try (NemoClient stuck = client.toBuilder().sleeper(d -> never).build()) {
            ExportPoller poller = stuck.exports().submit(SID, draft);
            CompletableFuture<ExportJob> waiting = poller.waitForCompletionAsync();
            waiting.cancel(true);
            never.complete(null);
        }
        assertThat(polledUrls()).isEmpty();
    }

    @Test
    void cancelFailureIsTyped() {
        wm.stubFor(post(urlPathMatching(RenderStubs.POLL + "/cancel")).willReturn(aResponse().withStatus(404)
                .withBody("{\"success\":false,\"error\":\"Render not found\"}")));
        assertThatThrownBy(() -> client.exports().cancel("render_1_abc")).isInstanceOf(NemoException.class)
                .hasMessageContaining("Render not found");
    }

    @Test
    void aListenerThatThrowsDoesNotBreakPolling() {
        acceptSubmissions();
        pollSequence(wm, status("processing", 10), completed("https://cdn.example.com/r.mp4"));
        List<ExportStatus> seen = Collections.synchronizedList(new java.util.ArrayList<>());
        ExportPoller p = client.exports().submit(SID, draft).onProgress(j -> {
            throw new IllegalStateException("listener bug");
        }).onProgress(j -> seen.add(j.status()));
        assertThat(p.waitForCompletion().isCompleted()).isTrue();
        assertThat(seen).containsExactly(ExportStatus.PROCESSING, ExportStatus.COMPLETED);
        assertThat(Files.exists(dir)).isTrue();
    }
}
