package dev.nemo.sdk.benchmarks.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The server of the SDK-vs-raw benchmarks, run in its own JVM by {@link ServerProcess}: a JDK
 * {@link HttpServer} on loopback that answers every exchange with fixed bytes, so that the SDK and
 * the raw client are measured against exactly the same answers. It prints {@code port=<n>} and
 * stops when its standard input closes (so it never outlives the benchmark that started it).
 *
 * <ul>
 *   <li>{@code GET /api/credits/balance/simple}: a credits envelope;</li>
 *   <li>{@code POST /api/upload-video/…}: reads the whole body, answers one uploaded file;</li>
 *   <li>{@code GET /api/render/proxy/lambda/<id>}: a completed render whose output is {@code /files/video.mp4};</li>
 *   <li>{@code GET /files/video.mp4}: {@value #DOWNLOAD_BYTES} bytes;</li>
 *   <li>{@code POST /run_sse}: three ADK events as Server-Sent Events.</li>
 * </ul>
 */
public final class BenchServer {
    /** The size of the download, 200 MiB. */
    public static final long DOWNLOAD_BYTES = 200L * 1024 * 1024;
    /** The credits answer. */
    public static final byte[] CREDITS =
            bytes("{\"code\":0,\"message\":\"success\",\"data\":{\"available\":5,\"frozen\":0,\"total\":5}}");

    private static final byte[] UPLOADED =
            bytes("{\"code\":0,\"message\":\"success\",\"data\":{\"files\":[{\"filename\":\"big.mp4\","
                    + "\"url\":\"https://cdn.example/big.mp4\",\"fileType\":\"video\"}]}}");
    private static final byte[] CHUNK = new byte[1024 * 1024];
    private static final byte[] SSE = bytes(event("e-1", "Working on it", true)
            + event("e-2", "Working on it. Done", true)
            + event("e-3", "Working on it. Done.", false));

    private BenchServer() {}

    /**
     * @param args unused
     * @throws IOException when the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        int port = server.getAddress().getPort();
        String base = "http://127.0.0.1:" + port;
        byte[] render = bytes("{\"success\":true,\"data\":{\"status\":\"completed\",\"progress\":100,\"outputUrl\":\""
                + base + "/files/video.mp4\",\"outputSize\":" + DOWNLOAD_BYTES + "}}");
        server.createContext("/", exchange -> answer(exchange, render));
        server.setExecutor(pool);
        server.start();
        System.out.println("port=" + port);
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream()); // until the parent closes our standard input
        server.stop(0);
        pool.shutdownNow();
    }

    private static void answer(HttpExchange exchange, byte[] render) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/files/")) {
                download(exchange);
            } else if (path.equals("/run_sse")) {
                send(exchange, "text/event-stream", SSE, 0);
            } else if (path.startsWith("/api/credits")) {
                send(exchange, "application/json", CREDITS, CREDITS.length);
            } else if (path.startsWith("/api/upload-video/")) {
                send(exchange, "application/json", UPLOADED, UPLOADED.length);
            } else {
                send(exchange, "application/json", render, render.length);
            }
        }
    }

    private static void download(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "video/mp4");
        exchange.sendResponseHeaders(200, DOWNLOAD_BYTES);
        OutputStream out = exchange.getResponseBody();
        for (long sent = 0; sent < DOWNLOAD_BYTES; sent += CHUNK.length) {
            out.write(CHUNK);
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] bytes, long length) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, length);
        exchange.getResponseBody().write(bytes);
    }

    private static String event(String id, String text, boolean partial) {
        return "data: {\"content\":{\"parts\":[{\"text\":\"" + text + "\"}],\"role\":\"model\"},\"partial\":" + partial
                + ",\"invocationId\":\"e-bench\",\"author\":\"nemo_agent\",\"actions\":{\"stateDelta\":{},"
                + "\"artifactDelta\":{},\"requestedAuthConfigs\":{},\"requestedToolConfirmations\":{}},\"id\":\"" + id
                + "\",\"timestamp\":1764000000.5}\n\n";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
