package dev.nemo.sdk.spring.boot.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.RequestListener;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.spring.boot.NemoMetricNames;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Events the emulator tests do not reach: failed attempts and many retries. */
class MetricsListenerTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MetricsListener listener = new MetricsListener(meters, ObservationRegistry.NOOP);

    @Test
    void anAttemptWithoutAnswerIsATransportErrorWithNoStatus() {
        listener.requestFailed(new RequestListener.RequestFailed("state.get", "GET",
                "/api/state/nemo_agent/me/{sessionId}/latest", 2, transport(TransportException.Kind.RESET),
                Duration.ofMillis(40), true));

        Timer t = meters.get(NemoMetricNames.REQUESTS).tag(NemoMetricNames.OPERATION, "state.get")
                .tag(NemoMetricNames.STATUS, "none").tag(NemoMetricNames.OUTCOME, "transport_error")
                .tag(NemoMetricNames.RETRIES, "1").timer();
        assertThat(t.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(40);
    }

    @Test
    void anInterruptedAttemptIsCancelledAndManyRetriesShareOneTag() {
        listener.requestFailed(new RequestListener.RequestFailed("exports.poll", "GET",
                "/api/render/proxy/lambda/{renderId}", 5, transport(TransportException.Kind.INTERRUPTED),
                Duration.ofMillis(1), false));
        listener.responseReceived(new RequestListener.ResponseReceived("exports.poll", "GET",
                "/api/render/proxy/lambda/{renderId}", 4, 429, java.util.OptionalInt.empty(), Duration.ofMillis(1)));

        assertThat(meters.get(NemoMetricNames.REQUESTS).tag(NemoMetricNames.OUTCOME, "cancelled")
                .tag(NemoMetricNames.RETRIES, "3+").timer().count()).isEqualTo(1);
        assertThat(meters.get(NemoMetricNames.REQUESTS).tag(NemoMetricNames.OUTCOME, "client_error")
                .tag(NemoMetricNames.STATUS, "429").tag(NemoMetricNames.RETRIES, "3+").timer().count()).isEqualTo(1);
    }

    private static TransportException transport(TransportException.Kind kind) {
        return new TransportException("no answer", ErrorDetails.none(), new IOException("reset"), kind, true);
    }
}
