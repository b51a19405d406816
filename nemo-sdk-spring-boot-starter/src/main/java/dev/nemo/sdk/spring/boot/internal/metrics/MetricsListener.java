package dev.nemo.sdk.spring.boot.internal.metrics;

import dev.nemo.sdk.RequestListener;
import dev.nemo.sdk.error.DecodeException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.NemoServiceException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.spring.boot.NemoMetricNames;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import java.util.Locale;

/**
 * The SDK's {@link RequestListener} turned into Micrometer meters and observations (see
 * {@link NemoMetricNames}). Every tag comes from the listener's low-cardinality events: no ids (the
 * call id only matches an observation's start to its end). Each call is one
 * {@link NemoMetricNames#REQUESTS} sample tagged with its retries and one observation spanning it;
 * each HTTP attempt is one {@link NemoMetricNames#ATTEMPTS} sample.
 */
public final class MetricsListener implements RequestListener {
    private static final String NONE = "none";

    private final MeterRegistry meters;
    private final CallObservations observations;

    /**
     * Creates the listener.
     *
     * @param meters       where timers go
     * @param observations where observations go ({@link ObservationRegistry#NOOP} for none)
     */
    public MetricsListener(MeterRegistry meters, ObservationRegistry observations) {
        this.meters = meters;
        this.observations = new CallObservations(observations);
    }

    @Override
    public void callStarted(CallStarted e) {
        observations.started(e);
    }

    @Override
    public void retryScheduled(RetryScheduled e) {
        observations.retried(e);
    }

    @Override
    public void callEnded(CallEnded e) {
        String status = e.status().isPresent() ? Integer.toString(e.status().getAsInt()) : NONE;
        String outcome = e.error().map(MetricsListener::outcome).orElse("success");
        Tags tags = Tags.of(
                NemoMetricNames.OPERATION,
                e.operation(),
                NemoMetricNames.STATUS,
                status,
                NemoMetricNames.OUTCOME,
                outcome,
                NemoMetricNames.RETRIES,
                retries(e.retries()));
        Timer.builder(NemoMetricNames.REQUESTS)
                .description("NemoVideo API calls, retries and their waits included")
                .tags(tags)
                .register(meters)
                .record(e.duration());
        observations.ended(
                e,
                KeyValues.of(
                        NemoMetricNames.STATUS,
                        status,
                        NemoMetricNames.OUTCOME,
                        outcome,
                        NemoMetricNames.RETRIES,
                        retries(e.retries())));
    }

    @Override
    public void responseReceived(ResponseReceived e) {
        String outcome = e.status() < 400 && e.apiCode().isEmpty() ? "success" : answered(e.status());
        attempt(e.operation(), Integer.toString(e.status()), outcome).record(e.duration());
    }

    @Override
    public void requestFailed(RequestFailed e) {
        attempt(e.operation(), NONE, outcome(e.error())).record(e.duration());
    }

    @Override
    public void chatFirstEvent(ChatFirstEvent e) {
        Timer.builder(NemoMetricNames.CHAT_FIRST_EVENT)
                .description("Chat streams, from opening to the first event")
                .register(meters)
                .record(e.sinceStart());
    }

    @Override
    public void chatStreamEnded(ChatStreamEnded e) {
        Timer.builder(NemoMetricNames.CHAT_STREAM)
                .description("Chat streams, from opening to their end")
                .tag(NemoMetricNames.OUTCOME, e.end().name().toLowerCase(Locale.ROOT))
                .register(meters)
                .record(e.duration());
    }

    @Override
    public void exportWaitFinished(ExportWaitFinished e) {
        Timer.builder(NemoMetricNames.EXPORT_WAIT)
                .description("Export waits, until a terminal status")
                .tag(NemoMetricNames.OUTCOME, e.outcome())
                .register(meters)
                .record(e.duration());
    }

    private Timer attempt(String operation, String status, String outcome) {
        return Timer.builder(NemoMetricNames.ATTEMPTS)
                .description("NemoVideo API HTTP attempts, to the mapped answer")
                .tags(
                        NemoMetricNames.OPERATION,
                        operation,
                        NemoMetricNames.STATUS,
                        status,
                        NemoMetricNames.OUTCOME,
                        outcome)
                .register(meters);
    }

    /**
     * The retry tag's value.
     *
     * @param retries the retries of a call
     * @return {@code 0}, {@code 1}, {@code 2} or {@code 3+}
     */
    static String retries(int retries) {
        return retries >= 3 ? "3+" : Integer.toString(Math.max(0, retries));
    }

    /** An error answer: a 4xx, or an API error code in a 2xx envelope, is the client's; a 5xx the server's. */
    private static String answered(int status) {
        return status >= 500 ? "server_error" : "client_error";
    }

    /**
     * The outcome tag of a failed call or attempt.
     *
     * @param error the typed error
     * @return {@code client_error}, {@code server_error}, {@code transport_error}, {@code decode_error} or
     *         {@code cancelled}
     */
    static String outcome(NemoException error) {
        if (error instanceof NemoServiceException s) {
            return answered(s.httpStatus());
        }
        if (error instanceof TransportException t) {
            return t.kind() == TransportException.Kind.INTERRUPTED ? "cancelled" : "transport_error";
        }
        return error instanceof DecodeException ? "decode_error" : "transport_error";
    }
}
