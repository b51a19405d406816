package dev.nemo.sdk.spring.boot.boot4;

import dev.nemo.sdk.spring.boot.HealthIndicatorContract;
import dev.nemo.sdk.spring.boot.NemoHealthAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Boot 4's indicator ({@code spring-boot-health}); the Boot 3.5 one stays inert here. */
class NemoHealthIndicatorTest extends HealthIndicatorContract<HealthIndicator> {
    NemoHealthIndicatorTest() {
        super(NemoHealthAutoConfiguration.class, HealthIndicator.class, indicator -> {
            Health h = indicator.health();
            return new Seen(h.getStatus().getCode(), h.getDetails(), h.toString());
        });
    }
}
