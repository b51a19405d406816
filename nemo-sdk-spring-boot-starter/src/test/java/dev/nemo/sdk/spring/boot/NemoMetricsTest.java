package dev.nemo.sdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.testkit.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The documented meters appear in a {@link SimpleMeterRegistry} with their tags, from real SDK calls. */
class NemoMetricsTest {
    private final EmulatorFixture fixture = new EmulatorFixture();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(NemoAutoConfiguration.class, NemoMetricsAutoConfiguration.class))
            .withUserConfiguration(Registries.class);

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aRetriedCallIsOneTimedSampleWithItsRetriesAndOneObservationSpanningIt() {
        fixture.emulator.faults().on(Endpoint.CREDITS).status(503);
        runner.withPropertyValues(fixture.tokenProperties(dir)).run(ctx -> {
            ctx.getBean(NemoClient.class).credits().balance();
            MeterRegistry meters = ctx.getBean(MeterRegistry.class);
            assertThat(meters.find(NemoMetricNames.REQUESTS).timers())
                    .singleElement()
                    .isSameAs(timer(meters, "credits.balance", "200", "success", "1"))
                    .satisfies(t -> assertThat(t.count()).isEqualTo(1));
            assertThat(attempts(meters, "503", "server_error").count()).isEqualTo(1);
            assertThat(attempts(meters, "200", "success").count()).isEqualTo(1);
            TestObservationRegistryAssert.assertThat(ctx.getBean(TestObservationRegistry.class))
                    .hasSingleObservationThat()
                    .hasNameEqualTo(NemoMetricNames.OBSERVATION)
                    .hasContextualNameEqualTo("nemo credits.balance")
                    .hasBeenStarted()
                    .hasBeenStopped()
                    .doesNotHaveError()
                    .hasLowCardinalityKeyValue(NemoMetricNames.OPERATION, "credits.balance")
                    .hasLowCardinalityKeyValue(NemoMetricNames.STATUS, "200")
                    .hasLowCardinalityKeyValue(NemoMetricNames.OUTCOME, "success")
                    .hasLowCardinalityKeyValue(NemoMetricNames.RETRIES, "1");
        });
    }

    @Test
    void aFailedCallIsTimedWithItsTypedOutcomeAndItsObservationHasTheError() {
        fixture.emulator.faults().on(Endpoint.CREDITS).always().status(503);
        runner.withPropertyValues(fixture.tokenProperties(dir)).run(ctx -> {
            assertThatThrownBy(() -> ctx.getBean(NemoClient.class).credits().balance())
                    .isInstanceOf(ServerException.class);
            assertThat(timer(ctx.getBean(MeterRegistry.class), "credits.balance", "503", "server_error", "2")
                            .count())
                    .isEqualTo(1);
            TestObservationRegistryAssert.assertThat(ctx.getBean(TestObservationRegistry.class))
                    .hasSingleObservationThat()
                    .hasBeenStopped()
                    .assertThatError()
                    .isInstanceOf(ServerException.class);
        });
    }

    @Test
    void aWholeSessionIsTimedStreamFirstEventAndDownloadIncluded() {
        runner.withPropertyValues(fixture.tokenProperties(dir))
                .withPropertyValues("nemo.polling.interval=1ms")
                .run(ctx -> {
                    NemoClient client = ctx.getBean(NemoClient.class);
                    String sid = client.sessions().create().sessionId();
                    client.uploads().upload(sid, Files.write(dir.resolve("a.gif"), TinyGif.BYTES));
                    ChatResult chat = client.chat().send(sid, "compress this GIF to under 500KB");
                    assertThat(chat.failure()).isEmpty();
                    ExportJob done = client.exports()
                            .submit(
                                    sid,
                                    client.state().get(sid).draft().orElseThrow(),
                                    dev.nemo.sdk.export.ExportOptions.builder()
                                            .polling(ctx.getBean(dev.nemo.sdk.export.PollingStrategy.class))
                                            .build())
                            .waitForCompletion();
                    client.exports().download(done, Files.createDirectories(dir.resolve("out")));

                    MeterRegistry meters = ctx.getBean(MeterRegistry.class);
                    List<String> ops = new ArrayList<>();
                    meters.find(NemoMetricNames.REQUESTS)
                            .timers()
                            .forEach(t -> ops.add(t.getId().getTag(NemoMetricNames.OPERATION)));
                    assertThat(ops)
                            .contains(
                                    "sessions.create",
                                    "uploads.upload",
                                    "chat.stream",
                                    "state.get",
                                    "exports.submit",
                                    "exports.poll",
                                    "exports.download");
                    assertThat(meters.find(NemoMetricNames.REQUESTS).timers())
                            .allSatisfy(t -> assertThat(t.getId().getTag(NemoMetricNames.RETRIES))
                                    .isEqualTo("0"));
                    Timer stream = meters.get(NemoMetricNames.CHAT_STREAM).timer();
                    assertThat(stream.count()).isEqualTo(1);
                    assertThat(stream.getId().getTag(NemoMetricNames.OUTCOME)).startsWith("completed_");
                    assertThat(meters.get(NemoMetricNames.CHAT_FIRST_EVENT)
                                    .timer()
                                    .count())
                            .isEqualTo(1);
                    assertThat(meters.get(NemoMetricNames.EXPORT_WAIT)
                                    .tag(NemoMetricNames.OUTCOME, "completed")
                                    .timer()
                                    .count())
                            .isEqualTo(1);
                });
    }

    @Test
    void anAppsOwnHttpClientKeepsTheMeters() {
        runner.withPropertyValues(fixture.tokenProperties(dir))
                .withBean(
                        "ownHttpClient",
                        NemoClientBuilderCustomizer.class,
                        () -> builder -> builder.httpClient(HttpClient.newBuilder()
                                .followRedirects(HttpClient.Redirect.NEVER)
                                .build()))
                .run(ctx -> {
                    assertThat(ctx.getBean(NemoClient.class).credits().balance().available())
                            .isEqualTo(500);
                    assertThat(timer(ctx.getBean(MeterRegistry.class), "credits.balance", "200", "success", "0")
                                    .count())
                            .isEqualTo(1);
                });
    }

    @Test
    void offWithThePropertyOrWithoutMicrometer() {
        runner.withPropertyValues(fixture.tokenProperties(dir))
                .withPropertyValues("nemo.metrics.enabled=false")
                .run(ctx -> {
                    ctx.getBean(NemoClient.class).credits().balance();
                    assertThat(ctx.getBean(MeterRegistry.class)
                                    .find(NemoMetricNames.REQUESTS)
                                    .timers())
                            .isEmpty();
                });
        new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(NemoAutoConfiguration.class, NemoMetricsAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .withPropertyValues(fixture.tokenProperties(dir))
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().doesNotHaveBean("nemoMetricsCustomizer");
                    assertThat(ctx.getBean(NemoClient.class).credits().balance().available())
                            .isEqualTo(500);
                });
    }

    private static Timer timer(MeterRegistry meters, String operation, String status, String outcome, String retries) {
        return meters.get(NemoMetricNames.REQUESTS)
                .tag(NemoMetricNames.OPERATION, operation)
                .tag(NemoMetricNames.STATUS, status)
                .tag(NemoMetricNames.OUTCOME, outcome)
                .tag(NemoMetricNames.RETRIES, retries)
                .timer();
    }

    private static Timer attempts(MeterRegistry meters, String status, String outcome) {
        return meters.get(NemoMetricNames.ATTEMPTS)
                .tag(NemoMetricNames.OPERATION, "credits.balance")
                .tag(NemoMetricNames.STATUS, status)
                .tag(NemoMetricNames.OUTCOME, outcome)
                .timer();
    }

    @Configuration(proxyBeanMethods = false)
    static class Registries {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }
    }
}
