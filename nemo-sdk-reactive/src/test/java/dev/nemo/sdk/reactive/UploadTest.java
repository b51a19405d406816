package dev.nemo.sdk.reactive;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.error.MediaSourceException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.error.UnsupportedMediaException;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.upload.MediaSource;
import dev.nemo.sdk.upload.UploadOptions;
import dev.nemo.sdk.upload.UploadResult;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class UploadTest extends ReactiveWireMockTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    static final String UPLOAD = "/api/upload-video/nemo_agent/me/" + Stubs.SESSION_ID;
    static final String UPLOADED = "{\"code\":0,\"data\":{\"files\":[{\"filename\":\"cat.gif\",\"file_type\":\"image\","
            + "\"cdn_url\":\"https://static1.nemovideo.ai/u/cat.gif\"}],\"session_state_applied\":true}}";

    @BeforeEach
    void stubs() {
        wm.stubFor(post(UPLOAD).willReturn(okJson(UPLOADED)));
    }

    static byte[] gif(int size) {
        byte[] b = new byte[size];
        byte[] magic = "GIF89a".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, b, 0, magic.length);
        for (int i = magic.length; i < size; i++) {
            b[i] = (byte) (i * 31);
        }
        return b;
    }

    @Test
    void uploadsAFileLazilyAndOncePerSubscription() throws Exception {
        Path file = dir.resolve("cat.gif");
        Files.write(file, gif(3000));
        Mono<UploadResult> upload = reactive.uploads().upload(Stubs.SESSION_ID, file);
        assertThat(wm.getAllServeEvents()).isEmpty();

        StepVerifier.create(upload)
                .assertNext(r -> {
                    assertThat(r.files()).hasSize(1);
                    assertThat(r.files().get(0).url()).contains("https://static1.nemovideo.ai/u/cat.gif");
                    assertThat(r.sessionStateApplied()).contains(true);
                })
                .expectComplete()
                .verify(HANG_GUARD);
        LoggedRequest sent = wm.findAll(postRequestedFor(urlEqualTo(UPLOAD))).get(0);
        assertThat(sent.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(contains(sent.getBody(), gif(3000))).isTrue();
        assertThat(sent.getBodyAsString()).contains("filename=\"cat.gif\"", "Content-Type: image/gif");

        StepVerifier.create(upload).expectNextCount(1).expectComplete().verify(HANG_GUARD);
        wm.verify(2, postRequestedFor(urlEqualTo(UPLOAD)));
    }

    @Test
    void streamsAFluxWithItsDeclaredLength() {
        byte[] content = gif(10_000);
        AtomicInteger subscriptions = new AtomicInteger();
        Flux<ByteBuffer> chunks = Flux.range(0, 10)
                .map(i -> ByteBuffer.wrap(content, i * 1000, 1000).slice())
                .doOnSubscribe(s -> subscriptions.incrementAndGet());
        Mono<UploadResult> upload = reactive.uploads().upload(Stubs.SESSION_ID, "clip.gif", content.length, chunks);
        assertThat(subscriptions).hasValue(0);

        StepVerifier.create(upload).expectNextCount(1).expectComplete().verify(HANG_GUARD);

        LoggedRequest sent = wm.findAll(postRequestedFor(urlEqualTo(UPLOAD))).get(0);
        assertThat(contains(sent.getBody(), content)).isTrue();
        assertThat(sent.getBodyAsString()).contains("filename=\"clip.gif\"");
    }

    @Test
    void aFluxThatBreaksItsDeclaredLengthFailsTheUploadTyped() {
        byte[] content = gif(4000);
        Flux<ByteBuffer> shorter = Flux.just(ByteBuffer.wrap(content, 0, 3000).slice());

        StepVerifier.create(reactive.uploads().upload(Stubs.SESSION_ID, "clip.gif", content.length, shorter))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(MediaSourceException.class)
                        .hasMessageContaining("3000 bytes but 4000 were declared"))
                .verify(HANG_GUARD);
    }

    @Test
    void filesAndStreamsMixInOneRequestInOrder() throws Exception {
        Path file = dir.resolve("a.gif");
        Files.write(file, gif(500));
        byte[] streamed = gif(700);
        List<MediaSource> sources = List.of(
                MediaSource.of(file),
                ReactiveUploadsApi.source("b.gif", streamed.length, Mono.just(ByteBuffer.wrap(streamed))));

        StepVerifier.create(reactive.uploads().upload(Stubs.SESSION_ID, sources, UploadOptions.defaults()))
                .expectNextCount(1)
                .expectComplete()
                .verify(HANG_GUARD);

        String body = wm.findAll(postRequestedFor(urlEqualTo(UPLOAD))).get(0).getBodyAsString();
        assertThat(body.indexOf("filename=\"a.gif\"")).isNotNegative().isLessThan(body.indexOf("filename=\"b.gif\""));
    }

    @Test
    void checksFailTheMonoBeforeAnythingIsSent() throws Exception {
        Path text = dir.resolve("clip.gif");
        Files.writeString(text, "<!doctype html><html>not a gif</html>");

        StepVerifier.create(reactive.uploads().upload(Stubs.SESSION_ID, text))
                .expectError(UnsupportedMediaException.class)
                .verify(HANG_GUARD);
        StepVerifier.create(reactive.uploads().upload(Stubs.SESSION_ID, dir.resolve("missing.gif")))
                .expectError(MediaSourceException.class)
                .verify(HANG_GUARD);
        wm.verify(0, postRequestedFor(urlEqualTo(UPLOAD)));
    }

    @Test
    void theContextsTimeoutAppliesToTheUpload() throws Exception {
        wm.stubFor(post(UPLOAD).willReturn(okJson(UPLOADED).withFixedDelay(5_000)));
        Path file = dir.resolve("cat.gif");
        Files.write(file, gif(100));
        RequestOptions fast = RequestOptions.builder()
                .timeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.none())
                .build();

        StepVerifier.create(
                        reactive.uploads().upload(Stubs.SESSION_ID, file).contextWrite(NemoContext.withOptions(fast)))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(TransportException.class)
                        .extracting(t -> ((TransportException) t).kind())
                        .isEqualTo(TransportException.Kind.TIMEOUT))
                .verify(HANG_GUARD);
    }

    @Test
    void uploadUrlsReadsContextOptionsAndSendsTheDocumentedBody() {
        List<String> urls = List.of("https://example.com/a.gif");
        StepVerifier.create(reactive.uploads().uploadUrls(Stubs.SESSION_ID, urls))
                .expectNextCount(1)
                .expectComplete()
                .verify(HANG_GUARD);
        wm.verify(
                1,
                postRequestedFor(urlEqualTo(UPLOAD))
                        .withRequestBody(
                                equalToJson("{\"urls\":[\"https://example.com/a.gif\"],\"source_type\":\"url\"}")));

        wm.stubFor(post(UPLOAD).willReturn(Stubs.status(503)));
        RequestOptions noRetry =
                RequestOptions.builder().retryPolicy(RetryPolicy.none()).build();
        StepVerifier.create(reactive.uploads().uploadUrls(Stubs.SESSION_ID, urls, noRetry))
                .expectError(dev.nemo.sdk.error.ServerException.class)
                .verify(HANG_GUARD);
        wm.verify(2, postRequestedFor(urlEqualTo(UPLOAD)));
    }

    @Test
    void cancellingAbortsTheUpload() throws Exception {
        Path file = dir.resolve("cat.gif");
        Files.write(file, gif(2000));
        try (SilentServer server = new SilentServer();
                NemoClient silent = NemoClient.builder()
                        .baseUrl(server.baseUrl())
                        .environment(Map.of())
                        .configDirectory(dir)
                        .token(TestTokens.EXPLICIT)
                        .retryPolicy(RetryPolicy.none())
                        .build();
                ReactiveNemoClient r = ReactiveNemoClient.create(silent)) {
            Disposable upload = r.uploads().upload(Stubs.SESSION_ID, file).subscribe();
            assertThat(server.requestReceived.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS))
                    .isTrue();
            upload.dispose();
            assertThat(server.closedByClient.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS))
                    .as("connection closed by the client")
                    .isTrue();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
