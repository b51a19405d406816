package dev.nemo.sdk.reactive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.export.ExportStatus;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.session.CreateSessionRequest;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.testing.WireMockSupport;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * BlockHound is installed for the whole suite (blockhound-junit-platform): a blocking call on a
 * Reactor non-blocking thread fails with {@link BlockingOperationError}. These tests drive the
 * reactive operations from {@code Schedulers.parallel()} threads, including the retry wait's
 * continuation and an anonymous token fetch, and assert they never block there.
 */
class NonBlockingTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    WireMockServer wm;
    NemoClient core;
    ReactiveNemoClient reactive;
    final Set<String> subscribeThreads = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() {
        wm = WireMockSupport.startWithJournal();
        // anonymous credentials: the first call fetches a token on the subscribing thread
        core = WireMockSupport.client(wm, VirtualTime.create(), dir)
                .clientId("cid-nonblocking")
                .retryPolicy(RetryPolicy.builder()
                        .initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(1))
                        .build())
                .build();
        reactive = ReactiveNemoClient.create(core);
        wm.stubFor(post("/api/auth/anonymous-token")
                .willReturn(okJson("{\"code\":0,\"data\":{\"token\":\"" + TestTokens.ANON_1
                        + "\",\"user_id\":\"anon_1\",\"expires_at\":\"2099-12-01T00:00:00Z\"}}")));
    }

    @AfterEach
    void stop() {
        reactive.close();
        core.close();
        wm.stop();
    }

    @Test
    void blockHoundIsActiveOnReactorThreads() {
        Mono<Integer> blocking = Mono.fromCallable(() -> {
                    Thread.sleep(1);
                    return 1;
                })
                .subscribeOn(Schedulers.parallel());
        StepVerifier.create(blocking).expectError(BlockingOperationError.class).verify(HANG_GUARD);
    }

    @Test
    void operationsNeverBlockAReactorThread() {
        wm.stubFor(Stubs.credits()
                .inScenario("5xx")
                .whenScenarioStateIs(STARTED)
                .willReturn(Stubs.status(503))
                .willSetStateTo("ok"));
        wm.stubFor(Stubs.credits().inScenario("5xx").whenScenarioStateIs("ok").willReturn(Stubs.creditsOk(9)));
        wm.stubFor(Stubs.sessions().willReturn(Stubs.sessionOk()));

        Mono<String> flow = onParallel(reactive.credits().balance())
                .flatMap(c -> onParallel(reactive.sessions().create(CreateSessionRequest.inLanguage("en"))))
                .publishOn(Schedulers.parallel())
                .flatMap(s -> onParallel(reactive.credits().balance()).map(c -> s.sessionId() + ":" + c.available()));

        StepVerifier.create(flow)
                .expectNext(Stubs.SESSION_ID + ":9")
                .expectComplete()
                .verify(HANG_GUARD);
        assertThat(subscribeThreads).hasSize(3).allMatch(t -> t.startsWith("parallel-"));
        // the 503 was retried: the wait completed on a parallel thread and re-sent from there
        wm.verify(3, getRequestedFor(urlEqualTo(Stubs.CREDITS)));
    }

    @Test
    void chatUploadsAndStateNeverBlockAReactorThread() throws Exception {
        wm.stubFor(post("/run_sse")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(ChatTest.transcript("adk-java-tool-text"))));
        wm.stubFor(post(UploadTest.UPLOAD).willReturn(okJson(UploadTest.UPLOADED)));
        wm.stubFor(get(StateTest.STATE).willReturn(okJson("{\"code\":0,\"data\":{\"state\":{}}}")));
        Path file = dir.resolve("cat.gif");
        Files.write(file, UploadTest.gif(4096));
        byte[] streamed = UploadTest.gif(3000);
        ChatOptions options =
                ChatOptions.builder().streaming(true).stateCheck(false).build();

        Flux<ChatEvent> chat = reactive.chat().stream(Stubs.SESSION_ID, "go", options)
                .subscribeOn(Schedulers.parallel())
                .publishOn(Schedulers.parallel())
                .limitRate(2);
        StepVerifier.create(chat).expectNextCount(6).expectComplete().verify(HANG_GUARD);

        Flux<ByteBuffer> chunks = Flux.range(0, 3)
                .map(i -> ByteBuffer.wrap(streamed, i * 1000, 1000).slice())
                .publishOn(Schedulers.parallel());
        Mono<Integer> rest = onParallel(reactive.uploads().upload(Stubs.SESSION_ID, file))
                .then(onParallel(reactive.uploads().upload(Stubs.SESSION_ID, "s.gif", streamed.length, chunks)))
                .then(onParallel(reactive.uploads().uploadUrls(Stubs.SESSION_ID, List.of("https://example.com/a.gif"))))
                .then(onParallel(reactive.state().get(Stubs.SESSION_ID)))
                .then(onParallel(reactive.chat().send(Stubs.SESSION_ID, "go", options)))
                .map(r -> r.events().size());
        StepVerifier.create(rest).expectNext(6).expectComplete().verify(HANG_GUARD);
        assertThat(subscribeThreads).hasSize(5).allMatch(t -> t.startsWith("parallel-"));
    }

    @Test
    void exportPollingNeverBlocksAReactorThread() {
        wm.stubFor(post(ExportTest.SUBMIT).willReturn(okJson("{\"success\":true,\"data\":{\"status\":\"pending\"}}")));
        wm.stubFor(get(urlPathMatching(ExportTest.POLL))
                .inScenario("render")
                .whenScenarioStateIs(STARTED)
                .willReturn(ExportTest.status("processing", 50))
                .willSetStateTo("done"));
        wm.stubFor(get(urlPathMatching(ExportTest.POLL))
                .inScenario("render")
                .whenScenarioStateIs("done")
                .willReturn(ExportTest.completed("https://static1.nemovideo.ai/r/out.mp4")));
        // real time on Schedulers.parallel(): the waits are short, the continuations run on parallel threads
        PollingStrategy quick =
                PollingStrategy.builder().interval(Duration.ofMillis(5)).build();
        ExportOptions options = ExportOptions.builder().polling(quick).build();

        Flux<ExportJob> export = reactive.exports()
                .export(Stubs.SESSION_ID, ExportTest.seedDraft(), options)
                .subscribeOn(Schedulers.parallel())
                .publishOn(Schedulers.parallel());
        StepVerifier.create(export.map(ExportJob::status))
                .expectNext(ExportStatus.PENDING, ExportStatus.PROCESSING, ExportStatus.COMPLETED)
                .expectComplete()
                .verify(HANG_GUARD);
    }

    private <T> Mono<T> onParallel(Mono<T> operation) {
        return operation
                .doOnSubscribe(
                        s -> subscribeThreads.add(Thread.currentThread().getName() + "#" + subscribeThreads.size()))
                .subscribeOn(Schedulers.parallel());
    }
}
