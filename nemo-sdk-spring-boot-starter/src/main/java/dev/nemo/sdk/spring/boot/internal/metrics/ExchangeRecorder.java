package dev.nemo.sdk.spring.boot.internal.metrics;

import dev.nemo.sdk.spring.boot.NemoMetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records one HTTP exchange, from the request to the end of its body: a {@link NemoMetricNames#REQUESTS}
 * timer, an observation, and for chat streams the stream's duration and time to first bytes.
 */
final class ExchangeRecorder {
    private final MeterRegistry meters;
    private final String operation;
    private final long startNanos = System.nanoTime();
    private final AtomicLong firstBytesNanos = new AtomicLong(-1);
    private final AtomicBoolean done = new AtomicBoolean();
    private final Observation observation;

    ExchangeRecorder(MeterRegistry meters, ObservationRegistry observations, String operation) {
        this.meters = meters;
        this.operation = operation;
        this.observation = Observation.createNotStarted(NemoMetricNames.OBSERVATION, observations)
                .contextualName("nemo " + operation)
                .lowCardinalityKeyValue(NemoMetricNames.OPERATION, operation)
                .start();
    }

    /** The first bytes of the body arrived. */
    void firstBytes() {
        firstBytesNanos.compareAndSet(-1, System.nanoTime());
    }

    /**
     * The exchange ended (once; later calls are ignored).
     *
     * @param status  the HTTP status, or -1 when no response came
     * @param failure the error, or {@code null}
     */
    void finish(int status, Throwable failure) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        String outcome = outcome(status, failure);
        String statusTag = status < 0 ? "none" : Integer.toString(status);
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        Timer.builder(NemoMetricNames.REQUESTS).description("NemoVideo API requests, to the end of the body")
                .tag(NemoMetricNames.OPERATION, operation).tag(NemoMetricNames.STATUS, statusTag)
                .tag(NemoMetricNames.OUTCOME, outcome).register(meters).record(took);
        if ("chat.run".equals(operation)) {
            Timer.builder(NemoMetricNames.CHAT_STREAM).description("Chat streams, from the request to their end")
                    .tag(NemoMetricNames.OUTCOME, outcome).register(meters).record(took);
            long first = firstBytesNanos.get();
            if (first > 0) {
                Timer.builder(NemoMetricNames.CHAT_FIRST_EVENT).description("Chat requests to the stream's first bytes")
                        .register(meters).record(Duration.ofNanos(first - startNanos));
            }
        }
        observation.lowCardinalityKeyValue(NemoMetricNames.STATUS, statusTag)
                .lowCardinalityKeyValue(NemoMetricNames.OUTCOME, outcome);
        if (failure != null) {
            observation.error(failure);
        }
        observation.stop();
    }

    static String outcome(int status, Throwable failure) {
        if (failure instanceof java.util.concurrent.CancellationException) {
            return "cancelled";
        }
        if (status < 0) {
            return "transport_error";
        }
        if (failure != null) {
            return "transport_error";   // headers came, the body did not finish
        }
        return status < 400 ? "success" : status < 500 ? "client_error" : "server_error";
    }
}
