package dev.nemo.sdk.export;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.json.JsonValue;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.testing.WireMockSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link RequestOptions} of a download: extra headers and retries on the API's origin only,
 * never on a CDN (not even after a redirect), and an attempt timeout that bounds the wait for the
 * response head but not the body.
 */
class DownloadRequestOptionsTest {
    private static final String RENDER = "render_1795559949543_abcdef0123";
    private static final String FALLBACK = "/api/render/proxy/" + RENDER + "/download";
    private static final RequestOptions TRACED = RequestOptions.builder().header("X-Request-Id", "trace-7").build();

    @TempDir
    Path dir;
    @TempDir
    Path config;
    private WireMockServer api;
    private WireMockServer cdn;
    private NemoClient client;
    private final byte[] video = new byte[64 * 1024];

    @BeforeEach
    void start() {
        new Random(7).nextBytes(video);
        api = WireMockSupport.startWithJournal();
        cdn = WireMockSupport.startWithJournal();
        // no retries of its own: a retry seen below comes from the call's options
        client = WireMockSupport.client(api, VirtualTime.create(), config).token(TestTokens.EXPLICIT)
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        api.stop();
        cdn.stop();
    }

    private static ExportJob completed(String url) {
        return ExportJob.fromJson(RENDER, JsonValue.parse("{\"status\":\"completed\",\"outputUrl\":\"" + url + "\"}"));
    }

    private static void assertNoExtraHeader(LoggedRequest r) {
        assertThat(r.containsHeader("X-Request-Id")).as("X-Request-Id sent to " + r.getAbsoluteUrl()).isFalse();
    }

    @Test
    void anOutputUrlOnTheApiOriginGetsTheExtraHeaders() throws IOException {
        api.stubFor(get("/files/out.mp4").willReturn(aResponse().withBody(video)));

        DownloadResult r = client.exports().download(completed(api.baseUrl() + "/files/out.mp4"), dir, TRACED);

        assertThat(Files.readAllBytes(r.path())).isEqualTo(video);
        api.verify(getRequestedFor(urlEqualTo("/files/out.mp4")).withHeader("X-Request-Id", equalTo("trace-7")));
    }

    @Test
    void aCdnNeverGetsTheExtraHeadersButTheFallbackOnTheApiDoes() throws IOException {
        cdn.stubFor(get("/out.mp4").willReturn(aResponse().withStatus(403)));
        api.stubFor(get(FALLBACK).willReturn(aResponse().withBody(video)));

        DownloadResult r = client.exports().download(completed(cdn.baseUrl() + "/out.mp4"), dir, TRACED);

        assertThat(r.usedFallback()).isTrue();
        List<LoggedRequest> atCdn = cdn.findAll(anyRequestedFor(anyUrl()));
        assertThat(atCdn).hasSize(1);
        assertNoExtraHeader(atCdn.get(0));
        api.verify(getRequestedFor(urlEqualTo(FALLBACK)).withHeader("X-Request-Id", equalTo("trace-7")));
    }

    @Test
    void aRedirectThatLeavesTheApiOriginDropsTheExtraHeadersForGood() throws IOException {
        api.stubFor(get("/files/out.mp4").willReturn(aResponse().withStatus(302)
                .withHeader("Location", cdn.baseUrl() + "/a/out.mp4")));
        cdn.stubFor(get("/a/out.mp4").willReturn(aResponse().withStatus(302)
                .withHeader("Location", api.baseUrl() + "/back.mp4")));
        api.stubFor(get("/back.mp4").willReturn(aResponse().withBody(video)));

        DownloadResult r = client.exports().download(completed(api.baseUrl() + "/files/out.mp4"), dir.resolve("x.mp4"),
                TRACED);

        assertThat(Files.readAllBytes(r.path())).isEqualTo(video);
        api.verify(getRequestedFor(urlEqualTo("/files/out.mp4")).withHeader("X-Request-Id", equalTo("trace-7")));
        cdn.findAll(anyRequestedFor(anyUrl())).forEach(DownloadRequestOptionsTest::assertNoExtraHeader);
        api.findAll(getRequestedFor(urlEqualTo("/back.mp4"))).forEach(DownloadRequestOptionsTest::assertNoExtraHeader);
    }

    @Test
    void theRetryPolicyOfTheOptionsGovernsTheApiEndpoint() throws IOException {
        api.stubFor(get(FALLBACK).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        api.stubFor(get(FALLBACK).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withBody(video)));
        cdn.stubFor(get("/out.mp4").willReturn(aResponse().withStatus(404)));
        RequestOptions retried = RequestOptions.builder().retryPolicy(RetryPolicy.builder().maxAttempts(3).build())
                .build();

        DownloadResult r = client.exports().download(completed(cdn.baseUrl() + "/out.mp4"), dir, retried);

        assertThat(r.usedFallback()).isTrue();
        assertThat(Files.readAllBytes(r.path())).isEqualTo(video);
        api.verify(2, getRequestedFor(urlEqualTo(FALLBACK)));
        // the output URL on the CDN is tried once whatever the policy: the fallback follows
        cdn.verify(1, getRequestedFor(urlEqualTo("/out.mp4")));
    }

    @Test
    void theAttemptTimeoutBoundsTheWaitForTheHead() throws IOException {
        // the CDN answers far later than the attempt may wait; the whole download has minutes left
        cdn.stubFor(get("/out.mp4").willReturn(aResponse().withBody(video).withFixedDelay(30_000)));
        api.stubFor(get(FALLBACK).willReturn(aResponse().withBody(video)));

        DownloadResult r = client.exports().download(completed(cdn.baseUrl() + "/out.mp4"), dir,
                RequestOptions.builder().attemptTimeout(Duration.ofMillis(300)).build());

        assertThat(r.usedFallback()).isTrue();
        assertThat(Files.readAllBytes(r.path())).isEqualTo(video);
    }

    @Test
    void theAttemptTimeoutDoesNotCutABodyThatKeepsComing() throws IOException {
        // the head comes at once and the body over about a second: only the whole deadline covers it
        cdn.stubFor(get("/out.mp4").willReturn(aResponse().withBody(video).withChunkedDribbleDelay(8, 1_000)));

        DownloadResult r = client.exports().download(completed(cdn.baseUrl() + "/out.mp4"), dir,
                RequestOptions.builder().attemptTimeout(Duration.ofMillis(300)).build());

        assertThat(r.usedFallback()).isFalse();
        assertThat(Files.readAllBytes(r.path())).isEqualTo(video);
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
