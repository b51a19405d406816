package dev.nemo.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.nemo.sdk.error.RateLimitedException;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.error.TokenExpiredException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.WireMockApi;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The recovery rules of the transport, each in isolation. Waits are virtual. */
class RecoveryTest {
    private static final String TOKEN = "/api/auth/anonymous-token";
    private static final String CREDITS = "/api/credits/balance/simple";
    private static final String SESSIONS = "/api/tasks/me/with-session/nemo_agent";
    private static final String CREDITS_OK = "{\"code\":0,\"data\":{\"available\":5,\"frozen\":0,\"total\":5}}";

    @TempDir
    Path dir;
    @RegisterExtension
    final WireMockApi wm = new WireMockApi();

    private NemoClient anonymousClient() {
        return wm.client(dir).clientId("client-42").build();
    }

    private void tokensInSequence() {
        wm.stubFor(post(TOKEN).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"code\":0,\"data\":{\"token\":\"" + TestTokens.ANON_1 + "\"}}"))
                .willSetStateTo("second"));
        wm.stubFor(post(TOKEN).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson("{\"code\":0,\"data\":{\"token\":\"" + TestTokens.ANON_2 + "\"}}")));
    }

    @Test
    void tokenExpiredRenewsOnceWithTheSameClientIdAndReplays() {
        tokensInSequence();
        wm.stubFor(get(CREDITS).withHeader("Authorization", equalTo("Bearer " + TestTokens.ANON_1))
                .willReturn(okJson("{\"code\":1001,\"message\":\"expired\"}")));
        wm.stubFor(get(CREDITS).withHeader("Authorization", equalTo("Bearer " + TestTokens.ANON_2))
                .willReturn(okJson(CREDITS_OK)));

        try (NemoClient client = anonymousClient()) {
            assertThat(client.credits().balance().available()).isEqualTo(5);
        }

        wm.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN)).withHeader("X-Client-Id", equalTo("client-42")));
        wm.verify(exactly(2), getRequestedFor(urlEqualTo(CREDITS)));
    }

    @Test
    void renewalIsTriedOnlyOnce() {
        tokensInSequence();
        wm.stubFor(get(CREDITS).willReturn(okJson("{\"code\":1001}")));

        try (NemoClient client = anonymousClient()) {
            assertThatThrownBy(() -> client.credits().balance())
                    .isInstanceOf(TokenExpiredException.class);
        }

        wm.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN)));
        wm.verify(exactly(2), getRequestedFor(urlEqualTo(CREDITS)));
    }

    @Test
    void explicitTokensSurfaceTokenExpiredWithoutRenewal() {
        wm.stubFor(get(CREDITS).willReturn(okJson("{\"code\":1001}")));

        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            assertThatThrownBy(() -> client.credits().balance())
                    .isInstanceOf(TokenExpiredException.class);
        }

        wm.verify(exactly(0), postRequestedFor(urlEqualTo(TOKEN)));
        wm.verify(exactly(1), getRequestedFor(urlEqualTo(CREDITS)));
    }

    @Test
    void tokenFromEnvironmentIsUsedAndNotRenewed() {
        wm.stubFor(get(CREDITS).willReturn(okJson(CREDITS_OK)));

        try (NemoClient client = wm.client(dir)
                .environment(java.util.Map.of("NEMO_TOKEN", TestTokens.EXPLICIT)).build()) {
            client.credits().balance();
            assertThat(client.clientId()).isEmpty();
        }

        wm.verify(getRequestedFor(urlEqualTo(CREDITS)).withHeader("Authorization",
                equalTo("Bearer " + TestTokens.EXPLICIT)));
        wm.verify(exactly(0), postRequestedFor(urlEqualTo(TOKEN)));
    }

    @Test
    void rateLimitWaitsRetryAfterSecondsThenRetriesOnce() {
        wm.stubFor(get(CREDITS).inScenario("rl").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "12")).willSetStateTo("ok"));
        wm.stubFor(get(CREDITS).inScenario("rl").whenScenarioStateIs("ok").willReturn(okJson(CREDITS_OK)));

        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            assertThat(client.credits().balance().available()).isEqualTo(5);
        }

        assertThat(wm.time().sleeps()).containsExactly(Duration.ofSeconds(12));
        wm.verify(exactly(2), getRequestedFor(urlEqualTo(CREDITS)));
    }

    @Test
    void rateLimitWithHttpDateIsHonoured() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                wm.time().instant().plusSeconds(45).atOffset(ZoneOffset.UTC));
        wm.stubFor(get(CREDITS).inScenario("rl").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", date)).willSetStateTo("ok"));
        wm.stubFor(get(CREDITS).inScenario("rl").whenScenarioStateIs("ok").willReturn(okJson(CREDITS_OK)));

        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            client.credits().balance();
        }

        assertThat(wm.time().sleeps()).containsExactly(Duration.ofSeconds(45));
    }

    @Test
    void rateLimitWithoutRetryAfterWaitsThirtySecondsAndRaisesAfterOneRetry() {
        wm.stubFor(post(SESSIONS).willReturn(aResponse().withStatus(429)));

        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
                    () -> client.sessions().create());
            assertThat(e.retryAfter()).isEmpty();
        }

        assertThat(wm.time().sleeps()).containsExactly(Duration.ofSeconds(30));
        wm.verify(exactly(2), postRequestedFor(urlEqualTo(SESSIONS)));
    }

    @Test
    void idempotentGetRetriesServerErrorsWithBoundedJitteredBackoff() {
        wm.stubFor(get(CREDITS).inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("again"));
        wm.stubFor(get(CREDITS).inScenario("5xx").whenScenarioStateIs("again")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
        wm.stubFor(get(CREDITS).inScenario("5xx").whenScenarioStateIs("ok").willReturn(okJson(CREDITS_OK)));

        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            assertThat(client.credits().balance().available()).isEqualTo(5);
        }

        assertThat(wm.time().sleeps()).hasSize(2);
        assertThat(wm.time().sleeps().get(0)).isBetween(Duration.ZERO, Duration.ofMillis(500));
        assertThat(wm.time().sleeps().get(1)).isBetween(Duration.ZERO, Duration.ofMillis(1000));
        wm.verify(exactly(3), getRequestedFor(urlEqualTo(CREDITS)));
    }

    @Test
    void serverErrorsOnGetStopAfterMaxAttempts() {
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(500)));

        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT)
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).build()).build()) {
            assertThatThrownBy(() -> client.credits().balance())
                    .isInstanceOf(ServerException.class)
                    .satisfies(e -> assertThat(((ServerException) e).httpStatus()).isEqualTo(500));
        }

        wm.verify(exactly(4), getRequestedFor(urlEqualTo(CREDITS)));
    }

    @Test
    void postIsNotRetriedOnServerError() {
        wm.stubFor(post(SESSIONS).willReturn(aResponse().withStatus(500)));

        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            assertThatThrownBy(() -> client.sessions().create())
                    .isInstanceOf(ServerException.class)
                    .satisfies(e -> assertThat(((ServerException) e).httpStatus()).isEqualTo(500));
        }

        wm.verify(exactly(1), postRequestedFor(urlEqualTo(SESSIONS)));
    }

    @Test
    void postIsNeverReplayedAfterAConnectionResetAndTheErrorSaysSo() {
        wm.stubFor(post(SESSIONS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            TransportException e = catchThrowableOfType(TransportException.class, () -> client.sessions().create());
            assertThat(e.outcomeUnknown()).isTrue();
            assertThat(e.getMessage()).contains("not sent again");
        }

        wm.verify(exactly(1), postRequestedFor(urlEqualTo(SESSIONS)));
    }

    @Test
    void postIsNeverReplayedAfterAnEmptyResponse() {
        wm.stubFor(post(SESSIONS).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            assertThatThrownBy(() -> client.sessions().create())
                    .isInstanceOf(TransportException.class);
        }

        wm.verify(exactly(1), postRequestedFor(urlEqualTo(SESSIONS)));
    }

    @Test
    void getIsRetriedAfterAConnectionReset() {
        wm.stubFor(get(CREDITS).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        wm.stubFor(get(CREDITS).inScenario("reset").whenScenarioStateIs("ok").willReturn(okJson(CREDITS_OK)));

        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            assertThat(client.credits().balance().available()).isEqualTo(5);
        }

        wm.verify(exactly(2), getRequestedFor(urlEqualTo(CREDITS)));
    }

    @Test
    void connectFailuresAreRetriedEvenForPostsBecauseNothingWasSent() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (NemoClient client = NemoClient.builder().baseUrl("http://127.0.0.1:" + closedPort)
                .environment(java.util.Map.of()).configDirectory(dir).clock(wm.time()).sleeper(wm.time())
                .token(TestTokens.EXPLICIT).build()) {
            TransportException e = catchThrowableOfType(TransportException.class, () -> client.sessions().create());
            assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECT);
            assertThat(e.outcomeUnknown()).isFalse();
        }
        assertThat(wm.time().sleeps()).hasSize(2);
    }

    @Test
    void perRequestRetryPolicyOverridesTheClients() {
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(500)));

        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            assertThatThrownBy(() -> client.credits().balance(
                    RequestOptions.builder().retryPolicy(RetryPolicy.none()).build()))
                    .isInstanceOf(ServerException.class)
                    .satisfies(e -> assertThat(((ServerException) e).httpStatus()).isEqualTo(500));
        }

        wm.verify(exactly(1), getRequestedFor(urlEqualTo(CREDITS)));
    }

    @Test
    void aStalledBodyHitsTheDeadlineInsteadOfHanging() {
        wm.stubFor(get(CREDITS).willReturn(okJson(CREDITS_OK).withChunkedDribbleDelay(5, 20_000)));

        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT)
                .retryPolicy(RetryPolicy.none()).build()) {
            TransportException e = catchThrowableOfType(TransportException.class, () -> client.credits().balance(
                    RequestOptions.builder().timeout(Duration.ofMillis(300)).build()));
            assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
        }
    }
}
