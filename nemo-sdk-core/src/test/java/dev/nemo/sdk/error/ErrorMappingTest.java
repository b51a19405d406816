package dev.nemo.sdk.error;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.session.CreateSessionRequest;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.WireMockApi;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every documented code and status, in both channels (HTTP 200 with a body code, and a 4xx with it). */
class ErrorMappingTest {
    private static final String CREDITS = "/api/credits/balance/simple";

    @TempDir
    Path dir;
    @RegisterExtension
    final WireMockApi wm = new WireMockApi();
    NemoClient client;

    @BeforeEach
    void setUp() {
        client = wm.client(dir)
                .token(TestTokens.EXPLICIT)
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static Stream<Arguments> bodyCodes() {
        return Stream.of(
                Arguments.of(1001, TokenExpiredException.class),
                Arguments.of(1002, SessionNotFoundException.class),
                Arguments.of(2001, InsufficientCreditsException.class),
                Arguments.of(4001, UnsupportedFileTypeException.class),
                Arguments.of(4002, FileTooLargeException.class));
    }

    @ParameterizedTest(name = "code {0} with HTTP 200")
    @MethodSource("bodyCodes")
    void bodyCodeWithHttp200(int code, Class<? extends NemoException> type) {
        wm.stubFor(get(CREDITS).willReturn(okJson("{\"code\":" + code + ",\"message\":\"server says no\"}")));

        NemoException e = catchThrowableOfType(NemoException.class, () -> client.credits().balance());

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.apiCode()).hasValue(code);
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.getMessage()).contains(String.valueOf(code)).contains("server says no");
        assertThat(e.requestPath()).hasValue(CREDITS);
    }

    @ParameterizedTest(name = "code {0} with HTTP 4xx")
    @MethodSource("bodyCodes")
    void bodyCodeWithHttp4xx(int code, Class<? extends NemoException> type) {
        int status = code == 1001 ? 401 : code == 2001 ? 402 : code == 1002 ? 404 : 400;
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"" + code + "\",\"message\":\"refused\",\"data\":null}")));

        NemoException e = catchThrowableOfType(NemoException.class, () -> client.credits().balance());

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.apiCode()).hasValue(code);
        assertThat(e.httpStatus()).isEqualTo(status);
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(401, "", TokenExpiredException.class),
                Arguments.of(402, "{\"detail\":\"export requires a plan\"}", ExportNotAllowedException.class),
                Arguments.of(429, "", RateLimitedException.class),
                Arguments.of(500, "", ServerException.class),
                Arguments.of(502, "<html><body>Bad gateway</body></html>", ServerException.class),
                Arguments.of(503, "{\"code\":0}", ServerException.class),
                Arguments.of(400, "{\"detail\":\"bad id\"}", BadRequestException.class),
                Arguments.of(403, "{\"detail\":\"scope\"}", PermissionDeniedException.class),
                Arguments.of(404, "", NotFoundException.class),
                Arguments.of(409, "{\"detail\":\"taken\"}", ConflictException.class),
                Arguments.of(418, "teapot", NemoServiceException.class));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @MethodSource("statuses")
    void httpStatuses(int status, String body, Class<? extends NemoException> type) {
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(status).withBody(body)));

        NemoException e = catchThrowableOfType(NemoException.class, () -> client.credits().balance());

        assertThat(e).isExactlyInstanceOf(type).isInstanceOf(NemoServiceException.class);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.apiCode()).isEmpty();
    }

    @Test
    void exportNotAllowedSaysItIsNotAboutCredits() {
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(402)));

        assertThatThrownBy(() -> client.credits().balance())
                .isInstanceOf(ExportNotAllowedException.class)
                .hasMessageContaining("not a credits problem")
                .hasMessageContaining("attribution");
    }

    @Test
    void missingClientIdOnTheTokenCall() {
        wm.stubFor(post("/api/auth/anonymous-token").willReturn(aResponse().withStatus(400)));
        try (NemoClient anon = wm.client(dir).clientId("c-1").build()) {
            assertThatThrownBy(() -> anon.credits().balance()).isInstanceOf(MissingClientIdException.class);
        }
    }

    @Test
    void a400ElsewhereIsNotAboutTheClientId() {
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(400).withBody("{\"detail\":\"bad\"}")));

        NemoException e = catchThrowableOfType(NemoException.class, () -> client.credits().balance());

        assertThat(e).isExactlyInstanceOf(BadRequestException.class);
        assertThat(e.getMessage()).contains("400").contains("bad");
    }

    @Test
    void insufficientCreditsCarriesTheBindUrlWhenTheUserIsKnown() {
        wm.stubFor(post("/api/auth/anonymous-token").willReturn(okJson(
                "{\"code\":0,\"data\":{\"token\":\"" + TestTokens.ANON_1 + "\",\"user_id\":\"anon_abc123\"}}")));
        wm.stubFor(post("/api/tasks/me/with-session/nemo_agent").willReturn(okJson("{\"code\":2001}")));
        try (NemoClient anon = wm.client(dir).clientId("c-1").build()) {
            InsufficientCreditsException e = catchThrowableOfType(InsufficientCreditsException.class,
                    () -> anon.sessions().create(CreateSessionRequest.inLanguage("en")));

            assertThat(e.userId()).hasValue("anon_abc123");
            assertThat(e.bindUrl()).hasValue("https://nemovideo.com/register?bind=anon_abc123");
            assertThat(e.getMessage()).contains("https://nemovideo.com/register?bind=anon_abc123");
        }
    }

    @Test
    void insufficientCreditsWithoutAKnownUserPointsToTopUp() {
        wm.stubFor(get(CREDITS).willReturn(okJson("{\"code\":2001}")));

        InsufficientCreditsException e = catchThrowableOfType(InsufficientCreditsException.class,
                () -> client.credits().balance());

        assertThat(e.bindUrl()).isEmpty();
        assertThat(e.getMessage()).contains("nemovideo.com");
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> client.credits().balance());

        assertThat(e.retryAfter()).hasValue(java.time.Duration.ofSeconds(7));
        assertThat(e.isTransient()).isTrue();
    }

    @Test
    void unknownCodeKeepsCodeAndMessage() {
        wm.stubFor(get(CREDITS).willReturn(okJson("{\"code\":7777,\"message\":\"new thing\"}")));

        NemoException e = catchThrowableOfType(NemoException.class, () -> client.credits().balance());

        assertThat(e).isExactlyInstanceOf(NemoServiceException.class);
        assertThat(e.apiCode()).hasValue(7777);
        assertThat(e.getMessage()).contains("7777").contains("new thing");
    }

    @Test
    void renderFamilyFailureIsAnError() {
        wm.stubFor(get(CREDITS).willReturn(okJson("{\"success\":false,\"error\":\"render quota\"}")));

        assertThatThrownBy(() -> client.credits().balance())
                .isExactlyInstanceOf(NemoServiceException.class)
                .hasMessageContaining("render quota");
    }

    @Test
    void sessionNotFoundFromAdkDetail() {
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(404)
                .withBody("{\"detail\":\"Session not found: 123\"}")));

        assertThatThrownBy(() -> client.credits().balance()).isInstanceOf(SessionNotFoundException.class);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", "empty body"),
                Arguments.of("<!DOCTYPE html><html><body>maintenance</body></html>", "HTML page"),
                Arguments.of("not json at all", "not a JSON object"),
                Arguments.of("[1,2,3]", "not a JSON object"),
                Arguments.of("{\"code\":0,\"data\":", "not a JSON object"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void malformedSuccessBodiesAreDecodeErrorsWithStatusAndExcerpt(String body, String description) {
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(200).withBody(body)));

        DecodeException e = catchThrowableOfType(DecodeException.class, () -> client.credits().balance());

        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.getMessage()).contains(description);
        if (!body.isEmpty()) {
            assertThat(e.bodyExcerpt()).isPresent();
        }
    }

    @Test
    void excerptsAndMessagesNeverContainTokens() {
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(500)
                .withBody("{\"message\":\"bad token " + TestTokens.EXPLICIT + "\",\"token\":\"" + TestTokens.EXPLICIT
                        + "\"}")));

        NemoException e = catchThrowableOfType(NemoException.class, () -> client.credits().balance());

        assertThat(e.getMessage()).doesNotContain(TestTokens.MARKER);
        assertThat(e.toString()).doesNotContain(TestTokens.MARKER);
        assertThat(e.bodyExcerpt()).get().asString().doesNotContain(TestTokens.MARKER).contains("nmv_usr_***");
    }

    @Test
    void bodyCodeZeroWithUnknownFieldsSucceeds() {
        wm.stubFor(get(CREDITS).willReturn(okJson(
                "{\"code\":0,\"message\":\"ok\",\"trace\":\"x\",\"data\":{\"available\":\"25000\",\"frozen\":40,"
                        + "\"total\":25040,\"total_granted\":1}}")));

        assertThat(client.credits().balance()).isEqualTo(new dev.nemo.sdk.credits.Credits(25000, 40, 25040));
        wm.verify(getRequestedFor(urlEqualTo(CREDITS)));
    }
}

