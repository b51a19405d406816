package dev.nemo.sdk.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.nemo.sdk.testkit.Endpoint;
import dev.nemo.sdk.testkit.RecordedRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The CDN port: serves uploaded media and render outputs by plain GET (and HEAD) with no
 * authentication, and records every request's headers so that a test can check that no
 * {@code Authorization} ever arrives here. Faults aimed at {@link Endpoint#CDN} apply.
 */
public final class CdnServer implements HttpHandler {
    private final World world;
    private final FaultEngine faults;
    private final RequestLog log;
    private final CountDownLatch stopping;

    /**
     * @param world    the state
     * @param faults   scripted faults
     * @param log      where requests are recorded
     * @param stopping counted down when the emulator stops
     */
    public CdnServer(World world, FaultEngine faults, RequestLog log, CountDownLatch stopping) {
        this.world = world;
        this.faults = faults;
        this.log = log;
        this.stopping = stopping;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        boolean dropped = false;
        try {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            log.add(new RecordedRequest(
                    Endpoint.CDN,
                    method,
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(),
                    null,
                    world.clock().instant()));
            FaultRule fault = faults.take(Endpoint.CDN);
            if (fault != null && !answerFault(exchange, fault)) {
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(
                        exchange,
                        405,
                        "text/plain; charset=utf-8",
                        "Method Not Allowed".getBytes(StandardCharsets.UTF_8),
                        false);
                return;
            }
            World.CdnObject object = world.cdnObject(path);
            if (object == null) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not Found".getBytes(StandardCharsets.UTF_8), false);
                return;
            }
            exchange.getResponseHeaders().set("Cache-Control", "public, max-age=31536000");
            send(exchange, 200, object.mimeType(), object.bytes(), method.equals("HEAD"));
        } catch (Call.Drop d) {
            dropped = true;
            throw d;
        } finally {
            if (!dropped) {
                exchange.close();
            }
        }
    }

    /** @return whether normal handling continues */
    private boolean answerFault(HttpExchange exchange, FaultRule fault) throws IOException {
        try {
            if (!fault.delay().isZero() && stopping.await(fault.delay().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new Call.Drop("emulator stopping");
            }
            if (fault.kind() == FaultRule.Kind.HOLD) {
                while (!fault.awaitRelease(Duration.ofMillis(50))) {
                    if (stopping.getCount() == 0) {
                        throw new Call.Drop("emulator stopping");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Call.Drop("interrupted");
        }
        switch (fault.kind()) {
            case PASS:
            case HOLD:
                return true;
            case DROP_CONNECTION:
                throw new Call.Drop("scripted drop");
            case RATE_LIMITED:
                exchange.getResponseHeaders()
                        .set("Retry-After", Long.toString((fault.duration.toMillis() + 999) / 1000));
                send(
                        exchange,
                        429,
                        "text/plain; charset=utf-8",
                        "Too Many Requests".getBytes(StandardCharsets.UTF_8),
                        false);
                return false;
            case RAW:
                send(exchange, fault.status, fault.text2, fault.text.getBytes(StandardCharsets.UTF_8), false);
                return false;
            default:
                int status = fault.status >= 100 ? fault.status : 503;
                send(
                        exchange,
                        status,
                        "text/plain; charset=utf-8",
                        ("Error " + status).getBytes(StandardCharsets.UTF_8),
                        false);
                return false;
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean head)
            throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
