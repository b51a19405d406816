package dev.nemo.sdk.spring.boot;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.reactive.ReactiveNemoClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Flux;

/**
 * A {@link ReactiveNemoClient} over the application's {@link NemoClient}, when Reactor and
 * {@code nemo-sdk-reactive} are on the class path.
 */
@AutoConfiguration(after = NemoAutoConfiguration.class)
@ConditionalOnClass({ReactiveNemoClient.class, Flux.class})
@ConditionalOnBean(NemoClient.class)
public class NemoReactiveAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public NemoReactiveAutoConfiguration() {}

    /**
     * @param client the blocking client it wraps (same transport, retries and typed errors)
     * @return the reactive client over a copy of {@code client} that shares its connection pool and
     *         token cache; closed with the context (before {@code client})
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ReactiveNemoClient reactiveNemoClient(NemoClient client) {
        return ReactiveNemoClient.create(client);
    }
}
