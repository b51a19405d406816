package dev.nemo.sdk.spring.boot.boot3;

import dev.nemo.sdk.spring.boot.HealthIndicatorContract;
import dev.nemo.sdk.spring.health.boot3.NemoBoot3HealthAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** Boot 3.5's indicator ({@code spring-boot-actuator}); runs in nemo-sdk-spring-boot3-tests only. */
class NemoBoot3HealthIndicatorTest extends HealthIndicatorContract<HealthIndicator> {
    NemoBoot3HealthIndicatorTest() {
        super(NemoBoot3HealthAutoConfiguration.class, HealthIndicator.class, indicator -> {
            Health h = indicator.health();
            return new Seen(h.getStatus().getCode(), h.getDetails(), h.toString());
        });
    }
}
