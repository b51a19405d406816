package dev.nemo.sdk.spring.boot.internal.metrics;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/** Names an API request by its route, never by its ids, so the operation tag has few values. */
final class Operations {
    private record Route(String method, Pattern path, String operation) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("POST", Pattern.compile("(^|/)api/auth/anonymous-token$"), "auth.anonymous_token"),
            new Route("POST", Pattern.compile("(^|/)api/auth/claim-token$"), "auth.claim_token"),
            new Route("POST", Pattern.compile("(^|/)api/tasks/me/with-session/[^/]+$"), "sessions.create"),
            new Route("GET", Pattern.compile("(^|/)api/credits/balance/simple$"), "credits.balance"),
            new Route("POST", Pattern.compile("(^|/)api/upload-video/[^/]+/me/[^/]+$"), "uploads.upload"),
            new Route("GET", Pattern.compile("(^|/)api/state/[^/]+/me/[^/]+/latest$"), "state.get"),
            new Route("POST", Pattern.compile("(^|/)run_sse$"), "chat.run"),
            new Route("POST", Pattern.compile("(^|/)api/render/proxy/lambda$"), "exports.submit"),
            new Route("GET", Pattern.compile("(^|/)api/render/proxy/lambda/[^/]+$"), "exports.poll"),
            new Route("POST", Pattern.compile("(^|/)api/render/proxy/lambda/[^/]+/cancel$"), "exports.cancel"),
            new Route("GET", Pattern.compile("(^|/)api/render/proxy/[^/]+/download$"), "exports.download"));

    private Operations() {
    }

    /**
     * @param method the HTTP method
     * @param uri    the request URI (under any base path)
     * @return the operation; a {@code GET} of no API route is a render download from the CDN
     *         ({@code exports.download_cdn}), anything else {@code other}
     */
    static String of(String method, URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        for (Route r : ROUTES) {
            if (r.method().equals(method) && r.path().matcher(path).find()) {
                return r.operation();
            }
        }
        return "GET".equals(method) ? "exports.download_cdn" : "other";
    }
}
