package dev.nemo.sdk.reactive;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.credits.Credits;
import dev.nemo.sdk.error.RateLimitedException;
import dev.nemo.sdk.testing.WireMockSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The core's waits run on Reactor's timers: {@code StepVerifier.withVirtualTime} installs its
 * scheduler after the clients below were built, and still controls them because
 * {@link ReactorSleeper#parallel()} looks the scheduler up at each wait.
 */
class VirtualTimeTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

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
    }

    @AfterEach
    void stop() {
        reactive.close();
        core.close();
        wm.stop();
        VirtualTimeScheduler.reset();
    }

    @Test
    void rateLimitedCallWaitsRetryAfterInVirtualTime() {
        wm.stubFor(Stubs.credits()
                .inScenario("429")
                .whenScenarioStateIs(STARTED)
                .willReturn(Stubs.status(429).withHeader("Retry-After", "30"))
                .willSetStateTo("open"));
        wm.stubFor(Stubs.credits().inScenario("429").whenScenarioStateIs("open").willReturn(Stubs.creditsOk(7)));

        StepVerifier.withVirtualTime(() -> reactive.credits().balance())
                .expectSubscription()
                // the 429 arrives on an HTTP thread: advance the clock only once the wait is scheduled
                .then(() -> awaitScheduledWaits(1))
                .expectNoEvent(Duration.ofSeconds(29))
                .then(() -> wm.verify(1, getRequestedFor(urlEqualTo(Stubs.CREDITS))))
                .thenAwait(Duration.ofSeconds(1))
                .expectNext(new Credits(7, 40, 47))
                .expectComplete()
                .verify(HANG_GUARD);
        wm.verify(2, getRequestedFor(urlEqualTo(Stubs.CREDITS)));
    }

    @Test
    void secondRateLimitIsTheTypedError() {
        wm.stubFor(Stubs.credits().willReturn(Stubs.status(429).withHeader("Retry-After", "30")));

        StepVerifier.withVirtualTime(() -> reactive.credits().balance())
                .expectSubscription()
                .then(() -> awaitScheduledWaits(1))
                .thenAwait(Duration.ofSeconds(30))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(RateLimitedException.class)
                        .extracting(r -> ((RateLimitedException) r).retryAfter())
                        .isEqualTo(java.util.Optional.of(Duration.ofSeconds(30))))
                .verify(HANG_GUARD);
        wm.verify(2, getRequestedFor(urlEqualTo(Stubs.CREDITS)));
    }

    @Test
    void serverErrorBackoffRunsInVirtualTime() {
        wm.stubFor(Stubs.credits()
                .inScenario("5xx")
                .whenScenarioStateIs(STARTED)
                .willReturn(Stubs.status(503))
                .willSetStateTo("once"));
        wm.stubFor(Stubs.credits()
                .inScenario("5xx")
                .whenScenarioStateIs("once")
                .willReturn(Stubs.status(502))
                .willSetStateTo("twice"));
        wm.stubFor(
                Stubs.credits().inScenario("5xx").whenScenarioStateIs("twice").willReturn(Stubs.creditsOk(3)));

        // default policy: 3 attempts, jittered waits of at most 0.5 s and 1 s
        StepVerifier.withVirtualTime(() -> reactive.credits().balance())
                .expectSubscription()
                .then(() -> awaitScheduledWaits(1))
                .thenAwait(Duration.ofMillis(500))
                .then(() -> awaitScheduledWaits(2))
                .thenAwait(Duration.ofSeconds(1))
                .expectNext(new Credits(3, 40, 43))
                .expectComplete()
                .verify(HANG_GUARD);
        wm.verify(3, getRequestedFor(urlEqualTo(Stubs.CREDITS)));
    }

    @Test
    void sleeperCompletesAfterExactlyTheDurationAndCancelsItsTimer() {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        ReactorSleeper sleeper = ReactorSleeper.on(vts);

        CompletableFuture<Void> wait = sleeper.sleep(Duration.ofSeconds(30)).toCompletableFuture();
        vts.advanceTimeBy(Duration.ofSeconds(29));
        assertThat(wait).isNotDone();
        vts.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(wait).isCompleted();

        assertThat(sleeper.sleep(Duration.ZERO).toCompletableFuture()).isCompleted();
        assertThat(sleeper.sleep(Duration.ofSeconds(-1)).toCompletableFuture()).isCompleted();

        AtomicBoolean timerDisposed = new AtomicBoolean();
        Scheduler watched = new Scheduler() {
            @Override
            public Disposable schedule(Runnable task) {
                return vts.schedule(task);
            }

            @Override
            public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
                Disposable timer = vts.schedule(task, delay, unit);
                return () -> {
                    timerDisposed.set(true);
                    timer.dispose();
                };
            }

            @Override
            public Worker createWorker() {
                return vts.createWorker();
            }
        };
        CompletableFuture<Void> cancelled =
                ReactorSleeper.on(watched).sleep(Duration.ofSeconds(5)).toCompletableFuture();
        cancelled.cancel(true);
        assertThat(timerDisposed).isTrue();
    }

    private static void awaitScheduledWaits(int n) {
        VirtualTimeScheduler vts = VirtualTimeScheduler.get();
        Await.until(n + " wait(s) on the virtual scheduler", () -> vts.getScheduledTaskCount() >= n);
    }
}
