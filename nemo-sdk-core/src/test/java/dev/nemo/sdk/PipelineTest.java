package dev.nemo.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.nemo.sdk.error.NemoServiceException;
import dev.nemo.sdk.error.NotFoundException;
import dev.nemo.sdk.error.RateLimitedException;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.WireMockApi;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What the transport pipeline adds to every call: response headers on errors, redirects within the API's origin. */
class PipelineTest {
    private static final String CREDITS = "/api/credits/balance/simple";
    private static final String CREDITS_OK = "{\"code\":0,\"data\":{\"available\":5,\"frozen\":0,\"total\":5}}";

    @TempDir
    Path dir;
    @RegisterExtension
    final WireMockApi wm = new WireMockApi();
    @RegisterExtension
    final WireMockApi other = new WireMockApi();
    NemoClient client;

    @BeforeEach
    void setUp() {
        client = wm.client(dir).token(TestTokens.EXPLICIT).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void serviceErrorsCarryTheResponseHeadersWithoutCookiesOrCredentials() {
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withHeader("X-Request-Id", "req-123").withHeader("Set-Cookie", "session=abc")));

        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> client.credits().balance());

        assertThat(e.responseHeaders()).containsEntry("retry-after", java.util.List.of("7"))
                .containsEntry("x-request-id", java.util.List.of("req-123"))
                .doesNotContainKey("set-cookie");
        assertThat(e.details().headers()).isEqualTo(e.responseHeaders());
    }

    @Test
    void bodyCodeErrorsOnHttp200CarryTheHeadersToo() {
        wm.stubFor(get(CREDITS).willReturn(okJson("{\"code\":1002}").withHeader("X-Request-Id", "req-9")));

        NemoServiceException e = catchThrowableOfType(NemoServiceException.class, () -> client.credits().balance());

        assertThat(e.responseHeaders()).containsEntry("x-request-id", java.util.List.of("req-9"));
    }

    @Test
    void aRedirectWithinTheApiOriginKeepsTheCredentials() {
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(307).withHeader("Location", "/v2/credits")));
        wm.stubFor(get("/v2/credits").willReturn(okJson(CREDITS_OK)));

        assertThat(client.credits().balance().available()).isEqualTo(5);

        wm.verify(getRequestedFor(urlEqualTo("/v2/credits"))
                .withHeader("Authorization", equalTo("Bearer " + TestTokens.EXPLICIT))
                .withHeader("X-Skill-Source", equalTo("ai-gif-compressor")));
    }

    @Test
    void anApiCallIsNeverRedirectedToAnotherOrigin() {
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(302)
                .withHeader("Location", other.baseUrl() + "/steal")));

        NemoServiceException e = catchThrowableOfType(NemoServiceException.class, () -> client.credits().balance());

        assertThat(e.getMessage()).contains("another origin");
        assertThat(other.getAllServeEvents()).isEmpty();
    }

    @Test
    void aTypedNotFoundKeepsItsHeaders() {
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(404).withHeader("X-Request-Id", "r-404")));

        NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> client.credits().balance());

        assertThat(e.responseHeaders()).containsKey("x-request-id");
    }
}
