package dev.nemo.sdk.export;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.error.DecodeException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.TokenExpiredException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.json.JsonValue;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.WireMockApi;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DownloadTest {
    private static final String RENDER = "render_1795559949543_abcdef0123";
    private static final String FALLBACK = "/api/render/proxy/" + RENDER + "/download";

    @TempDir
    Path dir;
    @TempDir
    Path config;
    @RegisterExtension
    final WireMockApi api = new WireMockApi();
    @RegisterExtension
    final WireMockApi cdn = new WireMockApi();
    private NemoClient client;
    private final byte[] video = randomBytes(256 * 1024);

    @BeforeEach
    void start() {
        client = api.client(config).token(TestTokens.EXPLICIT).build();
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    private static ExportJob completed(String url) {
        return ExportJob.fromJson(RENDER, JsonValue.parse(url == null ? "{\"status\":\"completed\"}"
                : "{\"status\":\"completed\",\"outputUrl\":\"" + url + "\"}"));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().collect(Collectors.toList());
        }
    }

    private static void assertNoCredentials(LoggedRequest r) {
        assertThat(r.containsHeader("Authorization")).as("Authorization sent to " + r.getUrl()).isFalse();
        assertThat(r.getHeaders().keys()).noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("x-skill"));
        assertThat(r.getHeaders().keys()).noneMatch(h -> h.equalsIgnoreCase("X-Client-Id"));
    }

    @Test
    void aCdnOnAnotherHostGetsAPlainGet() throws IOException {
        cdn.stubFor(get(urlPathEqualTo("/render-result/out.mp4")).willReturn(aResponse().withBody(video)));

        DownloadResult r = client.exports().download(completed(cdn.baseUrl() + "/render-result/out.mp4?sig=s3cr3t"), dir);

        assertThat(r.path()).isEqualTo(dir.resolve("out.mp4"));
        assertThat(Files.readAllBytes(r.path())).isEqualTo(video);
        assertThat(r.bytes()).isEqualTo(video.length);
        assertThat(r.usedFallback()).isFalse();
        assertThat(r.duration().isNegative()).isFalse();
        assertThat(r.source().toString()).isEqualTo(cdn.baseUrl() + "/render-result/out.mp4");
        List<LoggedRequest> atCdn = cdn.findAll(anyRequestedFor(anyUrl()));
        assertThat(atCdn).hasSize(1);
        assertThat(atCdn.get(0).getUrl()).isEqualTo("/render-result/out.mp4?sig=s3cr3t");
        assertNoCredentials(atCdn.get(0));
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(files()).containsExactly(dir.resolve("out.mp4"));
    }

    @Test
    void aClientThatSkipsTheForceStillWritesTheWholeFileAtomically() throws IOException {
        cdn.stubFor(get(urlPathEqualTo("/render-result/out.mp4")).willReturn(aResponse().withBody(video)));

        try (NemoClient fast = client.toBuilder().durableDownloads(false).build()) {
            DownloadResult r = fast.exports().download(completed(cdn.baseUrl() + "/render-result/out.mp4"), dir);
            assertThat(Files.readAllBytes(r.path())).isEqualTo(video);
        }
        assertThat(files()).containsExactly(dir.resolve("out.mp4"));
    }

    @Test
    void theDownloadedFileGetsTheDefaultPermissionsOfANewFileNotOwnerOnly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        cdn.stubFor(get(urlPathEqualTo("/render-result/out.mp4")).willReturn(aResponse().withBody(video)));

        DownloadResult r = client.exports().download(completed(cdn.baseUrl() + "/render-result/out.mp4"), dir);

        Path reference = Files.createFile(dir.resolve("reference.txt"));
        assertThat(Files.getPosixFilePermissions(r.path())).isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void credentialsAreDroppedWhenARedirectLeavesTheApiOrigin() throws IOException {
        api.stubFor(get("/files/out.mp4").willReturn(aResponse().withStatus(302)
                .withHeader("Location", cdn.baseUrl() + "/a/out.mp4")));
        cdn.stubFor(get("/a/out.mp4").willReturn(aResponse().withStatus(301).withHeader("Location", "/b/out.mp4")));
        cdn.stubFor(get("/b/out.mp4").willReturn(aResponse().withBody(video)));

        DownloadResult r = client.exports().download(completed(api.baseUrl() + "/files/out.mp4"), dir.resolve("x.mp4"));

        assertThat(Files.readAllBytes(r.path())).isEqualTo(video);
        assertThat(r.source().toString()).isEqualTo(cdn.baseUrl() + "/b/out.mp4");
        assertThat(r.usedFallback()).isFalse();
        api.verify(getRequestedFor(urlEqualTo("/files/out.mp4"))
                .withHeader("Authorization", equalTo("Bearer " + TestTokens.EXPLICIT)));
        List<LoggedRequest> atCdn = cdn.findAll(anyRequestedFor(anyUrl()));
        assertThat(atCdn).hasSize(2);
        atCdn.forEach(DownloadTest::assertNoCredentials);
    }

    @Test
    void aRedirectBackToTheApiOriginDoesNotRegainCredentials() throws IOException {
        cdn.stubFor(get("/out.mp4").willReturn(aResponse().withStatus(302).withHeader("Location", api.baseUrl() + "/back.mp4")));
        api.stubFor(get("/back.mp4").willReturn(aResponse().withBody(video)));

        client.exports().download(completed(cdn.baseUrl() + "/out.mp4"), dir.resolve("x.mp4"));

        api.findAll(getRequestedFor(urlEqualTo("/back.mp4"))).forEach(DownloadTest::assertNoCredentials);
        assertThat(Files.readAllBytes(dir.resolve("x.mp4"))).isEqualTo(video);
    }

    @Test
    void whenTheOutputUrlFailsTheAuthenticatedEndpointServesTheFile() throws IOException {
        cdn.stubFor(get("/out.mp4").willReturn(aResponse().withStatus(403)));
        api.stubFor(get(FALLBACK).willReturn(aResponse().withBody(video)));

        DownloadResult r = client.exports().download(completed(cdn.baseUrl() + "/out.mp4"), dir);

        assertThat(r.usedFallback()).isTrue();
        assertThat(r.path()).isEqualTo(dir.resolve("out.mp4"));
        assertThat(Files.readAllBytes(r.path())).isEqualTo(video);
        assertThat(r.source().toString()).isEqualTo(api.baseUrl() + FALLBACK);
        api.verify(getRequestedFor(urlEqualTo(FALLBACK))
                .withHeader("Authorization", equalTo("Bearer " + TestTokens.EXPLICIT))
                .withHeader("X-Skill-Source", equalTo("ai-gif-compressor")));
        assertThat(files()).containsExactly(dir.resolve("out.mp4"));
    }

    @Test
    void anExpiredTokenAnsweredWithA200EnvelopeIsATypedErrorNotTheFile() throws IOException {
        api.stubFor(get(FALLBACK).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":1001,\"message\":\"token expired\"}")));

        assertThatThrownBy(() -> client.exports().download(completed(null), dir))
                .isInstanceOf(TokenExpiredException.class);

        assertThat(files()).isEmpty();
    }

    @Test
    void aSuccessEnvelopeWhereTheFileWasExpectedIsADecodeError() throws IOException {
        api.stubFor(get(FALLBACK).willReturn(okJson("{\"code\":0,\"data\":{}}")));

        assertThatThrownBy(() -> client.exports().download(completed(null), dir))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("application/json");

        assertThat(files()).isEmpty();
    }

    @Test
    void aCompletedJobWithoutUrlUsesTheAuthenticatedEndpoint() throws IOException {
        api.stubFor(get(FALLBACK).willReturn(aResponse().withBody(video)));

        DownloadResult r = client.exports().download(completed(null), dir);

        assertThat(r.path()).isEqualTo(dir.resolve(RENDER + ".mp4"));
        assertThat(r.usedFallback()).isTrue();
        assertThat(Files.readAllBytes(r.path())).isEqualTo(video);
    }

    @Test
    void whenBothFailTheErrorNamesTheFallbackAndKeepsTheFirst() throws IOException {
        cdn.stubFor(get("/out.mp4").willReturn(aResponse().withStatus(404)));
        api.stubFor(get(FALLBACK).willReturn(aResponse().withStatus(404).withBody("{\"success\":false,\"error\":\"gone\"}")));

        assertThatThrownBy(() -> client.exports().download(completed(cdn.baseUrl() + "/out.mp4"), dir))
                .isInstanceOf(NemoException.class)
                .hasMessageContaining("gone")
                .satisfies(e -> assertThat(e.getSuppressed()).anySatisfy(s ->
                        assertThat(s).hasMessageContaining("failed with HTTP 404")));
        assertThat(files()).isEmpty();
    }

    @Test
    void aCutDownloadLeavesNoPartialFileAndKeepsTheOldOne() throws Exception {
        Path target = dir.resolve("out.mp4");
        Files.write(target, "old".getBytes(StandardCharsets.UTF_8));
        try (CuttingServer cut = new CuttingServer(100_000, 5_000)) {
            api.stubFor(get(FALLBACK).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

            assertThatThrownBy(() -> client.exports().download(completed(cut.url()), target))
                    .isInstanceOf(TransportException.class);
            assertThat(cut.served()).isTrue();
        }
        assertThat(Files.readAllBytes(target)).isEqualTo("old".getBytes(StandardCharsets.UTF_8));
        assertThat(files()).containsExactly(target);
    }

    @Test
    void aCutCdnDownloadFallsBack() throws Exception {
        api.stubFor(get(FALLBACK).willReturn(aResponse().withBody(video)));
        try (CuttingServer cut = new CuttingServer(100_000, 5_000)) {
            DownloadResult r = client.exports().download(completed(cut.url()), dir.resolve("v.mp4"));
            assertThat(r.usedFallback()).isTrue();
        }
        assertThat(Files.readAllBytes(dir.resolve("v.mp4"))).isEqualTo(video);
        assertThat(files()).containsExactly(dir.resolve("v.mp4"));
    }

    @Test
    void randomDataThenCloseIsAFailureWithoutFile() throws IOException {
        cdn.stubFor(get("/out.mp4").willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
        api.stubFor(get(FALLBACK).willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

        assertThatThrownBy(() -> client.exports().download(completed(cdn.baseUrl() + "/out.mp4"), dir))
                .isInstanceOf(TransportException.class);
        assertThat(files()).isEmpty();
    }

    @Test
    void aSizeDifferentFromTheReportedOneIsIncomplete() throws IOException {
        ExportJob job = ExportJob.fromJson(RENDER, JsonValue.parse("{\"status\":\"completed\",\"output\":{\"url\":\""
                + cdn.baseUrl() + "/out.mp4\",\"size\":" + (video.length + 10) + "}}"));
        cdn.stubFor(get("/out.mp4").willReturn(aResponse().withBody(video)));
        api.stubFor(get(FALLBACK).willReturn(aResponse().withBody(video)));

        assertThatThrownBy(() -> client.exports().download(job, dir)).isInstanceOf(TransportException.class)
                .hasMessageContaining("incomplete");
        assertThat(files()).isEmpty();
    }

    @Test
    void theDeadlineCoversTheBody() throws IOException {
        cdn.stubFor(get("/slow.mp4").willReturn(aResponse().withBody(video).withChunkedDribbleDelay(50, 30_000)));

        assertThatThrownBy(() -> client.exports().download(completed(cdn.baseUrl() + "/slow.mp4"), dir,
                RequestOptions.builder().timeout(Duration.ofMillis(500)).build()))
                .isInstanceOfSatisfying(TransportException.class, e ->
                        assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
        assertThat(files()).isEmpty();
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void refusesAJobWithNothingToDownload() {
        ExportJob running = ExportJob.fromJson(RENDER, JsonValue.parse("{\"status\":\"processing\"}"));
        assertThatThrownBy(() -> client.exports().download(running, dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing to download yet");
    }

    @Test
    void aMissingTargetDirectoryIsALocalErrorWithoutAnyRequest() {
        cdn.stubFor(get("/out.mp4").willReturn(aResponse().withBody(video)));
        assertThatThrownBy(() -> client.exports().download(completed(cdn.baseUrl() + "/out.mp4"),
                dir.resolve("missing/out.mp4"))).isInstanceOf(UncheckedIOException.class);
        assertThat(cdn.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void anUnsafeUrlFileNameFallsBackToTheRenderId() throws IOException {
        cdn.stubFor(get(anyUrl()).willReturn(aResponse().withBody(video)));
        DownloadResult r = client.exports().download(completed(cdn.baseUrl() + "/x/evil%20name%3B.gif"), dir);
        assertThat(r.path()).isEqualTo(dir.resolve(RENDER + ".gif"));
    }

    /** Answers one request with a Content-Length it never delivers, then closes the socket. */
    private static final class CuttingServer implements AutoCloseable {
        private final ServerSocket server;
        private final Thread thread;
        private volatile boolean served;

        CuttingServer(int declared, int sent) throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[8192]);
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: " + declared + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(new byte[sent]);
                    out.flush();
                    served = true;
                } catch (IOException ignored) {
                    // closed by the test
                }
            }, "cutting-server");
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/cut.mp4";
        }

        boolean served() {
            return served;
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(10_000);
        }
    }
}
