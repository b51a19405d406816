package dev.nemo.sdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.testkit.Endpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole app at debug level (the SDK's HTTP log, Boot's condition report): the token appears nowhere. */
@ExtendWith(OutputCaptureExtension.class)
class TokenNotLoggedTest {
    private final EmulatorFixture fixture = new EmulatorFixture();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void debugLogsOfStartupCallsAndFailuresNeverHoldTheToken(CapturedOutput output) {
        List<String> props = new ArrayList<>(List.of(fixture.tokenProperties(dir)));
        props.addAll(List.of(
                "debug=true",
                "logging.level.dev.nemo=DEBUG",
                "logging.level.org.springframework.boot.context.properties=TRACE"));
        try (ConfigurableApplicationContext ctx = TestApp.run(props.toArray(String[]::new))) {
            NemoClient client = ctx.getBean(NemoClient.class);
            client.credits().balance();
            fixture.emulator.faults().on(Endpoint.CREDITS).times(3).status(503);
            try {
                client.credits().balance();
            } catch (RuntimeException expected) {
                System.out.println("failure as the app would log it: " + expected);
            }
        }
        assertThat(output.getAll())
                .contains("NemoAutoConfiguration")
                .contains("/api/credits/balance/simple")
                .doesNotContain(EmulatorFixture.TOKEN);
    }
}
