package dev.nemo.sdk.spring.boot.boot4;

import dev.nemo.sdk.spring.boot.HealthIndicatorContract;
import dev.nemo.sdk.spring.boot.NemoHealthAutoConfiguration;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationContext;

/** Boot 4's indicator ({@code spring-boot-health}); the Boot 3.5 one stays inert here. */
class NemoHealthIndicatorTest extends HealthIndicatorContract {

    @Override
    protected Class<?> healthAutoConfiguration() {
        return NemoHealthAutoConfiguration.class;
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
