package dev.nemo.sdk.conformance.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A thin NemoVideo gateway in front of a real ADK server: the anonymous token, session creation
 * ({@code /api/tasks/me/with-session/<app>} creates the ADK session), {@code /run_sse} passed
 * through with the snake_case body translated, and the state endpoint over ADK's session API with
 * the NemoVideo envelope. Every {@code /run_sse} response is relayed as it arrives and recorded
 * ({@link #runs()}); when ADK cuts its stream, the gateway cuts the client's connection too.
 */
public final class AdkGateway implements AutoCloseable {
    private static final String STATE_PREFIX = "/api/state/";
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "adk-gateway");
        t.setDaemon(true);
        return t;
    });
    private final AdkBridge bridge;
    private final List<WireRecord> runs = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(5529798706024415232L);

    private AdkGateway(AdkBridge bridge) throws IOException {
        this.bridge = bridge;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(threads);
        server.createContext("/", this::route);
        server.start();
    }

    /**
     * @param adk the ADK server
     * @param app the app (agent) name
     * @return the running gateway on a free loopback port
     * @throws IOException when the port cannot be opened
     */
    public static AdkGateway start(URI adk, String app) throws IOException {
        return new AdkGateway(new AdkBridge(adk, app));
    }

    /** @return the base URL for {@code NemoClient.builder().baseUrl(...)} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return every {@code /run_sse} relayed so far, in order */
    public List<WireRecord> runs() {
        return List.copyOf(runs);
    }

    /** @return the last {@code /run_sse} relayed */
    public Optional<WireRecord> lastRun() {
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }

    /** @return the bridge to ADK */
    public AdkBridge bridge() {
        return bridge;
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if ("POST".equals(method) && path.equals("/api/auth/anonymous-token")) {
            ObjectNode data = AdkBridge.JSON
                    .createObjectNode()
                    .put("token", "nmv_usr_conformance" + ids.incrementAndGet())
                    .put("user_id", "anon_conformance")
                    .put("expires_at", "2099-01-01T00:00:00Z")
                    .put("credits", 100);
            envelope(ex, data);
        } else if ("POST".equals(method) && path.equals("/api/tasks/me/with-session/" + bridge.app())) {
            String sid = Long.toString(ids.incrementAndGet());
            bridge.createSession("me", sid, AdkBridge.JSON.createObjectNode());
            envelope(
                    ex,
                    AdkBridge.JSON
                            .createObjectNode()
                            .put("task_id", "task_" + sid)
                            .put("session_id", sid)
                            .put("user_id", "anon_conformance"));
        } else if ("POST".equals(method) && path.equals("/run_sse")) {
            runSse(ex);
        } else if ("GET".equals(method) && path.startsWith(STATE_PREFIX) && path.endsWith("/latest")) {
            state(ex, path);
        } else if ("GET".equals(method) && path.equals("/api/credits/balance/simple")) {
            envelope(
                    ex,
                    AdkBridge.JSON
                            .createObjectNode()
                            .put("available", 100)
                            .put("frozen", 0)
                            .put("total", 100));
        } else {
            send(ex, 404, "{\"code\":404,\"message\":\"not found\"}");
        }
    }

    /** {@code /api/state/<app>/me/<sid>/latest}: ADK's {@code session.state} in the NemoVideo envelope. */
    private void state(HttpExchange ex, String path) throws IOException {
        String[] p = path.substring(STATE_PREFIX.length()).split("/");
        if (p.length != 4 || !p[0].equals(bridge.app())) {
            send(ex, 404, "{\"code\":404,\"message\":\"not found\"}");
            return;
        }
        JsonNode session = bridge.session("me", p[2]);
        if (session == null) {
            send(ex, 200, "{\"code\":2001,\"message\":\"Session not found\"}");
            return;
        }
        ObjectNode data = AdkBridge.JSON
                .createObjectNode()
                .put("session_id", p[2])
                .put("task_id", "task_" + p[2])
                .put("task_name", "project");
        data.set("state", session.path("state").deepCopy());
        envelope(ex, data);
    }

    private void runSse(HttpExchange ex) throws IOException {
        JsonNode nemo;
        try (InputStream in = ex.getRequestBody()) {
            nemo = AdkBridge.JSON.readTree(in);
        }
        ObjectNode upstream = bridge.translate(nemo);
        WireRecord record = new WireRecord(upstream.path("sessionId").asText(), upstream.toString());
        runs.add(record);
        HttpResponse<InputStream> r = bridge.runSse(upstream);
        record.status(r.statusCode());
        try (InputStream body = r.body()) {
            if (r.statusCode() != 200) {
                byte[] b = body.readAllBytes();
                record.append(b, 0, b.length);
                record.end(false);
                ex.sendResponseHeaders(r.statusCode(), b.length == 0 ? -1 : b.length);
                ex.getResponseBody().write(b);
                ex.close();
                return;
            }
            ex.getResponseHeaders()
                    .set("Content-Type", r.headers().firstValue("Content-Type").orElse("text/event-stream"));
            ex.sendResponseHeaders(200, 0);
            relay(body, ex.getResponseBody(), record);
        }
        ex.close();
    }

    /** Copies ADK's body as it arrives; an upstream cut becomes a cut of the client's connection. */
    private static void relay(InputStream body, OutputStream out, WireRecord record) {
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = body.read(buf)) != -1; ) {
                record.append(buf, 0, n);
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            record.end(true);
            throw new StreamCut("ADK cut the stream: " + e.getMessage());
        }
        record.end(false);
    }

    private static void envelope(HttpExchange ex, JsonNode data) throws IOException {
        ObjectNode env = AdkBridge.JSON.createObjectNode().put("code", 0).put("message", "success");
        env.set("data", data);
        send(ex, 200, env.toString());
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** Thrown from the handler so the JDK server drops the connection without the terminating chunk. */
    static final class StreamCut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StreamCut(String why) {
            super(why, null, false, false);
        }
    }
}
