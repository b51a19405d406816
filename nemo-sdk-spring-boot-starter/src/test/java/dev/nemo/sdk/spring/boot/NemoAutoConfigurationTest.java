package dev.nemo.sdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.auth.Attribution;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.reactive.ReactiveNemoClient;
import dev.nemo.sdk.testkit.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import reactor.core.publisher.Flux;

class NemoAutoConfigurationTest {
    private final EmulatorFixture fixture = new EmulatorFixture();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(NemoAutoConfiguration.class, NemoReactiveAutoConfiguration.class));

    @TempDir
    Path configDir;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aClientFromPropertiesAloneTalksToTheConfiguredApiWithTheConfiguredToken() {
        runner.withPropertyValues(fixture.tokenProperties(configDir)).run(ctx -> {
            NemoClient client = ctx.getBean(NemoClient.class);
            assertThat(client.baseUrl().toString()).isEqualTo(fixture.emulator.baseUrl());
            assertThat(client.credits().balance().available()).isEqualTo(500);
            assertThat(fixture.emulator.requests(Endpoint.ANONYMOUS_TOKEN)).isEmpty();
        });
    }

    @Test
    void attributionClientIdAndPollingComeFromProperties() {
        runner.withPropertyValues(
                        "nemo.base-url=" + fixture.emulator.baseUrl(),
                        "nemo.use-environment-variables=false",
                        "nemo.config-directory=" + configDir,
                        "nemo.client-id=my-app-client",
                        "nemo.attribution.source=my-app",
                        "nemo.polling.interval=2s",
                        "nemo.polling.max-polls=4",
                        "nemo.polling.timeout=1m")
                .run(ctx -> {
                    NemoClient client = ctx.getBean(NemoClient.class);
                    assertThat(client.clientId()).contains("my-app-client");
                    assertThat(client.attribution().source()).isEqualTo("my-app");
                    assertThat(client.attribution().version())
                            .isEqualTo(Attribution.defaults().version());
                    assertThat(ctx.getBean(PollingStrategy.class))
                            .isEqualTo(PollingStrategy.builder()
                                    .interval(Duration.ofSeconds(2))
                                    .maxPolls(4)
                                    .timeout(Duration.ofMinutes(1))
                                    .build());
                    client.credits().balance();
                    assertThat(fixture.emulator
                                    .requests(Endpoint.CREDITS)
                                    .get(0)
                                    .header("X-Skill-Source"))
                            .contains("my-app");
                });
    }

    @Test
    void retryPropertiesDecideWhetherA503IsRetried() {
        fixture.emulator.faults().on(Endpoint.CREDITS).status(503);
        runner.withPropertyValues(fixture.tokenProperties(configDir))
                .run(ctx -> assertThat(ctx.getBean(NemoClient.class)
                                .credits()
                                .balance()
                                .available())
                        .isEqualTo(500));

        fixture.emulator.faults().on(Endpoint.CREDITS).status(503);
        runner.withPropertyValues(fixture.tokenProperties(configDir))
                .withPropertyValues("nemo.retry.max-attempts=1")
                .run(ctx -> assertThatThrownBy(
                                () -> ctx.getBean(NemoClient.class).credits().balance())
                        .isInstanceOf(ServerException.class));
    }

    @Test
    void customizersRunAfterThePropertiesInOrder() {
        runner.withPropertyValues(fixture.tokenProperties(configDir))
                .withPropertyValues("nemo.attribution.source=props")
                .withUserConfiguration(Customizers.class)
                .run(ctx -> assertThat(
                                ctx.getBean(NemoClient.class).attribution().source())
                        .isEqualTo("second"));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnClient() {
        runner.withPropertyValues(fixture.tokenProperties(configDir))
                .withUserConfiguration(OwnClient.class)
                .run(ctx -> {
                    assertThat(ctx).hasSingleBean(NemoClient.class);
                    assertThat(ctx.getBean(NemoClient.class).baseUrl().toString())
                            .isEqualTo("http://own.example");
                    assertThat(ctx.getBean(ReactiveNemoClient.class)
                                    .blocking()
                                    .baseUrl()
                                    .toString())
                            .isEqualTo("http://own.example");
                });
    }

    @Test
    void theClientIsClosedWithTheContext() {
        NemoClient[] seen = new NemoClient[1];
        runner.withPropertyValues(fixture.tokenProperties(configDir)).run(ctx -> {
            seen[0] = ctx.getBean(NemoClient.class);
            assertThat(seen[0].sleeper()
                            .sleep(Duration.ofMillis(1))
                            .toCompletableFuture()
                            .join())
                    .isNull();
        });
        assertThatThrownBy(() -> seen[0].sleeper()
                        .sleep(Duration.ofMillis(1))
                        .toCompletableFuture()
                        .join())
                .isInstanceOf(CompletionException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aReactiveClientOverTheSameSettingsWhenReactorIsPresent() {
        runner.withPropertyValues(fixture.tokenProperties(configDir)).run(ctx -> {
            ReactiveNemoClient reactive = ctx.getBean(ReactiveNemoClient.class);
            assertThat(reactive.blocking().baseUrl())
                    .isEqualTo(ctx.getBean(NemoClient.class).baseUrl());
            assertThat(reactive.credits().balance().block().available()).isEqualTo(500);
        });
    }

    @Test
    void noReactiveClientWithoutReactor() {
        runner.withPropertyValues(fixture.tokenProperties(configDir))
                .withClassLoader(new FilteredClassLoader(Flux.class))
                .run(ctx -> {
                    assertThat(ctx).hasSingleBean(NemoClient.class);
                    assertThat(ctx).doesNotHaveBean(ReactiveNemoClient.class);
                });
    }

    @Test
    void theTokenIsInNoToStringOfTheContext() {
        runner.withPropertyValues(fixture.tokenProperties(configDir)).run(ctx -> {
            assertThat(ctx.getBean(NemoProperties.class).toString())
                    .doesNotContain(EmulatorFixture.TOKEN)
                    .contains("****");
            assertThat(ctx.getBean(NemoClient.class).toString()).doesNotContain(EmulatorFixture.TOKEN);
        });
    }

    @Test
    void anInvalidBaseUrlFailsTheStartupWithTheReason() {
        runner.withPropertyValues(
                        "nemo.base-url=ftp://nowhere",
                        "nemo.use-environment-variables=false",
                        "nemo.config-directory=" + configDir)
                .run(ctx -> assertThat(ctx)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("base URL must be an absolute http(s) URL"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {
        @Bean
        @Order(2)
        NemoClientBuilderCustomizer second() {
            return b -> b.attribution(Attribution.defaults().withSource("second"));
        }

        @Bean
        @Order(1)
        NemoClientBuilderCustomizer first() {
            return b -> b.attribution(Attribution.defaults().withSource("first"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        @Bean
        NemoClient myClient() {
            return NemoClient.builder()
                    .baseUrl("http://own.example")
                    .token("own")
                    .build();
        }
    }
}
