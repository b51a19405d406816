package dev.nemo.sdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw HTTP client for endpoints the SDK does not cover yet: plain java.net.http, no SDK code, so
 * the emulator is checked against the contract and not against the SDK's reading of it.
 */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String base;
    String token;
    boolean attribution = true;

    Http(NemoEmulator emulator) {
        this.base = emulator.baseUrl();
    }

    static HttpClient client() {
        return CLIENT;
    }

    /** Gets an anonymous token for the client id and uses it from now on. */
    Http login(String clientId) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/auth/anonymous-token"))
                .header("X-Client-Id", clientId)
                .POST(HttpRequest.BodyPublishers.noBody()));
        token = json(r).path("data").path("token").asText();
        if (token.isEmpty()) {
            throw new IllegalStateException("no token: " + r.body());
        }
        return this;
    }

    /** @return a new session id */
    String newSession() {
        JsonNode data = json(post(
                        "/api/tasks/me/with-session/nemo_agent", "{\"task_name\":\"project\",\"language\":\"en\"}"))
                .path("data");
        return data.path("session_id").asText();
    }

    HttpResponse<String> get(String path) {
        return send(authed(HttpRequest.newBuilder(uri(path))).GET());
    }

    HttpResponse<byte[]> getBytes(String url) {
        try {
            return CLIENT.send(
                    authed(HttpRequest.newBuilder(URI.create(url))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(String path, String json) {
        return send(authed(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> upload(String sessionId, Part... parts) {
        String boundary = "----nemoTestBoundary7MA4YWxkTrZu0gW";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part p : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name + "\""
                            + (p.filename == null ? "" : "; filename=\"" + p.filename + "\"") + "\r\nContent-Type: "
                            + "application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(p.bytes);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(authed(HttpRequest.newBuilder(uri("/api/upload-video/nemo_agent/me/" + sessionId)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Sends a chat message and reads the whole stream as text. */
    HttpResponse<String> chat(String sessionId, String message, boolean streaming) {
        ObjectNode body = JSON.createObjectNode()
                .put("app_name", "nemo_agent")
                .put("user_id", "me")
                .put("session_id", sessionId);
        body.putObject("new_message").putArray("parts").addObject().put("text", message);
        if (streaming) {
            body.put("streaming", true);
        }
        return send(authed(HttpRequest.newBuilder(uri("/run_sse")))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** @return the request for a chat message, for callers that read the stream themselves */
    HttpRequest chatRequest(String sessionId, String message) {
        ObjectNode body = JSON.createObjectNode()
                .put("app_name", "nemo_agent")
                .put("user_id", "me")
                .put("session_id", sessionId);
        body.putObject("new_message").putArray("parts").addObject().put("text", message);
        return authed(HttpRequest.newBuilder(uri("/run_sse")))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder authed(HttpRequest.Builder b) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (attribution) {
            b.header("X-Skill-Source", "ai-gif-compressor")
                    .header("X-Skill-Version", "1.0")
                    .header("X-Skill-Platform", "unknown");
        }
        return b;
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + r.body(), e);
        }
    }

    /**
     * Splits an SSE body into the JSON payloads of its data lines (one per event); a trailing block
     * without its blank line (a cut stream) is dropped, as an SSE client would.
     */
    static List<JsonNode> events(String sse) {
        List<JsonNode> out = new ArrayList<>();
        String[] blocks = sse.split("\r?\n\r?\n", -1);
        for (int i = 0; i < blocks.length - 1; i++) {
            String block = blocks[i];
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\r?\n")) {
                if (line.startsWith("data:")) {
                    data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
                }
            }
            if (data.length() > 0 && data.charAt(0) == '{') {
                try {
                    out.add(JSON.readTree(data.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    /** One multipart part. */
    static final class Part {
        final String name;
        final String filename;
        final byte[] bytes;

        Part(String name, String filename, byte[] bytes) {
            this.name = name;
            this.filename = filename;
            this.bytes = bytes;
        }

        static Part file(String filename, byte[] bytes) {
            return new Part("files", filename, bytes);
        }
    }
}
