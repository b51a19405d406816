package dev.nemo.sdk.testkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.testkit.Endpoint;
import dev.nemo.sdk.testkit.NemoEmulator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = NemoEmulatorPropertiesTest.App.class, properties = "nemo.token=an-app-token")
class NemoEmulatorPropertiesTest {
    static final NemoEmulator EMULATOR = NemoEmulator.start();

    @TempDir
    static Path dir;

    @Autowired
    NemoClient client;

    @Autowired
    PollingStrategy polling;

    @DynamicPropertySource
    static void nemo(DynamicPropertyRegistry registry) {
        NemoEmulatorProperties.register(registry, EMULATOR, dir);
    }

    @AfterAll
    static void stop() {
        EMULATOR.close();
    }

    @Test
    void theClientUsesTheEmulatorAnonymouslyWithFastPolling() {
        assertThat(client.baseUrl().toString()).isEqualTo(EMULATOR.baseUrl());
        assertThat(client.credits().balance().available()).isPositive();
        assertThat(EMULATOR.requests(Endpoint.ANONYMOUS_TOKEN)).hasSize(1);
        assertThat(polling.interval()).isEqualTo(Duration.ofMillis(10));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {}
}
