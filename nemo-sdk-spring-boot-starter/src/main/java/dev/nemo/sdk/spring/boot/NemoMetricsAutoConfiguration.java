package dev.nemo.sdk.spring.boot;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.spring.boot.internal.metrics.MetricsCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer timers and observations of the SDK's API requests (see {@link NemoMetricNames}), when
 * Micrometer is on the class path, the application has a {@link MeterRegistry}, and
 * {@code nemo.metrics.enabled} is not {@code false}. The SDK itself stays free of Micrometer.
 */
@AutoConfiguration
@EnableConfigurationProperties(NemoProperties.class)
@ConditionalOnClass({NemoClient.class, MeterRegistry.class, ObservationRegistry.class})
@ConditionalOnProperty(prefix = "nemo.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
public class NemoMetricsAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public NemoMetricsAutoConfiguration() {}

    /**
     * @param meters       the application's meter registry, looked up when the client is built
     * @param observations the application's observation registry, if any
     * @return the customizer that adds the metrics request listener to the client
     */
    @Bean
    public NemoClientBuilderCustomizer nemoMetricsCustomizer(
            ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations) {
        return new MetricsCustomizer(meters, observations);
    }
}
