package dev.nemo.sdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.spring.boot.internal.TokenSanitizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Actuator's {@code configprops} and {@code env} endpoints, told to show values
 * ({@code show-values=ALWAYS}), still mask the token, and show the other {@code nemo.*} values.
 */
class TokenExposureTest {
    private static final String ENV_TOKEN = "nemo-env-token-91b2e0";

    private final EmulatorFixture fixture = new EmulatorFixture();

    @TempDir
    Path configDir;

    @AfterEach
    void stop() {
        fixture.close();
    }

    private ConfigurableApplicationContext start() {
        List<String> props = new ArrayList<>(List.of(fixture.tokenProperties(configDir)));
        props.addAll(List.of(
                "management.endpoints.web.exposure.include=env,configprops",
                "management.endpoint.env.show-values=ALWAYS",
                "management.endpoint.configprops.show-values=ALWAYS"));
        ConfigurableApplicationContext ctx = TestApp.run(props.toArray(String[]::new));
        // an environment variable as the env endpoint would list it
        ctx.getEnvironment()
                .getPropertySources()
                .addLast(new MapPropertySource("fakeSystemEnvironment", Map.of("NEMO_TOKEN", ENV_TOKEN)));
        return ctx;
    }

    @Test
    void theEnvEndpointMasksNemoTokenAndNemoTokenVariableButShowsTheBaseUrl() {
        try (ConfigurableApplicationContext ctx = start()) {
            EnvironmentEndpoint env = ctx.getBean(EnvironmentEndpoint.class);
            assertThat(env.environmentEntry("nemo.token").getProperty().getValue())
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(env.environmentEntry("NEMO_TOKEN").getProperty().getValue())
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(env.environmentEntry("nemo.base-url").getProperty().getValue())
                    .isEqualTo(fixture.emulator.baseUrl());
            assertThat(String.valueOf(env.environment(null).getPropertySources()))
                    .doesNotContain(EmulatorFixture.TOKEN)
                    .doesNotContain(ENV_TOKEN);
        }
    }

    @Test
    void theConfigpropsEndpointMasksTheTokenButShowsTheBaseUrl() {
        try (ConfigurableApplicationContext ctx = start()) {
            ConfigurationPropertiesReportEndpoint endpoint = ctx.getBean(ConfigurationPropertiesReportEndpoint.class);
            Map<String, Object> nemo = endpoint.configurationPropertiesWithPrefix("nemo")
                    .getContexts()
                    .values()
                    .iterator()
                    .next()
                    .getBeans()
                    .values()
                    .iterator()
                    .next()
                    .getProperties();
            assertThat(nemo.get("token")).isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(nemo.get("baseUrl")).isEqualTo(fixture.emulator.baseUrl());
            assertThat(String.valueOf(nemo)).doesNotContain(EmulatorFixture.TOKEN);
        }
    }

    @Test
    void tokenKeysInEveryRelaxedSpelling() {
        assertThat(List.of("nemo.token", "NEMO_TOKEN", "nemo.Token", "nemo.health.token", "nemo.api-token"))
                .allMatch(TokenSanitizer::isTokenKey);
        assertThat(List.of("nemo.base-url", "token", "other.token", "nemo.token-count-limit"))
                .noneMatch(TokenSanitizer::isTokenKey);
    }
}
