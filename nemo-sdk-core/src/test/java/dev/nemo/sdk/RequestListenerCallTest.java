package dev.nemo.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.nemo.sdk.RequestListenerTest.CREDITS;
import static dev.nemo.sdk.RequestListenerTest.CREDITS_OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.nemo.sdk.RequestListener.CallEnded;
import dev.nemo.sdk.RequestListener.CallStarted;
import dev.nemo.sdk.RequestListener.RequestStarted;
import dev.nemo.sdk.RequestListener.ResponseReceived;
import dev.nemo.sdk.RequestListener.RetryScheduled;
import dev.nemo.sdk.credits.Credits;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.WireMockApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call frame of the request listener (the per-attempt events: {@link RequestListenerTest}): one
 * start and one end per call, its attempts under its id.
 */
class RequestListenerCallTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final WireMockApi wm = new WireMockApi();
    final Recorder events = new Recorder();

    private NemoClient client() {
        return wm.client(dir).token(TestTokens.EXPLICIT).requestListener(events).build();
    }

    @Test
    void aRetriedCallIsOneCallWhoseAttemptsShareItsId() {
        wm.stubFor(get(CREDITS).inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        wm.stubFor(get(CREDITS).inScenario("5xx").whenScenarioStateIs("ok").willReturn(okJson(CREDITS_OK)));

        try (NemoClient client = client()) {
            client.credits().balance();
        }

        assertThat(events.all).extracting(e -> e.getClass().getSimpleName()).containsExactly("CallStarted",
                "RequestStarted", "ResponseReceived", "RetryScheduled", "RequestStarted", "ResponseReceived",
                "CallEnded");
        long id = events.of(CallStarted.class).get(0).callId();
        assertThat(events.of(RequestStarted.class)).extracting(RequestStarted::callId).containsOnly(id);
        assertThat(events.of(ResponseReceived.class)).extracting(ResponseReceived::callId).containsOnly(id);
        assertThat(events.of(RetryScheduled.class)).extracting(RetryScheduled::callId).containsOnly(id);
        assertThat(events.of(CallEnded.class)).singleElement().satisfies(e -> {
            assertThat(e.callId()).isEqualTo(id);
            assertThat(e.operation()).isEqualTo("credits.balance");
            assertThat(e.pathTemplate()).isEqualTo(CREDITS);
            assertThat(e.attempts()).isEqualTo(2);
            assertThat(e.retries()).isEqualTo(1);
            assertThat(e.status()).hasValue(200);
            assertThat(e.error()).isEmpty();
            assertThat(e.duration().isNegative()).isFalse();
        });
    }

    @Test
    void aCallThatRunsOutOfAttemptsEndsWithItsTypedErrorAndLastStatus() {
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(503)));

        try (NemoClient client = client()) {
            assertThatThrownBy(() -> client.credits().balance()).isInstanceOf(ServerException.class);
        }

        assertThat(events.of(CallEnded.class)).singleElement().satisfies(e -> {
            assertThat(e.attempts()).isEqualTo(RetryPolicy.defaults().maxAttempts());
            assertThat(e.status()).hasValue(503);
            assertThat(e.error()).containsInstanceOf(ServerException.class);
        });
    }

    @Test
    void aCallWithoutAnswerEndsWithNoStatusAndEachCallHasItsOwnId() {
        wm.stubFor(post("/api/tasks/me/with-session/nemo_agent").willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(get(CREDITS).willReturn(okJson(CREDITS_OK)));

        try (NemoClient client = client()) {
            assertThatThrownBy(() -> client.sessions().create()).isInstanceOf(TransportException.class);
            client.credits().balance();
        }

        assertThat(events.of(CallEnded.class)).hasSize(2).first().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("sessions.create");
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.status()).isEmpty();
            assertThat(e.error()).containsInstanceOf(TransportException.class);
        });
        assertThat(events.of(CallStarted.class)).extracting(CallStarted::callId).doesNotHaveDuplicates();
        assertThat(events.all).allSatisfy(e -> assertThat(e.toString()).doesNotContain(TestTokens.MARKER));
    }

    @Test
    void aCancelledCallEndsOnceAsInterrupted() {
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(503)));
        CompletableFuture<Void> neverWakes = new CompletableFuture<>();

        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT)
                .sleeper(d -> neverWakes).requestListener(events).build()) {
            CompletableFuture<Credits> call = client.credits().balanceAsync(RequestOptions.none());
            events.retried.join();
            call.cancel(true);
            // the retry's wait may be tracked on the HTTP client's thread just after the cancel
            events.ended.orTimeout(30, TimeUnit.SECONDS).join();
        }

        assertThat(events.of(CallEnded.class)).singleElement().satisfies(e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.error()).get().isInstanceOfSatisfying(TransportException.class,
                    t -> assertThat(t.kind()).isEqualTo(TransportException.Kind.INTERRUPTED));
        });
    }

    @Test
    void aCallPastItsWholeCallTimeoutEndsAsATimeoutNotACancellation() {
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(503)));
        CompletableFuture<Void> neverWakes = new CompletableFuture<>();

        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT)
                .sleeper(d -> neverWakes).requestListener(events).build()) {
            assertThatThrownBy(() -> client.credits().balance(RequestOptions.builder()
                    .timeout(Duration.ofMillis(300)).build())).isInstanceOf(TransportException.class);
        }

        assertThat(events.of(CallEnded.class)).singleElement().satisfies(e -> assertThat(e.error()).get()
                .isInstanceOfSatisfying(TransportException.class,
                        t -> assertThat(t.kind()).isEqualTo(TransportException.Kind.TIMEOUT)));
    }

    /** Keeps every event in order, the call frame included. */
    static final class Recorder extends RequestListenerTest.Recorder {
        final CompletableFuture<Void> retried = new CompletableFuture<>();
        final CompletableFuture<Void> ended = new CompletableFuture<>();

        @Override
        public void callStarted(CallStarted event) {
            all.add(event);
        }

        @Override
        public void callEnded(CallEnded event) {
            all.add(event);
            ended.complete(null);
        }

        @Override
        public void retryScheduled(RetryScheduled event) {
            super.retryScheduled(event);
            retried.complete(null);
        }
    }
}
