package dev.nemo.sdk.spring.boot.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.RequestListener.CallEnded;
import dev.nemo.sdk.RequestListener.CallStarted;
import dev.nemo.sdk.RequestListener.RequestFailed;
import dev.nemo.sdk.RequestListener.ResponseReceived;
import dev.nemo.sdk.RequestListener.RetryScheduled;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.spring.boot.NemoMetricNames;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The listener's meters and observations, from events the emulator tests do not easily reach. */
class MetricsListenerTest {
    private static final String POLL = "/api/render/proxy/lambda/{renderId}";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final MetricsListener listener = new MetricsListener(meters, observations);

    @Test
    void aRetriedCallIsOneTimedSampleWithItsRetriesAndOneObservationSpanningIt() {
        listener.callStarted(new CallStarted(7, "exports.poll", "GET", POLL));
        TestObservationRegistryAssert.assertThat(observations)
                .hasSingleObservationThat()
                .hasNameEqualTo(NemoMetricNames.OBSERVATION)
                .hasBeenStarted()
                .isNotStopped();

        listener.responseReceived(new ResponseReceived(
                7, "exports.poll", "GET", POLL, 1, 503, OptionalInt.empty(), Duration.ofMillis(20)));
        listener.retryScheduled(
                new RetryScheduled(7, "exports.poll", "GET", POLL, 1, Duration.ofMillis(300), server503()));
        listener.responseReceived(new ResponseReceived(
                7, "exports.poll", "GET", POLL, 2, 200, OptionalInt.empty(), Duration.ofMillis(30)));
        listener.callEnded(new CallEnded(
                7, "exports.poll", "GET", POLL, 2, OptionalInt.of(200), Optional.empty(), Duration.ofMillis(400)));

        Timer call = meters.get(NemoMetricNames.REQUESTS).timer();
        assertThat(call.count()).isEqualTo(1);
        assertThat(call.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(400);
        assertThat(call.getId().getTags())
                .extracting(t -> t.getKey() + "=" + t.getValue())
                .containsExactlyInAnyOrder("operation=exports.poll", "status=200", "outcome=success", "retries=1");
        assertThat(attempts("503", "server_error").count()).isEqualTo(1);
        assertThat(attempts("200", "success").count()).isEqualTo(1);
        TestObservationRegistryAssert.assertThat(observations)
                .hasSingleObservationThat()
                .hasNameEqualTo(NemoMetricNames.OBSERVATION)
                .hasContextualNameEqualTo("nemo exports.poll")
                .hasBeenStarted()
                .hasBeenStopped()
                .doesNotHaveError()
                .hasLowCardinalityKeyValue(NemoMetricNames.OPERATION, "exports.poll")
                .hasLowCardinalityKeyValue(NemoMetricNames.STATUS, "200")
                .hasLowCardinalityKeyValue(NemoMetricNames.OUTCOME, "success")
                .hasLowCardinalityKeyValue(NemoMetricNames.RETRIES, "1")
                .hasEvent("nemo.retry");
    }

    @Test
    void aFailedCallRecordsItsErrorOnTheObservationAndItsOutcomeOnTheTimer() {
        ServerException error = server503();
        listener.callStarted(new CallStarted(8, "state.get", "GET", "/api/state/nemo_agent/me/{sessionId}/latest"));
        listener.callEnded(new CallEnded(
                8,
                "state.get",
                "GET",
                "/api/state/nemo_agent/me/{sessionId}/latest",
                5,
                OptionalInt.of(503),
                Optional.of(error),
                Duration.ofSeconds(9)));

        assertThat(meters.get(NemoMetricNames.REQUESTS)
                        .tag(NemoMetricNames.STATUS, "503")
                        .tag(NemoMetricNames.OUTCOME, "server_error")
                        .tag(NemoMetricNames.RETRIES, "3+")
                        .timer()
                        .count())
                .isEqualTo(1);
        TestObservationRegistryAssert.assertThat(observations)
                .hasSingleObservationThat()
                .hasBeenStopped()
                .hasError(error)
                .hasLowCardinalityKeyValue(NemoMetricNames.OUTCOME, "server_error");
    }

    @Test
    void anAttemptWithoutAnswerIsATransportErrorWithNoStatusAndAnInterruptedCallIsCancelled() {
        listener.requestFailed(new RequestFailed(
                9,
                "state.get",
                "GET",
                "/api/state/nemo_agent/me/{sessionId}/latest",
                2,
                transport(TransportException.Kind.RESET),
                Duration.ofMillis(40),
                true));
        listener.callStarted(new CallStarted(10, "exports.poll", "GET", POLL));
        listener.callEnded(new CallEnded(
                10,
                "exports.poll",
                "GET",
                POLL,
                1,
                OptionalInt.empty(),
                Optional.of(transport(TransportException.Kind.INTERRUPTED)),
                Duration.ofMillis(1)));

        assertThat(meters.get(NemoMetricNames.ATTEMPTS)
                        .tag(NemoMetricNames.STATUS, "none")
                        .tag(NemoMetricNames.OUTCOME, "transport_error")
                        .timer()
                        .totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(40);
        assertThat(meters.get(NemoMetricNames.REQUESTS)
                        .tag(NemoMetricNames.STATUS, "none")
                        .tag(NemoMetricNames.OUTCOME, "cancelled")
                        .tag(NemoMetricNames.RETRIES, "0")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anApiErrorCodeInA200IsAClientErrorAndTheTimersCarryNoIds() {
        listener.responseReceived(new ResponseReceived(
                11,
                "credits.balance",
                "GET",
                "/api/credits/balance/simple",
                1,
                200,
                OptionalInt.of(2001),
                Duration.ofMillis(5)));

        assertThat(attempts("200", "client_error").count()).isEqualTo(1);
        assertThat(meters.getMeters())
                .allSatisfy(m -> assertThat(m.getId().getTags())
                        .noneMatch(t -> t.getValue().equals("11")));
    }

    @Test
    void withoutAnObservationRegistryOnlyTheTimersRecord() {
        MetricsListener timersOnly = new MetricsListener(meters, io.micrometer.observation.ObservationRegistry.NOOP);
        timersOnly.callStarted(new CallStarted(12, "sessions.create", "POST", "/api/tasks/me/with-session/nemo_agent"));
        timersOnly.callEnded(new CallEnded(
                12,
                "sessions.create",
                "POST",
                "/api/tasks/me/with-session/nemo_agent",
                1,
                OptionalInt.of(200),
                Optional.empty(),
                Duration.ofMillis(3)));

        assertThat(meters.get(NemoMetricNames.REQUESTS)
                        .tag(NemoMetricNames.OPERATION, "sessions.create")
                        .timer()
                        .count())
                .isEqualTo(1);
        TestObservationRegistryAssert.assertThat(observations).doesNotHaveAnyObservation();
    }

    private Timer attempts(String status, String outcome) {
        return meters.get(NemoMetricNames.ATTEMPTS)
                .tag(NemoMetricNames.STATUS, status)
                .tag(NemoMetricNames.OUTCOME, outcome)
                .timer();
    }

    private static ServerException server503() {
        return new ServerException("HTTP 503", ErrorDetails.none().withStatus(503), null);
    }

    private static TransportException transport(TransportException.Kind kind) {
        return new TransportException("no answer", ErrorDetails.none(), new IOException("reset"), kind, true);
    }
}
