package dev.nemo.sdk.reactive;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.credits.Credits;
import dev.nemo.sdk.testing.WireMockSupport;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class LifecycleTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    WireMockServer wm;
    NemoClient core;

    @BeforeEach
    void start() {
        wm = WireMockSupport.startWithJournal();
        core = Stubs.core(wm, dir);
        wm.stubFor(Stubs.credits().willReturn(Stubs.creditsOk(5)));
    }

    @AfterEach
    void stop() {
        core.close();
        wm.stop();
    }

    @Test
    void closingTheReactiveClientLeavesTheCoreClientOpen() {
        ReactiveNemoClient reactive = ReactiveNemoClient.create(core);
        reactive.close();
        reactive.close();
        assertThat(core.credits().balance()).isEqualTo(new Credits(5, 40, 45));
    }

    @Test
    void theReactiveClientOutlivesTheCoreClientItWasCreatedFrom() {
        try (ReactiveNemoClient reactive = ReactiveNemoClient.create(core)) {
            core.close();
            StepVerifier.create(reactive.credits().balance())
                    .expectNext(new Credits(5, 40, 45))
                    .expectComplete()
                    .verify(HANG_GUARD);
        }
    }

    @Test
    void theDerivedClientKeepsTheSettingsAndWaitsOnReactor() {
        try (ReactiveNemoClient reactive = ReactiveNemoClient.create(core)) {
            assertThat(reactive.blocking()).isNotSameAs(core);
            assertThat(reactive.blocking().baseUrl()).isEqualTo(core.baseUrl());
            assertThat(reactive.blocking().attribution()).isEqualTo(core.attribution());
            assertThat(reactive.blocking().sleeper()).isInstanceOf(ReactorSleeper.class);
        }
    }

    @Test
    void waitsRunOnTheGivenScheduler() {
        wm.resetMappings();
        wm.stubFor(Stubs.credits()
                .inScenario("429")
                .whenScenarioStateIs(STARTED)
                .willReturn(Stubs.status(429).withHeader("Retry-After", "30"))
                .willSetStateTo("open"));
        wm.stubFor(Stubs.credits().inScenario("429").whenScenarioStateIs("open").willReturn(Stubs.creditsOk(8)));
        VirtualTimeScheduler timer = VirtualTimeScheduler.create();

        try (ReactiveNemoClient reactive = ReactiveNemoClient.create(core, timer)) {
            StepVerifier.create(reactive.credits().balance())
                    .expectSubscription()
                    .then(() ->
                            Await.until("the Retry-After wait is scheduled", () -> timer.getScheduledTaskCount() >= 1))
                    .then(() -> timer.advanceTimeBy(Duration.ofSeconds(30)))
                    .expectNext(new Credits(8, 40, 48))
                    .expectComplete()
                    .verify(HANG_GUARD);
        }
        wm.verify(2, getRequestedFor(urlEqualTo(Stubs.CREDITS)));
    }
}
