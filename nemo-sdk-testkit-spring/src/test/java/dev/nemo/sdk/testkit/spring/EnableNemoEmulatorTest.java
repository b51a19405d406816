package dev.nemo.sdk.testkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportStatus;
import dev.nemo.sdk.testkit.Endpoint;
import dev.nemo.sdk.testkit.NemoEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/** An app whose own properties name a real server and token: the annotation points it at the emulator. */
@SpringBootTest(
        classes = EnableNemoEmulatorTest.App.class,
        properties = {"nemo.base-url=https://api.invalid", "nemo.token=an-app-token-that-must-not-be-used"})
@EnableNemoEmulator
class EnableNemoEmulatorTest {
    static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    @Autowired
    NemoClient client;

    @Autowired
    NemoEmulator emulator;

    @TempDir
    Path dir;

    @BeforeEach
    void clean() {
        emulator.faults().clear();
    }

    @Test
    void theAppsClientTalksToTheEmulatorWithAnAnonymousToken() {
        assertThat(client.baseUrl().toString()).isEqualTo(emulator.baseUrl());
        emulator.clearRequests();
        assertThat(client.credits().balance().available()).isPositive();
        assertThat(client.clientId()).isPresent(); // anonymous credentials
        assertThat(emulator.requests(Endpoint.CREDITS)
                        .get(0)
                        .header("Authorization")
                        .orElseThrow())
                .doesNotContain("an-app-token-that-must-not-be-used");
    }

    @Test
    void theFaultDslReachesTheAppsClient() {
        emulator.clearRequests();
        emulator.faults().on(Endpoint.CREDITS).status(503);
        assertThat(client.credits().balance().available()).isPositive();
        assertThat(emulator.requests(Endpoint.CREDITS)).hasSize(2);
    }

    @Test
    void anExportWithTheDefault30SecondPollsCompletes() throws Exception {
        String sid = client.sessions().create().sessionId();
        Path gif = Files.write(dir.resolve("one.gif"), GIF);
        client.uploads().upload(sid, gif);
        Draft draft = client.state().get(sid).draft().orElseThrow();
        ExportJob done = client.exports().submit(sid, draft).waitForCompletion();
        assertThat(done.status()).isEqualTo(ExportStatus.COMPLETED);
    }

    @Test
    void everyWaitOfTheSdkIsCutShort() throws Exception {
        // an hour-long wait (what a long Retry-After or poll interval asks for) returns at once
        assertThat(client.sleeper()
                        .sleep(Duration.ofHours(1))
                        .toCompletableFuture()
                        .get(30, TimeUnit.SECONDS))
                .isNull();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {}
}
