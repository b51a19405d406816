package dev.nemo.sdk.spring.boot.internal.metrics;

import dev.nemo.sdk.RequestListener;
import dev.nemo.sdk.error.DecodeException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.spring.boot.NemoMetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Locale;

/**
 * The SDK's {@link RequestListener} turned into Micrometer meters and observations (see
 * {@link NemoMetricNames}). Every tag comes from the listener's low-cardinality events: no ids.
 * Each HTTP attempt is one {@link NemoMetricNames#REQUESTS} sample tagged with the retries before
 * it, so the last attempt of a retried call carries the call's retry count.
 */
public final class MetricsListener implements RequestListener {
    private final MeterRegistry meters;
    private final ObservationRegistry observations;

    /**
     * @param meters       where timers go
     * @param observations where observations go ({@link ObservationRegistry#NOOP} for none)
     */
    public MetricsListener(MeterRegistry meters, ObservationRegistry observations) {
        this.meters = meters;
        this.observations = observations;
    }

    @Override
    public void responseReceived(ResponseReceived e) {
        int status = e.status();
        String outcome = status < 400 ? "success" : status < 500 ? "client_error" : "server_error";
        attempt(e.operation(), e.attempt(), Integer.toString(status), outcome, e.duration(), null);
    }

    @Override
    public void requestFailed(RequestFailed e) {
        attempt(e.operation(), e.attempt(), "none", outcome(e.error()), e.duration(), e.error());
    }

    @Override
    public void chatFirstEvent(ChatFirstEvent e) {
        Timer.builder(NemoMetricNames.CHAT_FIRST_EVENT).description("Chat streams, from opening to the first event")
                .register(meters).record(e.sinceStart());
    }

    @Override
    public void chatStreamEnded(ChatStreamEnded e) {
        Timer.builder(NemoMetricNames.CHAT_STREAM).description("Chat streams, from opening to their end")
                .tag(NemoMetricNames.OUTCOME, e.end().name().toLowerCase(Locale.ROOT))
                .register(meters).record(e.duration());
    }

    @Override
    public void exportWaitFinished(ExportWaitFinished e) {
        Timer.builder(NemoMetricNames.EXPORT_WAIT).description("Export waits, until a terminal status")
                .tag(NemoMetricNames.OUTCOME, e.outcome())
                .register(meters).record(e.duration());
    }

    private void attempt(String operation, int attempt, String status, String outcome, Duration took,
                         NemoException error) {
        Tags tags = Tags.of(NemoMetricNames.OPERATION, operation, NemoMetricNames.STATUS, status,
                NemoMetricNames.OUTCOME, outcome, NemoMetricNames.RETRIES, retries(attempt));
        Timer.builder(NemoMetricNames.REQUESTS).description("NemoVideo API request attempts, to the mapped answer")
                .tags(tags).register(meters).record(took);
        observe(operation, status, outcome, tags, error);
    }

    private void observe(String operation, String status, String outcome, Tags tags, NemoException error) {
        if (observations.isNoop()) {
            return;
        }
        Observation o = Observation.createNotStarted(NemoMetricNames.OBSERVATION, observations)
                .contextualName("nemo " + operation);
        tags.forEach(t -> o.lowCardinalityKeyValue(t.getKey(), t.getValue()));
        o.start();
        if (error != null) {
            o.error(error);
        }
        o.stop();
    }

    /**
     * @param attempt the attempt number, 1 for the first
     * @return the retries before it: {@code 0}, {@code 1}, {@code 2} or {@code 3+}
     */
    static String retries(int attempt) {
        int r = Math.max(0, attempt - 1);
        return r >= 3 ? "3+" : Integer.toString(r);
    }

    static String outcome(NemoException error) {
        if (error instanceof TransportException t) {
            return t.kind() == TransportException.Kind.INTERRUPTED ? "cancelled" : "transport_error";
        }
        return error instanceof DecodeException ? "decode_error" : "transport_error";
    }
}
