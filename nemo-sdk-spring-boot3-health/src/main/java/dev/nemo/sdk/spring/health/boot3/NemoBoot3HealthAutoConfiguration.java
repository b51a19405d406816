package dev.nemo.sdk.spring.health.boot3;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.spring.health.NemoHealthCheck;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The Actuator health indicator {@code nemo} on Spring Boot 3.5 ({@code HealthIndicator} of
 * {@code spring-boot-actuator}); the starter's {@code NemoHealthAutoConfiguration} is its Boot 4
 * twin. Off by default because each check is an API call: set {@code nemo.health.enabled=true}.
 * Inert on Boot 4, where the 3.x class does not exist.
 */
@AutoConfiguration(afterName = "dev.nemo.sdk.spring.boot.NemoAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
@ConditionalOnProperty(prefix = "nemo.health", name = "enabled", havingValue = "true")
@ConditionalOnBean(NemoClient.class)
public class NemoBoot3HealthAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public NemoBoot3HealthAutoConfiguration() {}

    /**
     * The indicator: UP with the credit balance, DOWN with the typed error (see {@link NemoHealthCheck}).
     *
     * @param client the client whose API is checked
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "nemoHealthIndicator")
    public HealthIndicator nemoHealthIndicator(NemoClient client) {
        NemoHealthCheck check = new NemoHealthCheck(client);
        return () -> {
            NemoHealthCheck.Result r = check.check();
            return (r.up() ? Health.up() : Health.down())
                    .withDetails(r.details())
                    .build();
        };
    }
}
