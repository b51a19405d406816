package dev.nemo.sdk.upload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server (the JDK's) standing in for the upload endpoint, independent of WireMock and
 * of the SDK: it reads what arrives on the wire and hands it to the test.
 */
final class LocalUploadServer implements AutoCloseable {
    /** What one request carried. */
    record Received(
            String contentType,
            String contentLength,
            String transferEncoding,
            byte[] body,
            long bytesCounted,
            String sha256OfBody) {}

    /** Reads a request body; {@code storeBody} false only counts and hashes it. */
    private final boolean storeBody;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();

    LocalUploadServer(boolean storeBody) throws IOException {
        this.storeBody = storeBody;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/upload-video/nemo_agent/me/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Received next() throws InterruptedException {
        Received r = received.poll(60, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no upload arrived");
        }
        return r;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            java.io.ByteArrayOutputStream store = storeBody ? new java.io.ByteArrayOutputStream() : null;
            long count = 0;
            try (InputStream in = ex.getRequestBody()) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) {
                    digest.update(buf, 0, n);
                    count += n;
                    if (store != null) {
                        store.write(buf, 0, n);
                    }
                }
            }
            String contentType = ex.getRequestHeaders().getFirst("Content-Type");
            byte[] body = store == null ? null : store.toByteArray();
            received.add(new Received(
                    contentType,
                    ex.getRequestHeaders().getFirst("Content-Length"),
                    ex.getRequestHeaders().getFirst("Transfer-Encoding"),
                    body,
                    count,
                    java.util.HexFormat.of().formatHex(digest.digest())));
            StringBuilder files = new StringBuilder();
            if (body != null) {
                List<StrictMultipartParser.Part> parts = StrictMultipartParser.parse(contentType, body);
                for (StrictMultipartParser.Part p : parts) {
                    files.append(files.length() == 0 ? "" : ",")
                            .append("{\"filename\":\"")
                            .append(p.fileName().replace("\\", "\\\\").replace("\"", "\\\""))
                            .append("\",\"hash\":\"")
                            .append(p.sha256())
                            .append("\",\"cdn_url\":\"https://cdn.test/")
                            .append(p.sha256())
                            .append("\"}");
                }
            } else {
                files.append("{\"filename\":\"streamed\",\"hash\":\"")
                        .append(count)
                        .append("\"}");
            }
            byte[] response = ("{\"code\":0,\"data\":{\"files\":[" + files + "],\"session_state_applied\":true}}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, response.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(response);
            }
        } catch (RuntimeException | java.security.NoSuchAlgorithmException e) {
            byte[] response = ("{\"code\":500,\"message\":\"test server: "
                            + e.getMessage().replace("\"", "'") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(500, response.length);
            ex.getResponseBody().write(response);
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
