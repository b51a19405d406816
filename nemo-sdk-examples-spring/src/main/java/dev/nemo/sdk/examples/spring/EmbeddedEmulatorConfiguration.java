package dev.nemo.sdk.examples.spring;

import dev.nemo.sdk.auth.Credentials;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.spring.boot.NemoClientBuilderCustomizer;
import dev.nemo.sdk.spring.boot.NemoProperties;
import dev.nemo.sdk.testkit.NemoEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded emulator, when neither {@code nemo.base-url} nor {@code NEMO_API_URL} names a server:
 * the auto-configured client is pointed at it with anonymous credentials, and exports are polled
 * every half second instead of every 30 s. With {@code nemo-sdk-testkit-media} on the class path its
 * renders are real compressed files.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedEmulatorConfiguration.NoServerConfigured.class)
public class EmbeddedEmulatorConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEmulatorConfiguration.class);

    /** Creates the configuration; Spring calls it. */
    public EmbeddedEmulatorConfiguration() {}

    /** @return the emulator, stopped with the application */
    @Bean(destroyMethod = "close")
    public NemoEmulator nemoEmulator() {
        NemoEmulator emulator = NemoEmulator.start();
        LOG.info(
                "No NEMO_API_URL: using an embedded NemoVideo emulator at {} (renderer: {}); nothing leaves this "
                        + "machine",
                emulator.baseUrl(),
                emulator.rendererName());
        return emulator;
    }

    /**
     * @param emulator the embedded emulator
     * @return points the auto-configured client at it
     * @throws IOException when no temporary directory can be made for the client id
     */
    @Bean
    public NemoClientBuilderCustomizer embeddedEmulatorClient(NemoEmulator emulator) throws IOException {
        Path configDir = Files.createTempDirectory("nemo-examples-spring");
        configDir.toFile().deleteOnExit();
        return b -> b.baseUrl(emulator.baseUrl())
                .credentials(Credentials.anonymous())
                .environment(Map.of())
                .configDirectory(configDir)
                .persistAnonymousToken(false);
    }

    /**
     * @param properties the {@code nemo.*} properties
     * @param interval   the emulator's poll interval ({@code examples.embedded-poll-interval}, default 500 ms)
     * @return {@code nemo.polling.*} with a short interval: the emulator renders in a few polls
     */
    @Bean
    public PollingStrategy embeddedPolling(
            NemoProperties properties, @Value("${examples.embedded-poll-interval:500ms}") Duration interval) {
        return PollingStrategy.builder()
                .interval(interval)
                .maxPolls(Math.max(properties.getPolling().getMaxPolls(), 20))
                .timeout(properties.getPolling().getTimeout())
                .build();
    }

    /** Matches when no API server is configured. */
    static final class NoServerConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("nemo.base-url"))
                    && !StringUtils.hasText(context.getEnvironment().getProperty("NEMO_API_URL"));
        }
    }
}
