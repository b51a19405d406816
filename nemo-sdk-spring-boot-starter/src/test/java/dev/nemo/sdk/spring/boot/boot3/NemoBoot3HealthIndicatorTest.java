package dev.nemo.sdk.spring.boot.boot3;

import dev.nemo.sdk.spring.boot.HealthIndicatorContract;
import dev.nemo.sdk.spring.health.boot3.NemoBoot3HealthAutoConfiguration;
import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.ApplicationContext;

/** Boot 3.5's indicator ({@code spring-boot-actuator}); runs in nemo-sdk-spring-boot3-tests only. */
class NemoBoot3HealthIndicatorTest extends HealthIndicatorContract {

    @Override
    protected Class<?> healthAutoConfiguration() {
        return NemoBoot3HealthAutoConfiguration.class;
    }

    @Override
    protected Seen health(ApplicationContext ctx) {
        Health h = ctx.getBean("nemoHealthIndicator", HealthIndicator.class).health();
        return new Seen(h.getStatus().getCode(), h.getDetails(), h.toString());
    }

    @Override
    protected Iterable<String> indicatorNames(ApplicationContext ctx) {
        return List.of(ctx.getBeanNamesForType(HealthIndicator.class));
    }
}
