package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.credits.Credits;
import dev.nemo.sdk.session.CreateSessionRequest;
import dev.nemo.sdk.session.Session;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK's public API end to end against the emulator, with no fault injected. */
class SdkEndToEndTest {
    private final VirtualTime time = VirtualTime.create();

    @TempDir
    Path dir;

    private NemoEmulator emulator;
    private NemoClient client;

    @BeforeEach
    void start() {
        emulator = NemoEmulator.start(EmulatorOptions.builder()
                .clock(time)
                .tokenTag(TestTokens.MARKER)
                .build());
        client = emulator.clientBuilder(dir).clientId("sdk-e2e-client").build();
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void createsSessionsAndReadsCreditsWithAnAnonymousToken() {
        Session session = client.sessions().create(CreateSessionRequest.inLanguage("en"));
        Credits credits = client.credits().balance();

        assertThat(session.sessionId()).matches("\\d{19}");
        assertThat(session.taskId()).startsWith("task_");
        assertThat(session.userId()).isPresent();
        assertThat(credits).isEqualTo(new Credits(100, 0, 100));
        assertThat(emulator.session(session.sessionId())).hasValueSatisfying(s -> {
            assertThat(s.userId()).isEqualTo(session.userId().orElseThrow());
            assertThat(s.language()).isEqualTo("en");
            assertThat(s.taskName()).isEqualTo("project");
        });
    }

    @Test
    void sendsTheClientIdOnlyOnTheTokenCallAndTheTokenAndAttributionEverywhereElse() {
        client.sessions().create();
        client.credits().balance();

        assertThat(emulator.requests(Endpoint.ANONYMOUS_TOKEN)).singleElement().satisfies(r -> {
            assertThat(r.header("X-Client-Id")).hasValue("sdk-e2e-client");
            assertThat(r.hasHeader("Authorization")).isFalse();
        });
        String token = emulator.requests(Endpoint.CREATE_SESSION)
                .get(0)
                .header("Authorization")
                .orElseThrow();
        assertThat(token).startsWith("Bearer nmv_usr_" + TestTokens.MARKER);
        assertThat(emulator.requests())
                .filteredOn(r -> r.endpoint() != Endpoint.ANONYMOUS_TOKEN)
                .hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.header("Authorization")).hasValue(token);
                    assertThat(r.header("X-Skill-Source")).hasValue("ai-gif-compressor");
                    assertThat(r.hasHeader("X-Skill-Version")).isTrue();
                    assertThat(r.hasHeader("X-Skill-Platform")).isTrue();
                    assertThat(r.hasHeader("X-Client-Id")).isFalse();
                });
        assertThat(emulator.requests(Endpoint.CREATE_SESSION).get(0).bodyText()).contains("\"task_name\":\"project\"");
    }

    @Test
    void concurrentCallsShareOneAnonymousToken() {
        CompletableFuture<?>[] calls = new CompletableFuture<?>[8];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = client.credits().balanceAsync(dev.nemo.sdk.RequestOptions.none());
        }
        CompletableFuture.allOf(calls).join();

        assertThat(emulator.requests(Endpoint.ANONYMOUS_TOKEN)).hasSize(1);
        assertThat(emulator.requests(Endpoint.CREDITS)).hasSize(8);
    }

    @Test
    void aStaticTokenWorksWithoutTheTokenCall() {
        try (NemoEmulator withToken = NemoEmulator.start(EmulatorOptions.builder()
                        .staticToken(TestTokens.EXPLICIT, 700)
                        .build());
                NemoClient c =
                        withToken.clientBuilder(dir).token(TestTokens.EXPLICIT).build()) {
            assertThat(c.credits().balance().available()).isEqualTo(700);
            assertThat(withToken.requests(Endpoint.ANONYMOUS_TOKEN)).isEmpty();
            assertThat(withToken.accounts())
                    .singleElement()
                    .satisfies(a -> assertThat(a.anonymous()).isFalse());
        }
    }

    @Test
    void editsCostCreditsThatTheSdkSees() {
        Session session = client.sessions().create();
        Http http = new Http(emulator);
        http.token = emulator.requests(Endpoint.CREATE_SESSION)
                .get(0)
                .header("Authorization")
                .orElseThrow()
                .substring("Bearer ".length());
        http.upload(session.sessionId(), Http.Part.file("a.gif", TestMedia.gif(100, 100, 10, 10)));
        http.chat(session.sessionId(), "add BGM", false);

        assertThat(client.credits().balance()).isEqualTo(new Credits(90, 0, 90));
    }
}
