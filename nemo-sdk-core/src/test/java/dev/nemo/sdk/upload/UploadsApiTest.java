package dev.nemo.sdk.upload;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.error.MediaSourceException;
import dev.nemo.sdk.error.MediaTooLargeException;
import dev.nemo.sdk.error.NemoClientException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.error.UnsupportedFileTypeException;
import dev.nemo.sdk.error.UnsupportedMediaException;
import dev.nemo.sdk.json.JsonValue;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.WireMockApi;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UploadsApiTest {
    static final String SID = "5529798706024415232";
    static final String PATH = "/api/upload-video/nemo_agent/me/" + SID;
    static final String FILES_RESPONSE =
            "{\"code\":0,\"data\":{\"files\":[{\"filename\":\"cat.gif\",\"file_type\":\"image\","
                    + "\"cdn_url\":\"https://cdn.example.com/videos/xxx/cat.gif\",\"duration\":30.5,\"width\":1920,"
                    + "\"height\":1080,\"fps\":29.97,\"hash\":\"abc123\",\"future_field\":{\"x\":1}}],"
                    + "\"session_state_applied\":true}}";

    @TempDir
    Path dir;

    @RegisterExtension
    final WireMockApi wm = new WireMockApi();

    NemoClient client;

    @BeforeEach
    void start() {
        client = wm.client(dir).token(TestTokens.EXPLICIT).build();
    }

    @AfterEach
    void stop() {
        client.close();
    }

    static byte[] gif(int size) {
        byte[] b = new byte[size];
        new java.util.Random(size).nextBytes(b);
        System.arraycopy("GIF89a".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 6);
        return b;
    }

    Path file(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    List<StrictMultipartParser.Part> parts(LoggedRequest r) {
        return StrictMultipartParser.parse(r.getHeader("Content-Type"), r.getBody());
    }

    List<LoggedRequest> uploads() {
        return wm.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void uploadsSeveralFilesInOneStreamedMultipartRequestAndDecodesTheFiles() throws Exception {
        wm.stubFor(post(PATH).willReturn(okJson(FILES_RESPONSE)));
        byte[] one = gif(5000);
        byte[] two = MediaFormatTest.bytes(
                MediaFormatTest.u32(24), "ftypisom", MediaFormatTest.u32(0), "isomiso2", new byte[3000]);
        UploadResult r = client.uploads().upload(SID, file("cat.gif", one), file("clip 猫 \"1\".mp4", two));

        UploadedFile f = r.files().get(0);
        assertThat(f.fileName()).contains("cat.gif");
        assertThat(f.fileType()).contains("image");
        assertThat(f.url()).contains("https://cdn.example.com/videos/xxx/cat.gif");
        assertThat(f.durationSeconds()).hasValue(30.5);
        assertThat(f.duration()).contains(Duration.ofMillis(30_500));
        assertThat(f.width()).hasValue(1920);
        assertThat(f.height()).hasValue(1080);
        assertThat(f.fps()).hasValue(29.97);
        assertThat(f.hash()).contains("abc123");
        assertThat(f.raw().get("future_field").flatMap(x -> x.get("x"))).contains(JsonValue.of(1));
        assertThat(r.sessionStateApplied()).contains(true);

        LoggedRequest req = uploads().get(0);
        assertThat(req.getHeader("Authorization")).isEqualTo("Bearer " + TestTokens.EXPLICIT);
        assertThat(req.getHeader("X-Skill-Source")).isNotBlank();
        assertThat(req.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(req.getHeader("Content-Length")).isEqualTo(String.valueOf(req.getBody().length));
        List<StrictMultipartParser.Part> parts = parts(req);
        assertThat(parts).extracting(StrictMultipartParser.Part::name).containsExactly("files", "files");
        assertThat(parts)
                .extracting(StrictMultipartParser.Part::fileName)
                .containsExactly("cat.gif", "clip 猫 \"1\".mp4");
        assertThat(parts).extracting(StrictMultipartParser.Part::contentType).containsExactly("image/gif", "video/mp4");
        assertThat(parts.get(0).content()).isEqualTo(one);
        assertThat(parts.get(1).content()).isEqualTo(two);
    }

    @Test
    void decodesTheUploadedFilesVariantAndToleratesOddFields() throws Exception {
        wm.stubFor(post(PATH)
                .willReturn(okJson("{\"code\":0,\"data\":{\"uploaded_files\":[{\"url\":"
                        + "\"https://cdn.example.com/a.gif\"},{\"url\":\"https://cdn.example.com/b.gif\",\"width\":\"640\","
                        + "\"duration\":\"n/a\"}]}}")));
        UploadResult r = client.uploads().upload(SID, file("a.gif", gif(100)));
        assertThat(r.files())
                .extracting(x -> x.url().orElseThrow())
                .containsExactly("https://cdn.example.com/a.gif", "https://cdn.example.com/b.gif");
        assertThat(r.files().get(1).width()).hasValue(640);
        assertThat(r.files().get(1).durationSeconds()).isEmpty();
        assertThat(r.files().get(0).fileName()).isEmpty();
        assertThat(r.sessionStateApplied()).isEmpty();
    }

    @Test
    void theUrlVariantSendsExactlyTheDocumentedBody() {
        wm.stubFor(post(PATH).willReturn(okJson(FILES_RESPONSE)));
        UploadResult r = client.uploads()
                .uploadUrls(SID, List.of("https://example.com/video.mp4", "https://example.com/b.gif?x=1&y=2"));
        assertThat(r.files()).hasSize(1);
        LoggedRequest req = uploads().get(0);
        assertThat(req.getBodyAsString())
                .isEqualTo("{\"urls\":[\"https://example.com/video.mp4\","
                        + "\"https://example.com/b.gif?x=1&y=2\"],\"source_type\":\"url\"}");
        assertThat(req.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(req.getHeader("Authorization")).isEqualTo("Bearer " + TestTokens.EXPLICIT);
    }

    @Test
    void theUrlVariantRefusesWhatTheServerCannotFetch() {
        assertThatThrownBy(() -> client.uploads().uploadUrls(SID, List.of("file:///etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> client.uploads().uploadUrls(SID, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "200|{\"code\":4001,\"message\":\"unsupported file type\"}|UnsupportedFileTypeException",
                "400|{\"code\":4001,\"message\":\"unsupported file type\"}|UnsupportedFileTypeException",
                "200|{\"code\":4002,\"message\":\"file too large\"}|FileTooLargeException",
                "413|{\"code\":4002,\"message\":\"file too large\"}|FileTooLargeException",
                "400|{\"code\":4002}|FileTooLargeException",
                "200|{\"code\":1002,\"message\":\"session not found\"}|SessionNotFoundException",
                "404|{\"code\":1002}|SessionNotFoundException",
                "500||ServerException",
                "502|<html>bad gateway</html>|ServerException"
            })
    void everyServerErrorBecomesItsTypedExceptionAndIsNeverReplayed(int status, String body, String type)
            throws Exception {
        wm.stubFor(post(PATH)
                .willReturn(aResponse()
                        .withStatus(status)
                        .withBody(body == null ? "" : body)
                        .withHeader(
                                "Content-Type",
                                body != null && body.startsWith("{") ? "application/json" : "text/html")));
        Path f = file("a.gif", gif(2000));
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> client.uploads().upload(SID, f));
        assertThat(t).isInstanceOf(NemoException.class);
        assertThat(t.getClass().getSimpleName()).isEqualTo(type);
        // the server's refusals are the parent types, not the client-side pre-check subclasses
        assertThat(t).isNotInstanceOf(MediaTooLargeException.class).isNotInstanceOf(UnsupportedMediaException.class);
        assertThat(((NemoException) t).httpStatus()).isEqualTo(status);
        assertThat(uploads()).hasSize(1);
    }

    @Test
    void theServersRefusalOfTheFileTypeListsTheAcceptedFormatsOnce() throws Exception {
        wm.stubFor(post(PATH).willReturn(okJson("{\"code\":4001,\"message\":\"unsupported file type\"}")));
        Path f = file("a.gif", gif(2000));

        assertThatThrownBy(() -> client.uploads().upload(SID, f))
                .isInstanceOf(UnsupportedFileTypeException.class)
                .hasMessage("Unsupported file type (code 4001): unsupported file type. Accepted: "
                        + MediaFormats.description());

        String listed = "Unsupported file type: a.gif. Accepted: " + MediaFormats.description();
        wm.stubFor(post(PATH).willReturn(okJson("{\"code\":4001,\"message\":\"" + listed + "\"}")));
        assertThatThrownBy(() -> client.uploads().upload(SID, f))
                .as("a server that lists them already")
                .hasMessage("Unsupported file type (code 4001): " + listed);
    }

    @Test
    void aConnectionCutDuringTheUploadIsATransportErrorAndTheFilesAreNotSentAgain() throws Exception {
        wm.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Path f = file("a.gif", gif(200_000));
        assertThatThrownBy(() -> client.uploads().upload(SID, f))
                .isInstanceOfSatisfying(
                        TransportException.class,
                        e -> assertThat(e.outcomeUnknown()).isTrue());
        assertThat(uploads()).hasSize(1);
    }

    @Test
    void anExpiredTokenIsRenewedAndTheWholeBodySentOnceMoreFromEverySourceKind() throws Exception {
        client.close();
        wm.stubFor(post("/api/auth/anonymous-token")
                .inScenario("t")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(
                        "{\"code\":0,\"data\":{\"token\":\"" + TestTokens.ANON_1 + "\",\"user_id\":\"anon_1\"}}"))
                .willSetStateTo("renewed"));
        wm.stubFor(post("/api/auth/anonymous-token")
                .inScenario("t")
                .whenScenarioStateIs("renewed")
                .willReturn(okJson(
                        "{\"code\":0,\"data\":{\"token\":\"" + TestTokens.ANON_2 + "\",\"user_id\":\"anon_1\"}}")));
        wm.stubFor(post(PATH)
                .withHeader("Authorization", equalTo("Bearer " + TestTokens.ANON_1))
                .willReturn(okJson("{\"code\":1001,\"message\":\"token expired\"}")));
        wm.stubFor(post(PATH)
                .withHeader("Authorization", equalTo("Bearer " + TestTokens.ANON_2))
                .willReturn(okJson(FILES_RESPONSE)));
        client = wm.client(dir).clientId("cid-upload").build();

        byte[] a = gif(70_000);
        byte[] b = gif(3000);
        byte[] c = gif(90_000);
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger subscribed = new AtomicInteger();
        Flow.Publisher<ByteBuffer> cold = s -> {
            subscribed.incrementAndGet();
            Bodies.chunked(c, new int[] {4096, 10}, null).subscribe(s);
        };
        UploadResult r = client.uploads()
                .upload(
                        SID,
                        List.of(
                                MediaSource.of(file("a.gif", a)),
                                MediaSource.ofInputStream("b.gif", b.length, () -> {
                                    opened.incrementAndGet();
                                    return new ByteArrayInputStream(b);
                                }),
                                MediaSource.ofPublisher("c.gif", MediaSource.UNKNOWN_LENGTH, cold)));

        assertThat(r.files()).hasSize(1);
        List<LoggedRequest> sent = uploads();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getHeader("Authorization")).isEqualTo("Bearer " + TestTokens.ANON_2);
        for (LoggedRequest req : sent) {
            List<StrictMultipartParser.Part> parts = parts(req);
            assertThat(parts).extracting(p -> p.content().length).containsExactly(a.length, b.length, c.length);
            assertThat(parts.get(0).content()).isEqualTo(a);
            assertThat(parts.get(1).content()).isEqualTo(b);
            assertThat(parts.get(2).content()).isEqualTo(c);
        }
        // the streams were checked once and read once per attempt: nothing was read twice in one attempt
        assertThat(opened).hasValue(2);
        assertThat(subscribed).hasValue(2);
        assertThat(sent.get(0).containsHeader("Content-Length"))
                .as("unknown length: sent chunked")
                .isFalse();
    }

    @Test
    void preChecksRefuseBeforeAnyByteIsSent() throws Exception {
        wm.stubFor(post(PATH).willReturn(okJson(FILES_RESPONSE)));
        UploadOptions small = UploadOptions.builder().maxFileSize(1000).build();
        Path big = file("big.gif", gif(1001));
        Path text = file("notes.mp4", "just some text, not a video".getBytes(StandardCharsets.UTF_8));
        Path empty = file("empty.gif", new byte[0]);

        assertThatThrownBy(() -> client.uploads().upload(SID, List.of(MediaSource.of(big)), small))
                .isInstanceOfSatisfying(MediaTooLargeException.class, e -> {
                    assertThat(e.fileName()).isEqualTo("big.gif");
                    assertThat(e.size()).isEqualTo(1001);
                    assertThat(e.limit()).isEqualTo(1000);
                    assertThat(e).hasMessageContaining("big.gif").isInstanceOf(NemoClientException.class);
                });
        assertThatThrownBy(() -> client.uploads().upload(SID, file("ok.gif", gif(10)), text))
                .isInstanceOfSatisfying(UnsupportedMediaException.class, e -> {
                    assertThat(e.fileName()).isEqualTo("notes.mp4");
                    assertThat(e.claimedByExtension()).contains(MediaFormat.MP4);
                    assertThat(e)
                            .hasMessageContaining("notes.mp4")
                            .hasMessageContaining("text")
                            .hasMessageContaining("Accepted: " + MediaFormats.description() + ".")
                            .isInstanceOf(NemoClientException.class);
                });
        assertThatThrownBy(() -> client.uploads().upload(SID, empty))
                .isInstanceOf(UnsupportedMediaException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> client.uploads().upload(SID, dir.resolve("missing.gif")))
                .isInstanceOfSatisfying(
                        MediaSourceException.class,
                        e -> assertThat(e.fileName()).isEqualTo("missing.gif"))
                .hasMessageContaining("No such file");
        assertThatThrownBy(() -> client.uploads().upload(SID, dir)).isInstanceOf(MediaSourceException.class);
        assertThatThrownBy(() -> client.uploads()
                        .upload(
                                SID,
                                List.of(MediaSource.ofPublisher(
                                        "s.gif", 5000, Bodies.chunked(gif(5000), new int[] {100}, null))),
                                small))
                .isInstanceOf(MediaTooLargeException.class);
        assertThatThrownBy(() -> client.uploads()
                        .upload(
                                SID,
                                List.of(MediaSource.ofPublisher(
                                        "page.gif",
                                        30,
                                        Bodies.chunked(
                                                "<!DOCTYPE html><html></html>  ".getBytes(StandardCharsets.US_ASCII),
                                                new int[] {7},
                                                null)))))
                .isInstanceOf(UnsupportedMediaException.class)
                .hasMessageContaining("HTML");
        assertThat(wm.getAllServeEvents()).as("nothing reached the server").isEmpty();
    }

    @Test
    void theContentDecidesNotTheExtension() throws Exception {
        wm.stubFor(post(PATH).willReturn(okJson(FILES_RESPONSE)));
        client.uploads()
                .upload(
                        SID,
                        file("no-extension", gif(100)),
                        file("really-a-gif.mp4", gif(100)),
                        file(
                                "clip.m4v",
                                MediaFormatTest.bytes(
                                        MediaFormatTest.u32(20), "ftypM4V ", MediaFormatTest.u32(0), "M4V ")));
        assertThat(parts(uploads().get(0)))
                .extracting(StrictMultipartParser.Part::contentType)
                .containsExactly("image/gif", "image/gif", "video/mp4");
    }

    @Test
    void withoutTheContentCheckTheServerJudgesAndTheExtensionNamesTheType() throws Exception {
        wm.stubFor(post(PATH).willReturn(okJson(FILES_RESPONSE)));
        UploadOptions unchecked = UploadOptions.builder().verifyContent(false).build();
        client.uploads()
                .upload(
                        SID,
                        List.of(
                                MediaSource.of(file("x.mp4", "text".getBytes(StandardCharsets.UTF_8))),
                                MediaSource.of(file("y.flv", new byte[] {1, 2, 3})),
                                MediaSource.of(file("z.gif", gif(10))).withContentType("image/x-custom")),
                        unchecked);
        assertThat(parts(uploads().get(0)))
                .extracting(StrictMultipartParser.Part::contentType)
                .containsExactly("video/mp4", "application/octet-stream", "image/x-custom");
    }

    @Test
    void aStreamThatBreaksItsDeclaredLengthFailsWithATypedErrorNotAGenericIoError() {
        wm.stubFor(post(PATH).willReturn(okJson(FILES_RESPONSE)));
        byte[] content = gif(5000);
        assertThatThrownBy(() -> client.uploads()
                        .upload(
                                SID,
                                List.of(MediaSource.ofPublisher(
                                        "short.gif", 9000, Bodies.chunked(content, new int[] {1000}, null)))))
                .isInstanceOfSatisfying(
                        MediaSourceException.class,
                        e -> assertThat(e.fileName()).isEqualTo("short.gif"))
                .hasMessageContaining("5000")
                .hasMessageContaining("9000");
        assertThatThrownBy(() -> client.uploads()
                        .upload(
                                SID,
                                List.of(MediaSource.ofPublisher(
                                        "long.gif", 100, Bodies.chunked(content, new int[] {1000}, null)))))
                .isInstanceOf(MediaSourceException.class)
                .hasMessageContaining("long.gif");
        assertThatThrownBy(() -> client.uploads()
                        .upload(
                                SID,
                                List.of(MediaSource.ofPublisher(
                                        "broken.gif",
                                        MediaSource.UNKNOWN_LENGTH,
                                        Bodies.chunked(
                                                content,
                                                new int[] {100_000},
                                                new IllegalStateException("disk on fire"))))))
                .isInstanceOf(MediaSourceException.class)
                .hasMessageContaining("disk on fire");
        // at most what was sent before the stream broke; never a second attempt
        assertThat(uploads()).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void aStreamOfUnknownLengthThatPassesTheLimitIsStoppedWithATypedError() {
        // its own test, with its own server and client (see WireMockApi on why that server speaks HTTP/1.1 only)
        wm.stubFor(post(PATH).willReturn(okJson(FILES_RESPONSE)));
        assertThatThrownBy(() -> client.uploads()
                        .upload(
                                SID,
                                List.of(MediaSource.ofPublisher(
                                        "endless.gif",
                                        MediaSource.UNKNOWN_LENGTH,
                                        Bodies.chunked(gif(300_000), new int[] {8192}, null))),
                                UploadOptions.builder().maxFileSize(100_000).build()))
                .isInstanceOfSatisfying(
                        MediaTooLargeException.class, e -> assertThat(e.size()).isGreaterThan(100_000));
        assertThat(uploads()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void progressIsMonotonicAndEndsAtTheContentLength() throws Exception {
        wm.stubFor(post(PATH).willReturn(okJson(FILES_RESPONSE)));
        List<long[]> events = Collections.synchronizedList(new ArrayList<>());
        client.uploads()
                .upload(
                        SID,
                        List.of(
                                MediaSource.of(file("a.gif", gif(300_000))),
                                MediaSource.ofPublisher(
                                        "b.gif", 50_000, Bodies.chunked(gif(50_000), new int[] {999}, null))),
                        UploadOptions.builder()
                                .onProgress((sent, total) -> events.add(new long[] {sent, total}))
                                .build());
        long contentLength = Long.parseLong(uploads().get(0).getHeader("Content-Length"));
        assertThat(events).hasSizeGreaterThan(3);
        long previous = -1;
        for (long[] e : events) {
            assertThat(e[0]).isGreaterThanOrEqualTo(previous);
            assertThat(e[1]).isEqualTo(contentLength);
            previous = e[0];
        }
        assertThat(events.get(0)[0]).isZero();
        assertThat(previous).isEqualTo(contentLength);
    }

    @Test
    void aFailingProgressListenerDoesNotBreakTheUpload() throws Exception {
        wm.stubFor(post(PATH).willReturn(okJson(FILES_RESPONSE)));
        AtomicInteger calls = new AtomicInteger();
        UploadResult r = client.uploads()
                .upload(
                        SID,
                        List.of(MediaSource.of(file("a.gif", gif(100_000)))),
                        UploadOptions.builder()
                                .onProgress((s, t) -> {
                                    calls.incrementAndGet();
                                    throw new IllegalStateException("listener bug");
                                })
                                .build());
        assertThat(r.files()).hasSize(1);
        assertThat(calls).hasValue(1);
    }

    @Test
    void uploadsUseTheirOwnGenerousDeadlineNotTheJsonRequestTimeout() throws Exception {
        client.close();
        client = wm.client(dir)
                .token(TestTokens.EXPLICIT)
                .requestTimeout(Duration.ofMillis(100))
                .build();
        wm.stubFor(post(PATH).willReturn(okJson(FILES_RESPONSE).withFixedDelay(600)));
        assertThat(client.uploads().upload(SID, file("a.gif", gif(100))).files())
                .hasSize(1);
    }

    @Test
    void theUploadTimeoutBoundsTheWholeExchange() throws Exception {
        wm.stubFor(post(PATH).willReturn(okJson(FILES_RESPONSE).withFixedDelay(1_500)));
        Path f = file("a.gif", gif(100));
        assertThatThrownBy(() -> client.uploads()
                        .upload(
                                SID,
                                List.of(MediaSource.of(f)),
                                UploadOptions.builder()
                                        .request(RequestOptions.builder()
                                                .timeout(Duration.ofMillis(200))
                                                .build())
                                        .build()))
                .isInstanceOfSatisfying(
                        TransportException.class, e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
    }

    @Test
    void cancellingTheFutureAbortsAStreamThatNeverEnds() throws Exception {
        java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
        Flow.Publisher<ByteBuffer> slow = s -> s.onSubscribe(new Flow.Subscription() {
            boolean first = true;

            @Override
            public void request(long n) {
                if (first) {
                    first = false;
                    s.onNext(ByteBuffer.wrap(gif(100)));
                }
            }

            @Override
            public void cancel() {
                cancelled.countDown();
            }
        });
        wm.stubFor(post(PATH).willReturn(okJson(FILES_RESPONSE)));
        CompletableFuture<UploadResult> f =
                client.uploads().uploadAsync(SID, List.of(MediaSource.ofPublisher("slow.gif", 1_000_000, slow)));
        // the head check needs more than one buffer from this stream, which never sends it: cancel
        f.cancel(true);
        assertThat(f).isCancelled();
        assertThat(cancelled.await(10, TimeUnit.SECONDS))
                .as("the stream was cancelled")
                .isTrue();
    }

    @Test
    void theFirstFailingCheckStopsTheOtherStreamsAtOnce() throws Exception {
        java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
        Flow.Publisher<ByteBuffer> silent = s -> s.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {
                cancelled.countDown();
            }
        });
        Path big = file("big.gif", gif(2000));
        CompletableFuture<UploadResult> f = client.uploads()
                .uploadAsync(
                        SID,
                        List.of(MediaSource.ofPublisher("silent.gif", 100, silent), MediaSource.of(big)),
                        UploadOptions.builder().maxFileSize(1000).build());
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(MediaTooLargeException.class);
        assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void aOneShotStreamCannotBeSentTwiceAndSaysSo() throws Exception {
        client.close();
        wm.stubFor(post("/api/auth/anonymous-token")
                .willReturn(okJson(
                        "{\"code\":0,\"data\":{\"token\":\"" + TestTokens.ANON_1 + "\",\"user_id\":\"anon_1\"}}")));
        wm.stubFor(post(PATH).willReturn(okJson("{\"code\":1001}")));
        client = wm.client(dir).clientId("cid-one-shot").build();
        AtomicInteger subscriptions = new AtomicInteger();
        byte[] content = gif(1000);
        Flow.Publisher<ByteBuffer> oneShot = s -> {
            if (subscriptions.incrementAndGet() == 1) {
                Bodies.chunked(content, new int[] {100}, null).subscribe(s);
            } else {
                s.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {}

                    @Override
                    public void cancel() {}
                });
                s.onError(new IllegalStateException("this stream can be read only once"));
            }
        };
        assertThatThrownBy(() -> client.uploads()
                        .upload(SID, List.of(MediaSource.ofPublisher("once.gif", content.length, oneShot))))
                .isInstanceOfSatisfying(
                        MediaSourceException.class,
                        e -> assertThat(e.fileName()).isEqualTo("once.gif"))
                .hasMessageContaining("read only once");
        assertThat(parts(uploads().get(0)).get(0).content()).isEqualTo(content);
    }

    @Test
    void sessionIdsAreValidatedAndEncodedAsOnePathSegment() throws Exception {
        wm.stubFor(post(urlEqualTo("/api/upload-video/nemo_agent/me/a%2Fb%20c")).willReturn(okJson(FILES_RESPONSE)));
        assertThat(client.uploads().upload("a/b c", file("a.gif", gif(10))).files())
                .hasSize(1);
        assertThatThrownBy(() -> client.uploads().upload(" ", file("b.gif", gif(10))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.uploads().upload("..", file("c.gif", gif(10))))
                .as("an id of dots would upload to /me/..")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.uploads().uploadUrls(".", List.of("https://example.com/a.gif")))
                .isInstanceOf(IllegalArgumentException.class);
        wm.verify(
                1,
                postRequestedFor(urlEqualTo("/api/upload-video/nemo_agent/me/a%2Fb%20c"))
                        .withHeader("Content-Type", matching("multipart/form-data; boundary=.+")));
        assertThat(wm.findAll(postRequestedFor(anyUrl())))
                .as("nothing sent for refused ids")
                .hasSize(1);
    }
}
