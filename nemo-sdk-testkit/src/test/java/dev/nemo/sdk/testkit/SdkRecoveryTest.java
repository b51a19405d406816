package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.credits.Credits;
import dev.nemo.sdk.error.DecodeException;
import dev.nemo.sdk.error.ExportNotAllowedException;
import dev.nemo.sdk.error.FileTooLargeException;
import dev.nemo.sdk.error.InsufficientCreditsException;
import dev.nemo.sdk.error.MissingClientIdException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.RateLimitedException;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.error.SessionNotFoundException;
import dev.nemo.sdk.error.TokenExpiredException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.error.UnsupportedFileTypeException;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every fault the emulator can inject on the SDK's endpoints, and the SDK's typed error or recovery. */
class SdkRecoveryTest {
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
        client = emulator.clientBuilder(dir).clientId("recovery-client").build();
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void anExpiredTokenIsRenewedWithTheSameClientIdAndTheCallReplayedOnce() {
        client.credits().balance();
        Fault expiry = emulator.faults().expireTokenOnNextCall();

        Credits credits = client.credits().balance();

        assertThat(credits.available()).isEqualTo(100);
        assertThat(expiry.hits()).isEqualTo(1);
        assertThat(emulator.requests(Endpoint.ANONYMOUS_TOKEN))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.header("X-Client-Id")).hasValue("recovery-client"));
        assertThat(emulator.requests(Endpoint.CREDITS)).hasSize(3);
        String before = emulator.requests(Endpoint.CREDITS)
                .get(1)
                .header("Authorization")
                .orElseThrow();
        String after = emulator.requests(Endpoint.CREDITS)
                .get(2)
                .header("Authorization")
                .orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(emulator.accounts()).hasSize(1);
    }

    @Test
    void a1001ThatSurvivesRenewalSurfacesAsTokenExpired() {
        client.credits().balance();
        emulator.faults().on(Endpoint.CREDITS).times(2).expireToken();

        assertThatThrownBy(() -> client.credits().balance())
                .isInstanceOf(TokenExpiredException.class)
                .satisfies(e -> assertThat(((NemoException) e).apiCode()).hasValue(1001));
        assertThat(emulator.requests(Endpoint.ANONYMOUS_TOKEN)).hasSize(2);
    }

    @Test
    void aRateLimitIsWaitedOutOnceWithRetryAfterInVirtualTime() {
        emulator.faults().on(Endpoint.CREDITS).rateLimited(Duration.ofSeconds(30));

        assertThat(client.credits().balance().available()).isEqualTo(100);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
        assertThat(emulator.requests(Endpoint.CREDITS)).hasSize(2);
    }

    @Test
    void aRateLimitStormSurfacesAfterOneRetry() {
        emulator.faults().rateLimitStorm(Endpoint.CREDITS, 5, Duration.ofSeconds(12));

        assertThatThrownBy(() -> client.credits().balance())
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(12)));
        assertThat(emulator.requests(Endpoint.CREDITS)).hasSize(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void theTokenCallIsRateLimitedLikeAnyOther() {
        emulator.faults().rateLimitStorm(Endpoint.ANONYMOUS_TOKEN, 2, Duration.ofSeconds(30));

        assertThatThrownBy(() -> client.credits().balance()).isInstanceOf(RateLimitedException.class);
        assertThat(emulator.requests(Endpoint.ANONYMOUS_TOKEN)).hasSize(2);
        assertThat(emulator.requests(Endpoint.CREDITS)).isEmpty();
    }

    @Test
    void aSecondClientWithTheSameIdIsRefusedWhileTheFirstTokenLives(@TempDir Path elsewhere) {
        client.credits().balance();
        // another machine (no saved token) with the same client id
        try (NemoClient second = emulator.clientBuilder(elsewhere)
                .clientId("recovery-client")
                .retryPolicy(RetryPolicy.defaults())
                .build()) {
            assertThatThrownBy(() -> second.credits().balance()).isInstanceOf(RateLimitedException.class);
        }
        assertThat(emulator.requests(Endpoint.ANONYMOUS_TOKEN)).hasSize(2);
        assertThat(emulator.requests(Endpoint.ANONYMOUS_TOKEN).get(1).header("X-Client-Id"))
                .hasValue("recovery-client");
        assertThat(time.sleeps())
                .as("a week-long Retry-After is not waited out")
                .isEmpty();
    }

    @Test
    void aLaterRunOnTheSameMachineReusesTheSavedToken() {
        client.credits().balance();
        try (NemoClient later =
                emulator.clientBuilder(dir).clientId("recovery-client").build()) {
            assertThat(later.credits().balance().available()).isPositive();
        }
        assertThat(emulator.requests(Endpoint.ANONYMOUS_TOKEN)).hasSize(1);
    }

    @ParameterizedTest(name = "code {0} with HTTP {1}")
    @CsvSource({"1002,200", "1002,404", "2001,200", "2001,402", "4001,200", "4002,413"})
    void bodyCodesMapToTypedErrorsWhateverTheStatus(int code, int status) {
        emulator.faults().on(Endpoint.CREATE_SESSION).errorCode(code, status);

        Class<? extends NemoException> expected = code == 1002
                ? SessionNotFoundException.class
                : code == 2001
                        ? InsufficientCreditsException.class
                        : code == 4001 ? UnsupportedFileTypeException.class : FileTooLargeException.class;
        assertThatThrownBy(() -> client.sessions().create())
                .isInstanceOf(expected)
                .satisfies(e -> assertThat(((NemoException) e).apiCode()).hasValue(code));
        assertThat(emulator.requests(Endpoint.CREATE_SESSION)).hasSize(1);
    }

    @Test
    void outOfCreditsCarriesTheBindLinkOfTheAnonymousUser() {
        client.credits().balance();
        emulator.faults().on(Endpoint.CREATE_SESSION).errorCode(2001);
        String userId =
                emulator.accountForClient("recovery-client").orElseThrow().userId();

        assertThatThrownBy(() -> client.sessions().create())
                .isInstanceOfSatisfying(
                        InsufficientCreditsException.class,
                        e -> assertThat(e.bindUrl()).hasValue("https://nemovideo.com/register?bind=" + userId));
    }

    @Test
    void a402IsAnExportPermissionErrorNotACreditsError() {
        emulator.faults().on(Endpoint.CREATE_SESSION).renderError(402, "Payment Required");

        assertThatThrownBy(() -> client.sessions().create()).isInstanceOf(ExportNotAllowedException.class);
    }

    @Test
    void a400OnTheTokenCallMakesANewClientIdOnceAndAsksAgain() {
        emulator.faults().on(Endpoint.ANONYMOUS_TOKEN).body(400, "application/json", "{\"detail\":\"X-Client-Id\"}");

        assertThat(client.credits().balance().available()).isEqualTo(100);

        assertThat(emulator.requests(Endpoint.ANONYMOUS_TOKEN)).hasSize(2);
    }

    @Test
    void a400OnTheTokenCallTwiceIsAMissingClientId() {
        emulator.faults()
                .on(Endpoint.ANONYMOUS_TOKEN)
                .times(2)
                .body(400, "application/json", "{\"detail\":\"X-Client-Id\"}");

        assertThatThrownBy(() -> client.credits().balance()).isInstanceOf(MissingClientIdException.class);

        assertThat(emulator.requests(Endpoint.ANONYMOUS_TOKEN)).hasSize(2);
    }

    @Test
    void idempotentReadsAreRetriedAfterEmptyServerErrors() {
        emulator.faults().on(Endpoint.CREDITS).times(2).status(503);

        assertThat(client.credits().balance().available()).isEqualTo(100);

        assertThat(emulator.requests(Endpoint.CREDITS)).hasSize(3);
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void persistentHtmlErrorsSurfaceAsServerExceptionsAfterTheRetries() {
        emulator.faults().on(Endpoint.CREDITS).always().html(502);

        assertThatThrownBy(() -> client.credits().balance())
                .isInstanceOfSatisfying(
                        ServerException.class, e -> assertThat(e.httpStatus()).isEqualTo(502));
        assertThat(emulator.requests(Endpoint.CREDITS))
                .hasSize(RetryPolicy.defaults().maxAttempts());
    }

    @Test
    void aNonIdempotentCallIsNotRepeatedAfterAServerErrorOrADroppedConnection() {
        emulator.faults().on(Endpoint.CREATE_SESSION).status(500);
        assertThatThrownBy(() -> client.sessions().create()).isInstanceOf(ServerException.class);
        assertThat(emulator.requests(Endpoint.CREATE_SESSION)).hasSize(1);

        emulator.faults().on(Endpoint.CREATE_SESSION).dropConnection();
        assertThatThrownBy(() -> client.sessions().create())
                .isInstanceOfSatisfying(
                        TransportException.class,
                        e -> assertThat(e.outcomeUnknown()).isTrue());
        assertThat(emulator.requests(Endpoint.CREATE_SESSION)).hasSize(2);
    }

    @Test
    void aDroppedConnectionOnAReadIsRetried() {
        emulator.faults().on(Endpoint.CREDITS).dropConnection();

        assertThat(client.credits().balance().available()).isEqualTo(100);
        assertThat(emulator.requests(Endpoint.CREDITS)).hasSize(2);
    }

    @Test
    void aSuccessStatusWithAnHtmlBodyIsADecodeError() {
        emulator.faults().on(Endpoint.CREDITS).body(200, "text/html", "<!DOCTYPE html><html>login</html>");

        assertThatThrownBy(() -> client.credits().balance())
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("HTML");
    }

    @Test
    void aHeldResponseRunsIntoTheClientsDeadline() throws InterruptedException {
        Fault hold = emulator.faults().on(Endpoint.CREDITS).hold();
        RequestOptions quick = RequestOptions.builder()
                .timeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.none())
                .build();

        assertThatThrownBy(() -> client.credits().balance(quick))
                .isInstanceOfSatisfying(
                        TransportException.class, e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
        assertThat(hold.awaitHit(Duration.ofSeconds(5))).isTrue();
        hold.release();
        assertThat(client.credits().balance().available()).isEqualTo(100);
    }

    @Test
    void aDelayedResponseStillArrives() {
        Fault delay = emulator.faults().on(Endpoint.CREDITS).delay(Duration.ofMillis(50));

        assertThat(client.credits().balance().available()).isEqualTo(100);
        assertThat(delay.hits()).isEqualTo(1);
        assertThat(delay.remaining()).isZero();
    }
}
