package dev.nemo.sdk.spring.boot.internal.metrics;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.spring.boot.NemoClientBuilderCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;

/**
 * Adds a {@link MetricsListener} to the client's request listeners when the application has a
 * {@link MeterRegistry}. It touches nothing else on the builder, so an application customizer may
 * set its own {@code HttpClient}, executor or listeners and the meters stay on.
 */
public final class MetricsCustomizer implements NemoClientBuilderCustomizer, Ordered {
    private final ObjectProvider<MeterRegistry> meters;
    private final ObjectProvider<ObservationRegistry> observations;

    /**
     * @param meters       the application's meter registry, if any
     * @param observations the application's observation registry, if any
     */
    public MetricsCustomizer(ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations) {
        this.meters = meters;
        this.observations = observations;
    }

    @Override
    public void customize(NemoClient.Builder builder) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            builder.requestListener(
                    new MetricsListener(registry, observations.getIfAvailable(() -> ObservationRegistry.NOOP)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
