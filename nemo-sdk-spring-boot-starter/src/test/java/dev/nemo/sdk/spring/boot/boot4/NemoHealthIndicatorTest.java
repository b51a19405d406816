package dev.nemo.sdk.spring.boot.boot4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.spring.boot.NemoAutoConfiguration;
import dev.nemo.sdk.spring.boot.NemoHealthAutoConfiguration;
import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.Endpoint;
import dev.nemo.sdk.testkit.NemoEmulator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Boot 4 only ({@code spring-boot-health}); Boot 3.5 has no such indicator from the starter. */
class NemoHealthIndicatorTest {
    private static final String TOKEN = "nemo-health-test-token-55c1";
    private final NemoEmulator emulator = NemoEmulator.start(EmulatorOptions.builder().staticToken(TOKEN, 42).build());
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(NemoAutoConfiguration.class, NemoHealthAutoConfiguration.class));

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        emulator.close();
    }

    private ApplicationContextRunner configured() {
        return runner.withPropertyValues("nemo.base-url=" + emulator.baseUrl(), "nemo.token=" + TOKEN,
                "nemo.use-environment-variables=false", "nemo.config-directory=" + dir, "nemo.retry.max-attempts=1");
    }

    @Test
    void offByDefaultSoNoCallIsMade() {
        configured().run(ctx -> {
            assertThat(ctx).doesNotHaveBean("nemoHealthIndicator");
            assertThat(emulator.requests(Endpoint.CREDITS)).isEmpty();
        });
    }

    @Test
    void upWithTheBalanceWhenTheApiAnswers() {
        configured().withPropertyValues("nemo.health.enabled=true").run(ctx -> {
            Health health = ctx.getBean("nemoHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("creditsAvailable", 42L);
        });
    }

    @Test
    void downWithTheErrorTypeAndCodeButNoTokenWhenTheApiRefuses() {
        configured().withPropertyValues("nemo.health.enabled=true").run(ctx -> {
            emulator.faults().on(Endpoint.CREDITS).status(503);
            Health health = ctx.getBean("nemoHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("error", "ServerException").containsEntry("httpStatus", 503);
            assertThat(health.toString()).doesNotContain(TOKEN);
        });
    }
}
