package dev.nemo.sdk.reactive;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.lessThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.credits.Credits;
import dev.nemo.sdk.error.InsufficientCreditsException;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.error.TokenExpiredException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.session.CreateSessionRequest;
import dev.nemo.sdk.session.Session;
import dev.nemo.sdk.testing.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CreditsAndSessionsTest extends ReactiveWireMockTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    private static final RequestOptions NO_RETRY =
            RequestOptions.builder().retryPolicy(RetryPolicy.none()).build();

    @Test
    void balanceSendsNothingUntilSubscribedAndOncePerSubscription() {
        wm.stubFor(Stubs.credits().willReturn(Stubs.creditsOk(100)));
        Mono<Credits> balance = reactive.credits().balance();
        assertThat(wm.getAllServeEvents()).isEmpty();

        StepVerifier.create(balance)
                .expectNext(new Credits(100, 40, 140))
                .expectComplete()
                .verify(HANG_GUARD);
        wm.verify(
                1,
                getRequestedFor(urlEqualTo(Stubs.CREDITS))
                        .withHeader("Authorization", equalTo("Bearer " + TestTokens.EXPLICIT)));

        StepVerifier.create(balance).expectNextCount(1).expectComplete().verify(HANG_GUARD);
        wm.verify(2, getRequestedFor(urlEqualTo(Stubs.CREDITS)));
    }

    @Test
    void createSendsTheRequestOncePerSubscription() {
        wm.stubFor(Stubs.sessions().willReturn(Stubs.sessionOk()));
        Mono<Session> create = reactive.sessions().create(new CreateSessionRequest("gif", "en"));
        assertThat(wm.getAllServeEvents()).isEmpty();

        StepVerifier.create(create)
                .assertNext(s -> {
                    assertThat(s.sessionId()).isEqualTo(Stubs.SESSION_ID);
                    assertThat(s.taskId()).isEqualTo("task_1");
                })
                .expectComplete()
                .verify(HANG_GUARD);
        wm.verify(
                1,
                postRequestedFor(urlEqualTo(Stubs.SESSIONS))
                        .withRequestBody(equalToJson("{\"task_name\":\"gif\",\"language\":\"en\"}")));
    }

    @Test
    void defaultSessionRequestIsBuiltAtSubscription() {
        wm.stubFor(Stubs.sessions().willReturn(Stubs.sessionOk()));
        Mono<Session> create = reactive.sessions().create();
        assertThat(wm.getAllServeEvents()).isEmpty();
        StepVerifier.create(create).expectNextCount(1).expectComplete().verify(HANG_GUARD);
        wm.verify(
                1,
                postRequestedFor(urlEqualTo(Stubs.SESSIONS))
                        .withRequestBody(equalToJson("{\"task_name\":\"project\"}", true, true)));
    }

    @Test
    void errorsAreTheCoresTypedExceptionsUnwrapped() {
        wm.stubFor(Stubs.credits().willReturn(Stubs.code(1001)));
        wm.stubFor(Stubs.sessions().willReturn(Stubs.code(2001)));

        StepVerifier.create(reactive.credits().balance())
                .expectErrorSatisfies(e -> assertThat(e).isExactlyInstanceOf(TokenExpiredException.class))
                .verify(HANG_GUARD);
        StepVerifier.create(reactive.sessions().create(CreateSessionRequest.inLanguage("en")))
                .expectErrorSatisfies(e -> assertThat(e).isExactlyInstanceOf(InsufficientCreditsException.class))
                .verify(HANG_GUARD);
    }

    @Test
    void contextCarriesRequestOptions() {
        wm.stubFor(Stubs.credits().willReturn(Stubs.status(503)));

        StepVerifier.create(reactive.credits().balance().contextWrite(NemoContext.withOptions(NO_RETRY)))
                .expectError(ServerException.class)
                .verify(HANG_GUARD);
        // without the context's policy the GET would have been retried
        wm.verify(1, getRequestedFor(urlEqualTo(Stubs.CREDITS)));
    }

    @Test
    void explicitOptionsWinOverTheContext() {
        wm.stubFor(Stubs.credits().willReturn(Stubs.status(503)));
        RequestOptions twoAttempts = RequestOptions.builder()
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(2)
                        .initialBackoff(Duration.ZERO)
                        .maxBackoff(Duration.ZERO)
                        .build())
                .build();

        StepVerifier.create(reactive.credits().balance(twoAttempts).contextWrite(NemoContext.withOptions(NO_RETRY)))
                .expectError(ServerException.class)
                .verify(HANG_GUARD);
        wm.verify(2, getRequestedFor(urlEqualTo(Stubs.CREDITS)));
    }

    @Test
    void contextOptionsReachSessionCreation() {
        wm.stubFor(Stubs.sessions().willReturn(Stubs.sessionOk().withFixedDelay(5_000)));
        RequestOptions shortDeadline = RequestOptions.builder()
                .timeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.none())
                .build();

        StepVerifier.create(reactive.sessions()
                        .create(CreateSessionRequest.inLanguage("en"))
                        .contextWrite(NemoContext.withOptions(shortDeadline)))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(TransportException.class)
                        .extracting(t -> ((TransportException) t).kind())
                        .isEqualTo(TransportException.Kind.TIMEOUT))
                .verify(HANG_GUARD);
        // on a loaded machine the 200 ms may run out before the POST reaches the server: at most once, never again
        wm.verify(lessThanOrExactly(1), postRequestedFor(urlEqualTo(Stubs.SESSIONS)));
    }
}
