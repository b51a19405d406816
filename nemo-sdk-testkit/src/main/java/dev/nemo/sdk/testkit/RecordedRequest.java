package dev.nemo.sdk.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request the emulator received, for assertions. Header names are lowercase. JSON bodies are
 * kept whole; upload bodies are streamed and not kept ({@link #body()} is empty, {@link #bodySize()}
 * is what was read). {@link #toString()} never shows the {@code Authorization} value.
 */
public final class RecordedRequest {
    private final Endpoint endpoint;
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Instant receivedAt;

    /**
     * @param endpoint   the matched route
     * @param method     the HTTP method
     * @param path       the raw path
     * @param query      the raw query, or {@code null}
     * @param headers    the headers (names are lowercased)
     * @param body       the body kept, or an empty array
     * @param receivedAt when, on the emulator's clock
     */
    public RecordedRequest(
            Endpoint endpoint,
            String method,
            String path,
            String query,
            Map<String, List<String>> headers,
            byte[] body,
            Instant receivedAt) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.query = query;
        Map<String, List<String>> h = new TreeMap<>();
        headers.forEach((k, v) -> h.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>())
                .addAll(v));
        h.replaceAll((k, v) -> List.copyOf(v));
        this.headers = Collections.unmodifiableMap(h);
        this.body = body == null ? new byte[0] : body.clone();
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** @return the route */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** @return the HTTP method */
    public String method() {
        return method;
    }

    /** @return the raw path */
    public String path() {
        return path;
    }

    /** @return the raw query string, when present */
    public Optional<String> query() {
        return Optional.ofNullable(query);
    }

    /** @return all headers, names lowercase */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * @param name a header name, any case
     * @return its first value
     */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * @param name a header name, any case
     * @return whether the request carried it
     */
    public boolean hasHeader(String name) {
        return headers.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** @return a copy of the kept body (empty for uploads and bodiless requests) */
    public byte[] body() {
        return body.clone();
    }

    /** @return the kept body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return the size of the kept body */
    public int bodySize() {
        return body.length;
    }

    /** @return when the request arrived, on the emulator's clock */
    public Instant receivedAt() {
        return receivedAt;
    }

    @Override
    public String toString() {
        StringBuilder b =
                new StringBuilder("RecordedRequest{").append(method).append(' ').append(path);
        if (query != null) {
            b.append('?').append(query);
        }
        b.append(", endpoint=").append(endpoint).append(", headers={");
        boolean first = true;
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (!first) {
                b.append(", ");
            }
            first = false;
            b.append(e.getKey()).append('=');
            b.append(e.getKey().equals("authorization") ? "<redacted>" : String.join(",", e.getValue()));
        }
        return b.append("}, body=").append(body.length).append(" bytes}").toString();
    }
}
