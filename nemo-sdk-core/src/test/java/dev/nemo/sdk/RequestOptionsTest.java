package dev.nemo.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.nemo.sdk.credits.Credits;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.internal.util.Futures;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.WireMockApi;
import dev.nemo.sdk.upload.MediaSource;
import dev.nemo.sdk.upload.UploadOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One {@link RequestOptions} for every operation: headers, both deadlines, and what may not be overridden. */
class RequestOptionsTest {
    private static final String CREDITS = "/api/credits/balance/simple";
    private static final String CREDITS_OK = "{\"code\":0,\"data\":{\"available\":5,\"frozen\":0,\"total\":5}}";
    private static final RequestOptions TRACED = RequestOptions.builder().header("X-Request-Id", "req-7").build();

    @TempDir
    Path dir;
    @RegisterExtension
    final WireMockApi wm = new WireMockApi();

    private NemoClient client() {
        return wm.client(dir).token(TestTokens.EXPLICIT).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "authorization", "X-Client-Id", "X-Skill-Source", "x-skill-anything",
        "User-Agent", "Accept", "Content-Type", "Host", "Content-Length"})
    void headersTheSdkSetsCannotBeOverridden(String name) {
        assertThatThrownBy(() -> RequestOptions.builder().header(name, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot replace");
        assertThat(RequestOptions.isReserved(name)).isTrue();
    }

    @Test
    void headerNamesAndValuesAreChecked() {
        assertThatThrownBy(() -> RequestOptions.builder().header("X-Bad Name", "v"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestOptions.builder().header("X-Split", "a\r\nX-Injected: b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsHeaderNamesButNeverTheirValues() {
        RequestOptions o = RequestOptions.builder().header("X-Api-Key", "very-secret-value").build();
        assertThat(o.toString()).contains("X-Api-Key").doesNotContain("very-secret-value");
    }

    @Test
    void aHeaderAddedTwiceKeepsTheLastValueWhateverItsCase() {
        RequestOptions o = RequestOptions.builder().header("X-Trace", "1").header("x-trace", "2").build();
        assertThat(o.headers()).containsExactly(Map.entry("x-trace", "2"));
        assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
    }

    @Test
    void extraHeadersGoWithTheRequestNextToTheSdksOwn() {
        wm.stubFor(get(CREDITS).willReturn(okJson(CREDITS_OK)));
        try (NemoClient client = client()) {
            client.credits().balance(TRACED);
        }
        wm.verify(getRequestedFor(urlEqualTo(CREDITS))
                .withHeader("X-Request-Id", equalTo("req-7"))
                .withHeader("Authorization", equalTo("Bearer " + TestTokens.EXPLICIT))
                .withHeader("X-Skill-Source", equalTo("ai-gif-compressor")));
    }

    @Test
    void everyOperationTakesTheSameOptions() throws Exception {
        wm.stubFor(post(urlPathMatching("/api/upload-video/.*")).willReturn(okJson(
                "{\"code\":0,\"data\":{\"files\":[{\"filename\":\"a.gif\",\"cdn_url\":\"https://cdn.example.com/a.gif\"}]}}")));
        wm.stubFor(get(urlPathMatching("/api/render/proxy/lambda/.*")).willReturn(okJson(
                "{\"code\":0,\"data\":{\"status\":\"processing\",\"progress\":10}}")));
        wm.stubFor(get(urlPathMatching("/api/state/.*")).willReturn(okJson("{\"code\":0,\"data\":{}}")));
        Path gif = dir.resolve("a.gif");
        Files.write(gif, "GIF89a-a-tiny-gif".getBytes(StandardCharsets.US_ASCII));

        try (NemoClient client = client()) {
            client.uploads().upload("s1", List.of(MediaSource.of(gif)), UploadOptions.builder().request(TRACED).build());
            client.state().getAsync("s1", TRACED).join();
            ExportJob job = client.exports().resume("render_1_a", PollingStrategy.builder().request(TRACED).build())
                    .poll();
            assertThat(job.progress()).hasValue(10);
        }

        wm.verify(postRequestedFor(urlPathMatching("/api/upload-video/.*")).withHeader("X-Request-Id", equalTo("req-7")));
        wm.verify(getRequestedFor(urlPathMatching("/api/state/.*")).withHeader("X-Request-Id", equalTo("req-7")));
        wm.verify(getRequestedFor(urlPathMatching("/api/render/proxy/lambda/.*"))
                .withHeader("X-Request-Id", equalTo("req-7")));
    }

    @Test
    void withoutOptionsNoExtraHeaderIsSent() {
        wm.stubFor(get(CREDITS).willReturn(okJson(CREDITS_OK)));
        try (NemoClient client = client()) {
            client.credits().balanceAsync().join();
        }
        wm.verify(getRequestedFor(urlEqualTo(CREDITS)).withHeader("X-Request-Id", absent()));
    }

    @Test
    void theAttemptTimeoutBoundsEachAttemptAndAnIdempotentReadIsTriedAgain() {
        wm.stubFor(get(CREDITS).willReturn(okJson(CREDITS_OK).withChunkedDribbleDelay(5, 20_000)));
        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT)
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build()) {
            TransportException e = catchThrowableOfType(TransportException.class, () -> client.credits().balance(
                    RequestOptions.builder().attemptTimeout(Duration.ofMillis(200)).build()));
            assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
        }
        // one backoff between the two attempts (the server's journal of a dribbling response depends on timing)
        assertThat(wm.time().sleeps()).hasSize(1);
    }

    @Test
    void theTimeoutBoundsTheWholeCallWaitsBetweenAttemptsIncluded() {
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(503)));
        // a backoff that never ends: only the deadline of the whole call can stop the wait
        Sleeper forever = d -> new CompletableFuture<>();
        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).sleeper(forever)
                .build()) {
            TransportException e = catchThrowableOfType(TransportException.class, () -> client.credits().balance(
                    RequestOptions.builder().timeout(Duration.ofMillis(300)).build()));
            assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
        }
        wm.verify(exactly(1), getRequestedFor(urlEqualTo(CREDITS)));
    }

    @Test
    void theWholeCallTimeoutAlsoStopsAnAsyncCallWaitingBetweenAttempts() {
        wm.stubFor(get(CREDITS).willReturn(aResponse().withStatus(503)));
        Sleeper forever = d -> new CompletableFuture<>();
        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).sleeper(forever)
                .build()) {
            CompletableFuture<Credits> call = client.credits().balanceAsync(
                    RequestOptions.builder().timeout(Duration.ofMillis(300)).build());
            TransportException e = catchThrowableOfType(TransportException.class, () -> Futures.await(call));
            assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
            assertThat(e).hasMessageContaining("Timed out");
        }
        wm.verify(exactly(1), getRequestedFor(urlEqualTo(CREDITS)));
    }
}
