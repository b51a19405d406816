package dev.nemo.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.nemo.sdk.chat.ChatStream;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportPoller;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.upload.MediaSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocking calls run on the caller's thread: hundreds of them start no thread (issue 15 measured one
 * new thread per call on hosts with two CPUs or fewer, where the JDK's async pool spawns a thread per
 * task). Covers the plain calls, uploads (file, stream, URLs), exports (submit, wait, poll, cancel,
 * download) and the blocking chat (state read, stream, state read).
 */
class ThreadsPerCallTest {
    private static final byte[] GIF =
            "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] VIDEO = new byte[64 * 1024];

    @TempDir
    Path dir;

    private ExecutorService serverThreads;
    private HttpServer server;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @BeforeEach
    void startServer() throws IOException {
        serverThreads = Executors.newFixedThreadPool(1);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(serverThreads);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void twoHundredBlockingCallsStartNoThread() {
        try (NemoClient client = client()) {
            long started = threadsStartedBy(
                    20,
                    200,
                    () -> assertThat(client.credits().balance().available()).isEqualTo(5));
            System.out.println("threads started by 200 blocking calls: " + started);
            // a thread per call would show 200; allow a few for the JVM's own (JIT compiler threads come and go)
            assertThat(started).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void blockingUploadsStartNoThread() throws IOException {
        Path gif = Files.write(dir.resolve("cat.gif"), GIF);
        try (NemoClient client = client()) {
            long started = threadsStartedBy(5, 30, () -> {
                assertThat(client.uploads().upload("s1", gif).files()).hasSize(1);
                MediaSource stream =
                        MediaSource.ofInputStream("dog.gif", GIF.length, () -> new ByteArrayInputStream(GIF));
                assertThat(client.uploads().upload("s1", List.of(stream)).files())
                        .hasSize(1);
                assertThat(client.uploads()
                                .uploadUrls("s1", List.of("https://example.com/a.gif"))
                                .files())
                        .hasSize(1);
            });
            System.out.println("threads started by 90 blocking uploads: " + started);
            assertThat(started).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void blockingExportsStartNoThread() throws IOException {
        Draft draft;
        try (InputStream in = getClass().getResourceAsStream("/drafts/seed-draft.json")) {
            draft = Draft.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Path out = Files.createDirectory(dir.resolve("out"));
        try (NemoClient client = client()) {
            long started = threadsStartedBy(5, 20, () -> {
                ExportPoller poller = client.exports().submit("s1", draft);
                ExportJob done = poller.waitForCompletion();
                assertThat(client.exports().poll(done.renderId()).isCompleted()).isTrue();
                DownloadResult file = client.exports().download(done, out);
                assertThat(file.bytes()).isEqualTo(VIDEO.length);
                client.exports().cancel(done.renderId());
            });
            System.out.println("threads started by 20 blocking export rounds (100 calls): " + started);
            assertThat(started).isLessThanOrEqualTo(3);
        }
    }

    /**
     * A blocking chat runs its state reads on the caller's thread and waits for the stream's head
     * there too ({@code HttpClient.send}): with {@code sendAsync} the JDK completed each message on a
     * new thread with two CPUs or fewer.
     */
    @Test
    void blockingChatStartsNoThread() {
        try (NemoClient client = client()) {
            long started = threadsStartedBy(
                    5,
                    50,
                    () -> assertThat(client.chat().send("s1", "add a title").hasText())
                            .isTrue());
            System.out.println(
                    "threads started by 50 blocking chat sends (state read, stream, state read): " + started);
            assertThat(started).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void blockingChatStreamsStartNoThread() {
        try (NemoClient client = client()) {
            long started = threadsStartedBy(5, 50, () -> {
                try (ChatStream stream = client.chat().stream("s1", "add a title")) {
                    assertThat(stream.result().hasText()).isTrue();
                }
            });
            System.out.println("threads started by 50 blocking chat streams: " + started);
            assertThat(started).isLessThanOrEqualTo(3);
        }
    }

    private long threadsStartedBy(int warmUps, int rounds, Runnable round) {
        for (int i = 0; i < warmUps; i++) {
            round.run(); // warm up: connection pool, HTTP client worker, server thread
        }
        long before = threads.getTotalStartedThreadCount();
        for (int i = 0; i < rounds; i++) {
            round.run();
        }
        return threads.getTotalStartedThreadCount() - before;
    }

    private NemoClient client() {
        VirtualTime time = VirtualTime.create();
        return NemoClient.builder()
                .baseUrl(base())
                .environment(Map.of())
                .configDirectory(dir)
                .clock(time)
                .sleeper(time)
                .token(TestTokens.EXPLICIT)
                .build();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/run_sse") || path.startsWith("/api/state/")) {
                send(
                        exchange,
                        path.equals("/run_sse") ? "text/event-stream" : "application/json",
                        resource(
                                path.equals("/run_sse")
                                        ? "/transcripts/adk-java-tool-text.sse"
                                        : "/drafts/state-latest.json"));
                return;
            }
            if (path.startsWith("/out/")) {
                send(exchange, "video/mp4", VIDEO);
                return;
            }
            String json = path.startsWith("/api/credits")
                    ? "{\"code\":0,\"data\":{\"available\":5,\"frozen\":0,\"total\":5}}"
                    : path.startsWith("/api/upload-video/")
                            ? "{\"code\":0,\"data\":{\"files\":[{\"filename\":\"cat.gif\",\"url\":\"https://cdn.example/cat.gif\"}]}}"
                            : path.endsWith("/cancel")
                                    ? "{\"success\":true,\"data\":{}}"
                                    : "GET".equals(exchange.getRequestMethod())
                                            ? "{\"success\":true,\"data\":{\"status\":\"completed\",\"progress\":100,\"outputUrl\":\""
                                                    + base() + "/out/video.mp4\",\"outputSize\":" + VIDEO.length + "}}"
                                            : "{\"success\":true,\"data\":{\"status\":\"pending\"}}";
            send(exchange, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ThreadsPerCallTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
