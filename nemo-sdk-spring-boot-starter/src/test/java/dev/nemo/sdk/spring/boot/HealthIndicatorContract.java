package dev.nemo.sdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.Endpoint;
import dev.nemo.sdk.testkit.NemoEmulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the {@code nemo} health indicator does on every Boot generation. A subclass per generation
 * names its auto-configuration and its {@code HealthIndicator} type, and reads one answer: Boot 3.5
 * and Boot 4 keep {@code HealthIndicator} and {@code Health} in different packages, so that one
 * reading stays in each subclass.
 *
 * @param <I> this generation's {@code HealthIndicator}
 */
public abstract class HealthIndicatorContract<I> {
    /** The token of the emulator's registered user: must never show in a health answer. */
    protected static final String TOKEN = "nemo-health-test-token-55c1";

    private final NemoEmulator emulator = NemoEmulator.start(EmulatorOptions.builder().staticToken(TOKEN, 42)
            .build());
    private final Class<?> healthAutoConfiguration;
    private final Class<I> indicatorType;
    private final Function<I, Seen> read;

    @TempDir
    Path dir;

    /**
     * @param healthAutoConfiguration the auto-configuration that makes the indicator on this generation
     * @param indicatorType           this generation's {@code HealthIndicator}
     * @param read                    calls an indicator and says what its {@code Health} holds
     */
    protected HealthIndicatorContract(Class<?> healthAutoConfiguration, Class<I> indicatorType,
            Function<I, Seen> read) {
        this.healthAutoConfiguration = healthAutoConfiguration;
        this.indicatorType = indicatorType;
        this.read = read;
    }

    /** What one health call answered, Boot types left behind. */
    public record Seen(String status, Map<String, Object> details, String text) {
    }

    private Seen health(ApplicationContext ctx) {
        return read.apply(ctx.getBean("nemoHealthIndicator", indicatorType));
    }

    private List<String> indicatorNames(ApplicationContext ctx) {
        return List.of(ctx.getBeanNamesForType(indicatorType));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private String[] properties(String token) {
        return new String[] {"nemo.base-url=" + emulator.baseUrl(), "nemo.token=" + token,
                "nemo.use-environment-variables=false", "nemo.config-directory=" + dir, "nemo.retry.max-attempts=1"};
    }

    private ApplicationContextRunner configured(String token) {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(NemoAutoConfiguration.class,
                healthAutoConfiguration)).withPropertyValues(properties(token));
    }

    @Test
    void offByDefaultSoNoCallIsMade() {
        configured(TOKEN).run(ctx -> {
            assertThat(ctx).hasNotFailed().doesNotHaveBean("nemoHealthIndicator");
            assertThat(emulator.requests(Endpoint.CREDITS)).isEmpty();
        });
    }

    @Test
    void upWithTheBalanceWhenTheApiAnswers() {
        configured(TOKEN).withPropertyValues("nemo.health.enabled=true").run(ctx -> {
            Seen health = health(ctx);
            assertThat(health.status()).isEqualTo("UP");
            assertThat(health.details()).containsEntry("creditsAvailable", 42L)
                    .containsEntry("baseUrl", emulator.baseUrl().toString().replaceAll("/$", ""));
        });
    }

    @Test
    void downWithTheTypedErrorAndStatusButNoTokenWhenTheApiRefuses() {
        configured(TOKEN).withPropertyValues("nemo.health.enabled=true").run(ctx -> {
            emulator.faults().on(Endpoint.CREDITS).status(503);
            Seen health = health(ctx);
            assertThat(health.status()).isEqualTo("DOWN");
            assertThat(health.details()).containsEntry("error", "ServerException").containsEntry("httpStatus", 503);
            assertThat(health.text()).doesNotContain(TOKEN);
        });
    }

    @Test
    void downWithTheAuthenticationErrorAndNeverTheRejectedToken() {
        String wrong = "nemo-health-wrong-token-9d0e";
        configured(wrong).withPropertyValues("nemo.health.enabled=true").run(ctx -> {
            Seen health = health(ctx);
            assertThat(health.status()).isEqualTo("DOWN");
            assertThat(health.details()).containsEntry("error", "TokenExpiredException")
                    .doesNotContainKey("creditsAvailable");
            assertThat(health.text()).doesNotContain(wrong).doesNotContain(TOKEN);
        });
    }

    @Test
    void aWholeApplicationGetsExactlyOneIndicatorOfItsGeneration() {
        try (ConfigurableApplicationContext ctx = TestApp.run(properties(TOKEN))) {
            assertThat(ctx.containsBean("nemoHealthIndicator")).isFalse();
        }
        String[] on = Stream.concat(Stream.of(properties(TOKEN)),
                Stream.of("nemo.health.enabled=true")).toArray(String[]::new);
        try (ConfigurableApplicationContext ctx = TestApp.run(on)) {
            assertThat(indicatorNames(ctx)).filteredOn(name -> name.startsWith("nemo"))
                    .containsExactly("nemoHealthIndicator");
            assertThat(health(ctx).status()).isEqualTo("UP");
        }
    }
}
