package dev.nemo.sdk.reactive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.error.DraftNotExportableException;
import dev.nemo.sdk.error.ExportFailedException;
import dev.nemo.sdk.error.ExportTimeoutException;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.export.ExportStatus;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.testing.WireMockSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class ExportTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    static final String SUBMIT = "/api/render/proxy/lambda";
    static final String POLL = "/api/render/proxy/lambda/render_[^/]+";
    static final String SAVED = "render_1795000000000_abc";

    @TempDir
    Path dir;

    WireMockServer wm;
    NemoClient core;
    ReactiveNemoClient reactive;

    @BeforeEach
    void start() {
        wm = WireMockSupport.startWithJournal();
        core = Stubs.core(wm, dir);
        reactive = ReactiveNemoClient.create(core);
        wm.stubFor(
                post(SUBMIT).willReturn(okJson("{\"success\":true,\"data\":{\"status\":\"pending\",\"progress\":5}}")));
    }

    @AfterEach
    void stop() {
        reactive.close();
        core.close();
        wm.stop();
        VirtualTimeScheduler.reset();
    }

    static Draft seedDraft() {
        try (InputStream in = ExportTest.class.getResourceAsStream("/drafts/seed-draft.json")) {
            assertThat(in).isNotNull();
            return Draft.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ResponseDefinitionBuilder status(String status, int progress) {
        return okJson("{\"success\":true,\"data\":{\"status\":\"" + status + "\",\"progress\":" + progress + "}}");
    }

    static ResponseDefinitionBuilder completed(String url) {
        return okJson("{\"success\":true,\"data\":{\"status\":\"completed\",\"progress\":100,\"outputUrl\":\"" + url
                + "\"}}");
    }

    /** Each poll answers the next response; the last one repeats. */
    void polls(ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            wm.stubFor(get(urlPathMatching(POLL))
                    .inScenario("poll")
                    .whenScenarioStateIs(state(i))
                    .willReturn(responses[i])
                    .willSetStateTo(state(Math.min(i + 1, responses.length - 1))));
        }
    }

    private static String state(int i) {
        return i == 0 ? Scenario.STARTED : "poll-" + i;
    }

    private static void awaitScheduled(int n) {
        VirtualTimeScheduler vts = VirtualTimeScheduler.get();
        Await.until(n + " wait(s) on the virtual scheduler", () -> vts.getScheduledTaskCount() >= n);
    }

    private int pollCount() {
        return wm.findAll(getRequestedFor(urlPathMatching(POLL))).size();
    }

    @Test
    void aFailingProgressListenerIsLoggedAndTheExportGoesOn() {
        polls(completed("https://static1.nemovideo.ai/r/out.mp4"));
        ExportOptions options = ExportOptions.builder()
                .onProgress(job -> {
                    throw new IllegalStateException("listener bug");
                })
                .build();
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            StepVerifier.withVirtualTime(() -> reactive.exports().export(Stubs.SESSION_ID, seedDraft(), options))
                    .assertNext(submitted -> assertThat(submitted.status()).isEqualTo(ExportStatus.PENDING))
                    .then(() -> awaitScheduled(1))
                    .thenAwait(Duration.ofSeconds(30))
                    .assertNext(j -> assertThat(j.isCompleted()).isTrue())
                    .expectComplete()
                    .verify(HANG_GUARD);
        } finally {
            System.setErr(err);
        }
        // the build sends the SDK's log to a file (org.slf4j.simpleLogger.logFile); elsewhere it is stderr
        String logFile = System.getProperty("org.slf4j.simpleLogger.logFile", "System.err");
        String log = logFile.startsWith("System.")
                ? captured.toString(StandardCharsets.UTF_8)
                : readQuietly(Path.of(logFile));
        System.out.println("the listener's failure is logged to " + logFile);
        assertThat(log)
                .contains("The export progress listener failed; it is not called again")
                .contains("listener bug");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void exportEmitsTheSubmissionThenEachPollEveryThirtySecondsOfVirtualTime() {
        polls(status("processing", 40), status("rendering", 80), completed("https://static1.nemovideo.ai/r/out.mp4"));
        List<ExportJob> progress = new CopyOnWriteArrayList<>();
        ExportOptions options =
                ExportOptions.builder().onProgress(progress::add).build();

        StepVerifier.withVirtualTime(() -> reactive.exports().export(Stubs.SESSION_ID, seedDraft(), options))
                .assertNext(submitted -> {
                    assertThat(submitted.status()).isEqualTo(ExportStatus.PENDING);
                    assertThat(submitted.renderId()).startsWith("render_");
                })
                .then(() -> awaitScheduled(1))
                .expectNoEvent(Duration.ofSeconds(29))
                .then(() -> assertThat(pollCount()).isZero())
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(j -> assertThat(j.progress()).hasValue(40))
                .then(() -> awaitScheduled(2))
                .expectNoEvent(Duration.ofSeconds(29))
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(j -> assertThat(j.status()).isEqualTo(ExportStatus.PROCESSING))
                .then(() -> awaitScheduled(3))
                .thenAwait(Duration.ofSeconds(30))
                .assertNext(j -> {
                    assertThat(j.isCompleted()).isTrue();
                    assertThat(j.outputUrl())
                            .hasValueSatisfying(u -> assertThat(u).hasPath("/r/out.mp4"));
                })
                .expectComplete()
                .verify(HANG_GUARD);

        assertThat(pollCount()).isEqualTo(3);
        wm.verify(
                1,
                postRequestedFor(urlEqualTo(SUBMIT))
                        .withRequestBody(matchingJsonPath("$.sessionId", equalTo(Stubs.SESSION_ID)))
                        .withRequestBody(matchingJsonPath("$.draft.t")));
        String renderId = wm.findAll(postRequestedFor(urlEqualTo(SUBMIT)))
                .get(0)
                .getBodyAsString()
                .replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        wm.verify(3, getRequestedFor(urlEqualTo(SUBMIT + "/" + renderId)));
        assertThat(progress).hasSize(4).last().matches(ExportJob::isCompleted);
    }

    @Test
    void resumeFollowsASavedRenderWithoutSubmitting() {
        polls(status("processing", 60), completed("https://static1.nemovideo.ai/r/out.mp4"));

        StepVerifier.withVirtualTime(() -> reactive.exports().resume(SAVED))
                .assertNext(j -> assertThat(j.renderId()).isEqualTo(SAVED))
                .then(() -> awaitScheduled(1))
                .thenAwait(Duration.ofSeconds(30))
                .assertNext(j -> assertThat(j.isCompleted()).isTrue())
                .expectComplete()
                .verify(HANG_GUARD);
        wm.verify(0, postRequestedFor(urlEqualTo(SUBMIT)));
        wm.verify(2, getRequestedFor(urlEqualTo(SUBMIT + "/" + SAVED)));
    }

    @Test
    void resumeWithoutOptionsPollsWithTheContextsRequestOptions() {
        polls(completed("https://static1.nemovideo.ai/r/out.mp4"));
        RequestOptions traced =
                RequestOptions.builder().header("X-Request-Id", "ctx-9").build();

        StepVerifier.create(reactive.exports().resume(SAVED).contextWrite(NemoContext.withOptions(traced)))
                .assertNext(j -> assertThat(j.isCompleted()).isTrue())
                .expectComplete()
                .verify(HANG_GUARD);
        wm.verify(1, getRequestedFor(urlEqualTo(SUBMIT + "/" + SAVED)).withHeader("X-Request-Id", equalTo("ctx-9")));
    }

    @Test
    void aFailedRenderIsEmittedThenSignalledTyped() {
        polls(okJson("{\"success\":true,\"data\":{\"status\":\"failed\",\"error\":\"codec not supported\"}}"));

        StepVerifier.create(reactive.exports().resume(SAVED))
                .assertNext(j -> assertThat(j.status()).isEqualTo(ExportStatus.FAILED))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(ExportFailedException.class)
                        .satisfies(f ->
                                assertThat(((ExportFailedException) f).reason()).contains("codec not supported")))
                .verify(HANG_GUARD);
    }

    @Test
    void stillRunningAfterTheLastPollIsATimeout() {
        polls(status("processing", 10));
        PollingStrategy twoPolls = PollingStrategy.builder()
                .interval(Duration.ofSeconds(10))
                .maxPolls(2)
                .build();

        StepVerifier.withVirtualTime(() -> reactive.exports().resume(SAVED, twoPolls))
                .expectNextCount(1)
                .then(() -> awaitScheduled(1))
                .thenAwait(Duration.ofSeconds(10))
                .expectNextCount(1)
                .expectErrorSatisfies(e ->
                        assertThat(e).isInstanceOf(ExportTimeoutException.class).hasMessageContaining("resume"))
                .verify(HANG_GUARD);
        assertThat(pollCount()).isEqualTo(2);
    }

    @Test
    void cancellingTheSubscriptionStopsPolling() {
        polls(status("processing", 10));
        VirtualTimeScheduler timer = VirtualTimeScheduler.create();
        try (ReactiveNemoClient r = ReactiveNemoClient.create(core, timer)) {
            StepVerifier.create(r.exports().resume(SAVED))
                    .expectNextCount(1)
                    .thenCancel()
                    .verify(HANG_GUARD);
            timer.advanceTimeBy(Duration.ofMinutes(10));
        }
        assertThat(pollCount()).isEqualTo(1);
    }

    @Test
    void aDraftThatCannotBeExportedSendsNothing() {
        StepVerifier.create(reactive.exports().export(Stubs.SESSION_ID, Draft.empty()))
                .expectError(DraftNotExportableException.class)
                .verify(HANG_GUARD);
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void pollAndCancelAreSingleCallsWithContextOptions() {
        wm.stubFor(get(SUBMIT + "/" + SAVED).willReturn(Stubs.status(503)));
        wm.stubFor(post(SUBMIT + "/" + SAVED + "/cancel").willReturn(okJson("{\"success\":true}")));
        RequestOptions noRetry =
                RequestOptions.builder().retryPolicy(RetryPolicy.none()).build();

        StepVerifier.create(reactive.exports().poll(SAVED).contextWrite(NemoContext.withOptions(noRetry)))
                .expectError(ServerException.class)
                .verify(HANG_GUARD);
        wm.verify(1, getRequestedFor(urlEqualTo(SUBMIT + "/" + SAVED)));

        wm.stubFor(get(SUBMIT + "/" + SAVED).willReturn(status("processing", 70)));
        StepVerifier.create(reactive.exports().poll(SAVED, noRetry))
                .assertNext(j -> assertThat(j.progress()).hasValue(70))
                .expectComplete()
                .verify(HANG_GUARD);
        StepVerifier.create(reactive.exports().cancel(SAVED)).expectComplete().verify(HANG_GUARD);
        wm.verify(1, postRequestedFor(urlEqualTo(SUBMIT + "/" + SAVED + "/cancel")));
    }

    @Test
    void downloadsTheCompletedExport() throws IOException {
        byte[] video = "\u0000\u0000\u0000\u0018ftypmp42 pretend video".getBytes(StandardCharsets.ISO_8859_1);
        wm.stubFor(get(urlPathEqualTo("/render-result/out.mp4"))
                .willReturn(aResponse().withBody(video)));
        polls(completed(wm.baseUrl() + "/render-result/out.mp4"));
        Path out = Files.createDirectory(dir.resolve("out"));

        Flux<DownloadResult> flow = reactive.exports()
                .resume(SAVED)
                .last()
                .flatMapMany(done -> reactive.exports().download(done, out));
        StepVerifier.create(flow)
                .assertNext(r -> {
                    assertThat(r.path()).isEqualTo(out.resolve("out.mp4"));
                    assertThat(r.bytes()).isEqualTo(video.length);
                })
                .expectComplete()
                .verify(HANG_GUARD);
        assertThat(Files.readAllBytes(out.resolve("out.mp4"))).isEqualTo(video);
        try (var files = Files.list(out)) {
            assertThat(files).hasSize(1);
        }
    }
}
