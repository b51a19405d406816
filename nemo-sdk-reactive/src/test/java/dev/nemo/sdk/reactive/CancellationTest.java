package dev.nemo.sdk.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.session.CreateSessionRequest;
import dev.nemo.sdk.testing.TestTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** Cancelling a subscription closes the HTTP exchange (well before any deadline would). */
class CancellationTest {
    @TempDir
    Path dir;

    SilentServer server;
    NemoClient core;
    ReactiveNemoClient reactive;

    @BeforeEach
    void start() throws Exception {
        server = new SilentServer();
        core = NemoClient.builder()
                .baseUrl(server.baseUrl())
                .environment(Map.of())
                .configDirectory(dir)
                .token(TestTokens.EXPLICIT)
                .requestTimeout(Duration.ofMinutes(10))
                .retryPolicy(RetryPolicy.none())
                .build();
        reactive = ReactiveNemoClient.create(core);
    }

    @AfterEach
    void stop() throws Exception {
        reactive.close();
        core.close();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"credits", "sessions", "state", "export poll", "export cancel"})
    void cancellingTheSubscriptionClosesTheConnection(String operation) throws Exception {
        Map<String, Function<ReactiveNemoClient, Mono<?>>> operations = Map.of(
                "credits", r -> r.credits().balance(),
                "sessions", r -> r.sessions().create(CreateSessionRequest.inLanguage("en")),
                "state", r -> r.state().get(Stubs.SESSION_ID),
                "export poll", r -> r.exports().poll(ExportTest.SAVED),
                "export cancel", r -> r.exports().cancel(ExportTest.SAVED));
        Disposable subscription = operations.get(operation).apply(reactive).subscribe();

        assertThat(server.requestReceived.await(20, TimeUnit.SECONDS))
                .as("request received")
                .isTrue();
        assertThat(server.closedByClient.getCount()).isEqualTo(1);
        subscription.dispose();
        assertThat(server.closedByClient.await(20, TimeUnit.SECONDS))
                .as("connection closed by the client")
                .isTrue();
    }
}
