package dev.nemo.sdk.spring.boot.internal.metrics;

import dev.nemo.sdk.RequestListener.CallEnded;
import dev.nemo.sdk.RequestListener.CallStarted;
import dev.nemo.sdk.RequestListener.RetryScheduled;
import dev.nemo.sdk.spring.boot.NemoMetricNames;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link NemoMetricNames#OBSERVATION} per SDK call, started by {@code callStarted} and stopped
 * by {@code callEnded} (matched by the call id), with the call's error and a {@code nemo.retry}
 * event per retry. No scope is opened: the events of an asynchronous call arrive on other threads.
 * The parent is whatever observation is current on the thread that starts the call.
 */
final class CallObservations {
    private static final Observation.Event RETRY = Observation.Event.of("nemo.retry", "retry scheduled");

    private final ObservationRegistry registry;
    private final Map<Long, Observation> open = new ConcurrentHashMap<>();

    CallObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    void started(CallStarted e) {
        if (registry.isNoop()) {
            return;
        }
        Observation o = Observation.createNotStarted(NemoMetricNames.OBSERVATION, registry)
                .contextualName("nemo " + e.operation())
                .lowCardinalityKeyValue(NemoMetricNames.OPERATION, e.operation())
                .start();
        open.put(e.callId(), o);
    }

    void retried(RetryScheduled e) {
        Observation o = open.get(e.callId());
        if (o != null) {
            o.event(RETRY);
        }
    }

    void ended(CallEnded e, KeyValues tags) {
        Observation o = open.remove(e.callId());
        if (o == null) {
            return;
        }
        o.lowCardinalityKeyValues(tags);
        e.error().ifPresent(o::error);
        o.stop();
    }
}
