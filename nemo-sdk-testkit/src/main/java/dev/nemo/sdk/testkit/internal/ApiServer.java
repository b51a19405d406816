package dev.nemo.sdk.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.nemo.sdk.error.ErrorCodes;
import dev.nemo.sdk.testkit.Endpoint;
import dev.nemo.sdk.testkit.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API port: routes a request, records it, applies a scripted fault, checks the bearer token,
 * and hands it to the endpoint's handler.
 */
public final class ApiServer implements HttpHandler {
    /** Largest JSON request body accepted (drafts can be big). */
    static final int MAX_JSON_BODY = 32 * 1024 * 1024;

    private final World world;
    private final FaultEngine faults;
    private final RequestLog log;
    private final CountDownLatch stopping;
    private final List<Route> routes = new ArrayList<>();

    /** A handler of one endpoint. */
    @FunctionalInterface
    interface Handler {
        void handle(Call call) throws IOException;
    }

    private static final class Route {
        final Endpoint endpoint;
        final Pattern pattern;
        final String[] names;
        final Handler handler;

        Route(Endpoint endpoint, Handler handler) {
            this.endpoint = endpoint;
            this.handler = handler;
            List<String> names = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            Matcher m = Pattern.compile("\\{(\\w+)}").matcher(endpoint.pathTemplate());
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(endpoint.pathTemplate().substring(last, m.start())))
                        .append("([^/]+)");
                names.add(m.group(1));
                last = m.end();
            }
            regex.append(Pattern.quote(endpoint.pathTemplate().substring(last)));
            this.pattern = Pattern.compile(regex.toString());
            this.names = names.toArray(new String[0]);
        }
    }

    /**
     * @param world    the state
     * @param faults   scripted faults
     * @param log      where requests are recorded
     * @param renders  the render service
     * @param stopping counted down when the emulator stops
     */
    public ApiServer(World world, FaultEngine faults, RequestLog log, RenderService renders, CountDownLatch stopping) {
        this.world = world;
        this.faults = faults;
        this.log = log;
        this.stopping = stopping;
        AccountHandlers accounts = new AccountHandlers(world);
        UploadHandler upload = new UploadHandler(world, renders);
        RenderHandlers render = new RenderHandlers(world, renders);
        ChatHandler chat = new ChatHandler(world, stopping);
        routes.add(new Route(Endpoint.ANONYMOUS_TOKEN, accounts::anonymousToken));
        routes.add(new Route(Endpoint.CREATE_SESSION, accounts::createSession));
        routes.add(new Route(Endpoint.CLAIM_TOKEN, accounts::claimToken));
        routes.add(new Route(Endpoint.CREDITS, accounts::credits));
        routes.add(new Route(Endpoint.STATE, accounts::state));
        routes.add(new Route(Endpoint.UPLOAD, upload::handle));
        routes.add(new Route(Endpoint.RUN_SSE, chat::handle));
        routes.add(new Route(Endpoint.RENDER_SUBMIT, render::submit));
        routes.add(new Route(Endpoint.RENDER_POLL, render::poll));
        routes.add(new Route(Endpoint.RENDER_CANCEL, render::cancel));
        routes.add(new Route(Endpoint.RENDER_DOWNLOAD, render::download));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        boolean dropped = false;
        Call call = null;
        try {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            Route route = null;
            boolean pathKnown = false;
            Map<String, String> params = new HashMap<>();
            for (Route r : routes) {
                Matcher m = r.pattern.matcher(path);
                if (m.matches()) {
                    pathKnown = true;
                    if (r.endpoint.method().equals(method)) {
                        route = r;
                        for (int i = 0; i < r.names.length; i++) {
                            params.put(r.names[i], URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
                        }
                        break;
                    }
                }
            }
            Endpoint endpoint = route == null ? Endpoint.UNKNOWN : route.endpoint;
            byte[] body = null;
            boolean tooLarge = false;
            if (endpoint != Endpoint.UPLOAD) {
                body = readLimited(exchange.getRequestBody(), MAX_JSON_BODY);
                tooLarge = body == null;
            }
            log.add(new RecordedRequest(
                    endpoint,
                    method,
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(),
                    body,
                    world.clock().instant()));
            call = new Call(exchange, endpoint, params, body);
            FaultRule fault = faults.take(endpoint);
            if (fault != null && !applyFault(fault, call)) {
                return;
            }
            if (route == null) {
                call.detail(pathKnown ? 405 : 404, pathKnown ? "Method Not Allowed" : "Not Found");
                return;
            }
            if (tooLarge) {
                call.detail(413, "Request body too large");
                return;
            }
            if (endpoint.authenticated() && !authenticate(call)) {
                call.code(ErrorCodes.TOKEN_EXPIRED, 200, null);
                return;
            }
            route.handler.handle(call);
        } catch (Call.Drop d) {
            dropped = true;
            throw d;
        } catch (IOException | RuntimeException e) {
            if (call != null && !call.responded()) {
                try {
                    call.detail(500, "Internal emulator error: " + e);
                } catch (IOException ignored) {
                    // the client is gone
                }
            }
        } finally {
            if (!dropped) {
                exchange.close();
            }
        }
    }

    private boolean authenticate(Call call) {
        String header = call.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        TokenRecord t = world.authenticate(header.substring(7).strip());
        if (t == null) {
            return false;
        }
        call.token = t;
        call.account = t.account;
        return true;
    }

    /** @return whether normal handling continues */
    private boolean applyFault(FaultRule rule, Call call) throws IOException {
        if (!rule.delay().isZero()) {
            waitOrDrop(rule.delay());
        }
        switch (rule.kind()) {
            case PASS:
                return true;
            case ERROR_CODE:
                call.code(rule.number, rule.status, rule.text);
                return false;
            case RAW:
                call.raw(rule.status, rule.text2, rule.text.getBytes(StandardCharsets.UTF_8));
                return false;
            case RENDER_ERROR:
                call.renderError(rule.status, rule.text, null);
                return false;
            case RATE_LIMITED:
                long seconds = (rule.duration.toMillis() + 999) / 1000;
                call.exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
                call.detail(429, "Too Many Requests");
                return false;
            case EXPIRE_TOKEN:
                String header = call.header("Authorization");
                if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    world.revoke(header.substring(7).strip());
                }
                call.code(ErrorCodes.TOKEN_EXPIRED, 200, "Token expired");
                return false;
            case DROP_CONNECTION:
                throw new Call.Drop("scripted drop");
            case HOLD:
                try {
                    while (!rule.awaitRelease(Duration.ofMillis(50))) {
                        if (stopping.getCount() == 0) {
                            throw new Call.Drop("emulator stopping");
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Call.Drop("interrupted");
                }
                return true;
            default:
                call.streamFault = rule;
                return true;
        }
    }

    private void waitOrDrop(Duration d) {
        try {
            if (stopping.await(d.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new Call.Drop("emulator stopping");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Call.Drop("interrupted");
        }
    }

    /** @return the body, or {@code null} when it is longer than {@code max} (the rest is left unread) */
    static byte[] readLimited(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (out.size() + n > max) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
