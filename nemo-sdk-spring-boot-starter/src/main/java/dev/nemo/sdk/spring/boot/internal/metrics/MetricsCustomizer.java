package dev.nemo.sdk.spring.boot.internal.metrics;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.spring.boot.NemoClientBuilderCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;

/**
 * Gives the client a {@link MeteredHttpClient} when the application has a {@link MeterRegistry};
 * runs first, so an application customizer may still set its own {@code HttpClient}. Shuts the
 * HTTP clients it made down with the context (JDK 21+; on 17 they end with the JVM's GC).
 */
public final class MetricsCustomizer implements NemoClientBuilderCustomizer, Ordered, DisposableBean {
    private final ObjectProvider<MeterRegistry> meters;
    private final ObjectProvider<ObservationRegistry> observations;
    private final Duration connectTimeout;
    private final List<HttpClient> made = new ArrayList<>();

    /**
     * @param meters         the application's meter registry, if any
     * @param observations   the application's observation registry, if any
     * @param connectTimeout {@code nemo.connect-timeout}
     */
    public MetricsCustomizer(ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations,
                             Duration connectTimeout) {
        this.meters = meters;
        this.observations = observations;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public void customize(NemoClient.Builder builder) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry == null) {
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        synchronized (made) {
            made.add(http);
        }
        builder.httpClient(new MeteredHttpClient(http, registry,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP)));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void destroy() {
        synchronized (made) {
            made.forEach(MetricsCustomizer::shutdownNow);
            made.clear();
        }
    }

    private static void shutdownNow(HttpClient http) {
        try {
            Method m = HttpClient.class.getMethod("shutdownNow");
            m.invoke(http);
        } catch (ReflectiveOperationException e) {
            // JDK 17: no shutdown; the selector thread ends once the client is unreachable
        }
    }
}
