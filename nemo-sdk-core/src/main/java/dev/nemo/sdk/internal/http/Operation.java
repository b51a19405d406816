package dev.nemo.sdk.internal.http;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The low-cardinality name and path template of an API call, for listeners and logs: ids in the
 * path are replaced by placeholders, so a metric tagged with them stays small.
 *
 * @param name         for example {@code "state.get"}
 * @param pathTemplate for example {@code /api/state/nemo_agent/me/{sessionId}/latest}
 */
public record Operation(String name, String pathTemplate) {
    /** A download from the render's output URL (another host, usually a CDN). */
    public static final Operation DOWNLOAD_OUTPUT_URL = new Operation("exports.download", "{outputUrl}");

    private static final String SEGMENT = "[^/?]+";
    private static final List<Route> ROUTES = List.of(
            route("POST", "/api/auth/anonymous-token", "auth.anonymousToken"),
            route("POST", "/api/tasks/me/with-session/nemo_agent", "sessions.create"),
            route("GET", "/api/credits/balance/simple", "credits.balance"),
            route("GET", "/api/state/nemo_agent/me/{sessionId}/latest", "state.get"),
            route("POST", "/run_sse", "chat.stream"),
            route("POST", "/api/upload-video/nemo_agent/me/{sessionId}", "uploads.upload"),
            route("POST", "/api/render/proxy/lambda", "exports.submit"),
            route("GET", "/api/render/proxy/lambda/{renderId}", "exports.poll"),
            route("POST", "/api/render/proxy/lambda/{renderId}/cancel", "exports.cancel"),
            route("GET", "/api/render/proxy/{renderId}/download", "exports.download"));

    /**
     * {@return its operation; {@code other} with the template {@code {path}} when unknown}
     *
     * @param method HTTP method
     * @param path   the request path (query ignored)
     */
    public static Operation of(String method, String path) {
        int q = path.indexOf('?');
        String p = q < 0 ? path : path.substring(0, q);
        for (Route r : ROUTES) {
            if (r.method.equals(method) && r.pattern.matcher(p).matches()) {
                return r.operation;
            }
        }
        return new Operation("other", "{path}");
    }

    private static Route route(String method, String template, String name) {
        String regex = Pattern.quote(template).replaceAll("\\{[A-Za-z]+\\}", "\\\\E" + SEGMENT + "\\\\Q");
        return new Route(method, Pattern.compile(regex), new Operation(name, template));
    }

    private record Route(String method, Pattern pattern, Operation operation) {}
}
