package dev.nemo.sdk.reactive;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.error.SessionNotFoundException;
import dev.nemo.sdk.state.SessionState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class StateTest extends ReactiveWireMockTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    static final String STATE = "/api/state/nemo_agent/me/" + Stubs.SESSION_ID + "/latest";

    @Test
    void readsTheStateLazilyOncePerSubscription() throws IOException {
        wm.stubFor(get(STATE).willReturn(okJson(resource("/drafts/state-latest.json"))));
        Mono<SessionState> state = reactive.state().get(Stubs.SESSION_ID);
        assertThat(wm.getAllServeEvents()).isEmpty();

        StepVerifier.create(state)
                .assertNext(s -> {
                    assertThat(s.isExportable()).isTrue();
                    assertThat(s.draft().orElseThrow().summary()).startsWith("Timeline (3 tracks)");
                    // the reactive client returns exactly what the blocking one decodes
                    assertThat(s.draft().orElseThrow().toJsonString())
                            .isEqualTo(core.state()
                                    .get(Stubs.SESSION_ID)
                                    .draft()
                                    .orElseThrow()
                                    .toJsonString());
                })
                .expectComplete()
                .verify(HANG_GUARD);
        StepVerifier.create(state).expectNextCount(1).expectComplete().verify(HANG_GUARD);
        wm.verify(3, getRequestedFor(urlEqualTo(STATE)));
    }

    @Test
    void unknownSessionIsTheTypedError() {
        wm.stubFor(get(STATE).willReturn(Stubs.code(1002)));
        StepVerifier.create(reactive.state().get(Stubs.SESSION_ID))
                .expectError(SessionNotFoundException.class)
                .verify(HANG_GUARD);
    }

    @Test
    void optionsFromTheContextOrExplicit() {
        wm.stubFor(get(STATE).willReturn(Stubs.status(500)));
        RequestOptions noRetry =
                RequestOptions.builder().retryPolicy(RetryPolicy.none()).build();

        StepVerifier.create(reactive.state().get(Stubs.SESSION_ID).contextWrite(NemoContext.withOptions(noRetry)))
                .expectError(ServerException.class)
                .verify(HANG_GUARD);
        StepVerifier.create(reactive.state().get(Stubs.SESSION_ID, noRetry))
                .expectError(ServerException.class)
                .verify(HANG_GUARD);
        wm.verify(2, getRequestedFor(urlEqualTo(STATE)));
    }

    @Test
    void blankSessionIdFailsTheMonoNotTheCaller() {
        Mono<SessionState> state = reactive.state().get(" ");
        StepVerifier.create(state).expectError(IllegalArgumentException.class).verify(HANG_GUARD);
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StateTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
