package dev.nemo.sdk.internal.http;

import dev.nemo.sdk.RequestOptions;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One API call as the resources describe it; the {@link HttpPipeline} adds host, auth, attribution,
 * timeouts and recovery.
 *
 * @param method        HTTP method
 * @param path          path starting with {@code /}, already encoded
 * @param body          body factory (called once per attempt), or {@code null} for none
 * @param contentType   body content type, or {@code null}
 * @param accept        {@code Accept} header value
 * @param authenticated whether to send the bearer token
 * @param idempotent    whether replaying after an unknown outcome is safe (GET)
 * @param headers       headers of this call, set by the SDK
 * @param options       the caller's overrides: deadlines, retry policy and extra headers
 */
public record ApiRequest(
        String method,
        String path,
        @Nullable Supplier<HttpRequest.BodyPublisher> body,
        @Nullable String contentType,
        String accept,
        boolean authenticated,
        boolean idempotent,
        Map<String, String> headers,
        RequestOptions options) {

    private static final String JSON = "application/json";

    /**
     * Validates and copies.
     *
     * @param method        HTTP method
     * @param path          path starting with {@code /}, already encoded
     * @param body          body factory (called once per attempt), or {@code null} for none
     * @param contentType   body content type, or {@code null}
     * @param accept        {@code Accept} header value
     * @param authenticated whether to send the bearer token
     * @param idempotent    whether replaying after an unknown outcome is safe (GET)
     * @param headers       headers of this call, set by the SDK
     * @param options       the caller's overrides: deadlines, retry policy and extra headers
     */
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /");
        }
        headers = Map.copyOf(headers == null ? Map.of() : headers);
        options = options == null ? RequestOptions.none() : options;
        accept = accept == null ? JSON : accept;
    }

    /**
     * {@return an authenticated, idempotent GET}
     *
     * @param path path
     */
    public static ApiRequest get(String path) {
        return new ApiRequest("GET", path, null, null, JSON, true, true, Map.of(), RequestOptions.none());
    }

    /**
     * {@return an authenticated, non-idempotent POST}
     *
     * @param path path
     * @param json JSON body bytes, or {@code null} for no body
     */
    public static ApiRequest postJson(String path, byte @Nullable [] json) {
        @Nullable
        Supplier<HttpRequest.BodyPublisher> body =
                json == null ? null : () -> HttpRequest.BodyPublishers.ofByteArray(json);
        return new ApiRequest(
                "POST", path, body, json == null ? null : JSON, JSON, true, false, Map.of(), RequestOptions.none());
    }

    /**
     * {@return the deadline of one attempt: the options' attempt timeout, else their whole-call timeout, else {@code clientDefault}}
     *
     * @param clientDefault the client's request timeout
     */
    public Duration attemptTimeout(Duration clientDefault) {
        Optional<Duration> attempt = options.attemptTimeout();
        if (attempt.isPresent()) {
            return attempt.get();
        }
        return options.timeout().orElse(clientDefault);
    }

    /**
     * {@return the headers to send: this call's own, then the caller's extra headers (which can neither replace one of them nor any header the SDK reserves)}
     */
    public Map<String, String> headersToSend() {
        if (options.headers().isEmpty()) {
            return headers;
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        options.headers().forEach((name, value) -> {
            boolean taken = all.keySet().stream().anyMatch(name::equalsIgnoreCase);
            if (!taken && !RequestOptions.isReserved(name)) {
                all.put(name, value);
            }
        });
        return all;
    }

    /**
     * {@return a copy with these overrides}
     *
     * @param options overrides
     */
    @SuppressWarnings("ReferenceEquality") // the same instance (most often none()): nothing to copy
    public ApiRequest withOptions(RequestOptions options) {
        if (options == this.options) {
            return this;
        }
        return new ApiRequest(method, path, body, contentType, accept, authenticated, idempotent, headers, options);
    }

    /**
     * {@return a copy with that header added}
     *
     * @param name  header name
     * @param value header value
     */
    public ApiRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiRequest(method, path, body, contentType, accept, authenticated, idempotent, h, options);
    }

    /**
     * {@return a copy with it}
     *
     * @param accept {@code Accept} value
     */
    public ApiRequest withAccept(String accept) {
        return new ApiRequest(method, path, body, contentType, accept, authenticated, idempotent, headers, options);
    }

    /**
     * {@return a copy}
     *
     * @param authenticated whether to send the bearer token
     */
    public ApiRequest withAuthenticated(boolean authenticated) {
        return new ApiRequest(method, path, body, contentType, accept, authenticated, idempotent, headers, options);
    }

    /**
     * {@return a copy}
     *
     * @param body        body factory
     * @param contentType its content type
     */
    public ApiRequest withBody(@Nullable Supplier<HttpRequest.BodyPublisher> body, @Nullable String contentType) {
        return new ApiRequest(method, path, body, contentType, accept, authenticated, idempotent, headers, options);
    }
}
