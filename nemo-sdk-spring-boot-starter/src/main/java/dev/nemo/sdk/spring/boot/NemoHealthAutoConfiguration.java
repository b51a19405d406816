package dev.nemo.sdk.spring.boot;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.spring.boot.internal.NemoHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * An Actuator health indicator named {@code nemo}, off by default because each check is an API
 * call: set {@code nemo.health.enabled=true}. It reads the credit balance: UP with the balance,
 * DOWN with the error's type and API code. Spring Boot 4 ({@code spring-boot-health}); on Boot 3.5
 * {@code NemoBoot3HealthAutoConfiguration} (in {@code nemo-sdk-spring-boot3-health}, which comes with
 * the starter) makes the same indicator.
 */
@AutoConfiguration(after = NemoAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnProperty(prefix = "nemo.health", name = "enabled", havingValue = "true")
@ConditionalOnBean(NemoClient.class)
public class NemoHealthAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public NemoHealthAutoConfiguration() {}

    /**
     * @param client the client whose API is checked
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "nemoHealthIndicator")
    public HealthIndicator nemoHealthIndicator(NemoClient client) {
        return new NemoHealthIndicator(client);
    }
}
