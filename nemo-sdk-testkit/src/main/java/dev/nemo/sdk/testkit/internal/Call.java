package dev.nemo.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.nemo.sdk.error.ErrorCodes;
import dev.nemo.sdk.testkit.Endpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One request being handled: the exchange, its route, its caller, and the ways to answer it. */
final class Call {
    final HttpExchange exchange;
    final Endpoint endpoint;
    final Map<String, String> params;
    final byte[] body;
    TokenRecord token;
    Account account;
    FaultRule streamFault;
    private boolean responded;

    /** Thrown to close the connection without a (complete) response. */
    static final class Drop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Drop(String why) {
            super(why, null, false, false);
        }
    }

    /** Thrown for a request body that is not the JSON the route needs. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    Call(HttpExchange exchange, Endpoint endpoint, Map<String, String> params, byte[] body) {
        this.exchange = exchange;
        this.endpoint = endpoint;
        this.params = params;
        this.body = body;
    }

    boolean responded() {
        return responded;
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** @return the JSON object body, or an empty object when there is no body */
    ObjectNode jsonObject() throws BadRequest {
        if (body == null || body.length == 0) {
            return EmulatorJson.object();
        }
        JsonNode node;
        try {
            node = EmulatorJson.parse(body);
        } catch (IOException e) {
            throw new BadRequest("The body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new BadRequest("The body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /**
     * @return the JSON object body, or {@code null} after answering a FastAPI-style 422 when the body
     *         is not a JSON object
     */
    ObjectNode jsonObjectOrReject() throws IOException {
        try {
            return jsonObject();
        } catch (BadRequest e) {
            detail(422, e.getMessage());
            return null;
        }
    }

    /** Answers the main envelope {@code {"code":0,"message":"success","data":…}}. */
    void ok(JsonNode data) throws IOException {
        ObjectNode env = EmulatorJson.object();
        env.put("code", 0);
        env.put("message", "success");
        env.set("data", data);
        json(200, env);
    }

    /** Answers a main-envelope error with a non-zero code. */
    void code(int code, int status, String message) throws IOException {
        ObjectNode env = EmulatorJson.object();
        env.put("code", code);
        env.put("message", message != null ? message : defaultMessage(code));
        env.putNull("data");
        json(status, env);
    }

    /** Answers the render proxy envelope {@code {"success":true,"data":…}}. */
    void render(JsonNode data) throws IOException {
        ObjectNode env = EmulatorJson.object();
        env.put("success", true);
        env.set("data", data);
        json(200, env);
    }

    /** Answers the render proxy failure {@code {"success":false,"error":…}}, with a code when one applies. */
    void renderError(int status, String error, Integer code) throws IOException {
        ObjectNode env = EmulatorJson.object();
        env.put("success", false);
        env.put("error", error);
        if (code != null) {
            env.put("code", code);
        }
        json(status, env);
    }

    /** Answers a framework-style {@code {"detail":…}} error. */
    void detail(int status, String detail) throws IOException {
        json(status, EmulatorJson.object().put("detail", detail));
    }

    void json(int status, JsonNode body) throws IOException {
        raw(status, "application/json", EmulatorJson.bytes(body));
    }

    void raw(int status, String contentType, byte[] bytes) throws IOException {
        responded = true;
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    void text(int status, String text) throws IOException {
        raw(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts a chunked response and returns its body stream. */
    OutputStream stream(int status, String contentType) throws IOException {
        responded = true;
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(status, 0);
        return exchange.getResponseBody();
    }

    static String defaultMessage(int code) {
        switch (code) {
            case ErrorCodes.TOKEN_EXPIRED:
                return "Token invalid or expired";
            case ErrorCodes.SESSION_NOT_FOUND:
                return "Session not found";
            case ErrorCodes.INSUFFICIENT_CREDITS:
                return "Insufficient credits";
            case ErrorCodes.UNSUPPORTED_FILE_TYPE:
                return "Unsupported file type";
            case ErrorCodes.FILE_TOO_LARGE:
                return "File too large";
            default:
                return "Error " + code;
        }
    }
}
