package dev.nemo.sdk.testkit;

/** The routes the emulator serves, used to read recorded requests and to aim faults. */
public enum Endpoint {
    /** {@code POST /api/auth/anonymous-token}. */
    ANONYMOUS_TOKEN("POST", "/api/auth/anonymous-token"),
    /** {@code POST /api/tasks/me/with-session/nemo_agent}. */
    CREATE_SESSION("POST", "/api/tasks/me/with-session/nemo_agent"),
    /** {@code POST /api/auth/claim-token}. */
    CLAIM_TOKEN("POST", "/api/auth/claim-token"),
    /** {@code GET /api/credits/balance/simple}. */
    CREDITS("GET", "/api/credits/balance/simple"),
    /** {@code POST /api/upload-video/nemo_agent/me/<sid>}. */
    UPLOAD("POST", "/api/upload-video/nemo_agent/me/{sid}"),
    /** {@code GET /api/state/nemo_agent/me/<sid>/latest}. */
    STATE("GET", "/api/state/nemo_agent/me/{sid}/latest"),
    /** {@code POST /run_sse}. */
    RUN_SSE("POST", "/run_sse"),
    /** {@code POST /api/render/proxy/lambda}. */
    RENDER_SUBMIT("POST", "/api/render/proxy/lambda"),
    /** {@code GET /api/render/proxy/lambda/<id>}. */
    RENDER_POLL("GET", "/api/render/proxy/lambda/{id}"),
    /** {@code POST /api/render/proxy/lambda/<id>/cancel}. */
    RENDER_CANCEL("POST", "/api/render/proxy/lambda/{id}/cancel"),
    /** {@code GET /api/render/proxy/<id>/download} (authenticated). */
    RENDER_DOWNLOAD("GET", "/api/render/proxy/{id}/download"),
    /** Any {@code GET} on the CDN port (render outputs and uploaded media; no authentication). */
    CDN("GET", "/{path}"),
    /** A request on the API port that matches no route (answered with 404 or 405). */
    UNKNOWN("*", "/{path}");

    private final String method;
    private final String pathTemplate;

    Endpoint(String method, String pathTemplate) {
        this.method = method;
        this.pathTemplate = pathTemplate;
    }

    /** @return the HTTP method of the route */
    public String method() {
        return method;
    }

    /** @return the path, with {@code {placeholders}} for ids */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** @return whether the real service requires a bearer token on this route */
    public boolean authenticated() {
        return this != ANONYMOUS_TOKEN && this != CDN && this != UNKNOWN;
    }
}
