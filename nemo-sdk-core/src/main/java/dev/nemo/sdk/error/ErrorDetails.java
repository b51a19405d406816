package dev.nemo.sdk.error;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Where and how a failure happened: the HTTP status, the API code, the request line and a short,
 * redacted excerpt of the response body. Every field may be absent.
 *
 * @param httpStatus    HTTP status, or {@link NemoException#NO_STATUS}
 * @param apiCode       the body {@code code}, or {@code null}
 * @param requestMethod HTTP method, or {@code null}
 * @param requestPath   request path without host or query, or {@code null}
 * @param bodyExcerpt   redacted start of the body, or {@code null}
 * @param headers       response headers (names in lower case, credentials and cookies left out);
 *                      empty when no response arrived
 */
public record ErrorDetails(int httpStatus, @Nullable Integer apiCode, @Nullable String requestMethod,
                           @Nullable String requestPath, @Nullable String bodyExcerpt,
                           Map<String, List<String>> headers) {

    private static final Set<String> NEVER_KEPT = Set.of("authorization", "proxy-authorization", "set-cookie",
            "cookie", "x-client-id");

    /**
     * Normalises the headers: lower-case names, secrets removed, immutable.
     *
     * @param httpStatus    HTTP status, or {@link NemoException#NO_STATUS}
     * @param apiCode       the body {@code code}, or {@code null}
     * @param requestMethod HTTP method, or {@code null}
     * @param requestPath   request path without host or query, or {@code null}
     * @param bodyExcerpt   redacted start of the body, or {@code null}
     * @param headers       response headers (names in lower case, credentials and cookies left out);
     *                      empty when no response arrived
     */
    public ErrorDetails {
        headers = keepable(headers);
    }

    /**
     * Details without response headers.
     *
     * @param httpStatus    HTTP status, or {@link NemoException#NO_STATUS}
     * @param apiCode       the body {@code code}, or {@code null}
     * @param requestMethod HTTP method, or {@code null}
     * @param requestPath   request path without host or query, or {@code null}
     * @param bodyExcerpt   redacted start of the body, or {@code null}
     */
    public ErrorDetails(int httpStatus, @Nullable Integer apiCode, @Nullable String requestMethod,
                        @Nullable String requestPath, @Nullable String bodyExcerpt) {
        this(httpStatus, apiCode, requestMethod, requestPath, bodyExcerpt, Map.of());
    }

    private static Map<String, List<String>> keepable(Map<String, List<String>> headers) {
        if (headers == null || headers.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> kept = new TreeMap<>();
        headers.forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (!NEVER_KEPT.contains(n) && values != null) {
                kept.put(n, List.copyOf(values));
            }
        });
        return Collections.unmodifiableMap(kept);
    }

    /** {@return details with nothing known} */
    public static ErrorDetails none() {
        return new ErrorDetails(NemoException.NO_STATUS, null, null, null, null);
    }

    /**
     * {@return details naming only the request}
     *
     * @param method request method
     * @param path   request path
     */
    public static ErrorDetails request(String method, String path) {
        return new ErrorDetails(NemoException.NO_STATUS, null, method, path, null);
    }

    /**
     * {@return a copy with that status}
     *
     * @param status HTTP status
     */
    public ErrorDetails withStatus(int status) {
        return new ErrorDetails(status, apiCode, requestMethod, requestPath, bodyExcerpt, headers);
    }

    /**
     * {@return a copy with that code}
     *
     * @param code API code
     */
    public ErrorDetails withApiCode(@Nullable Integer code) {
        return new ErrorDetails(httpStatus, code, requestMethod, requestPath, bodyExcerpt, headers);
    }

    /**
     * {@return a copy with that excerpt}
     *
     * @param excerpt redacted body excerpt
     */
    public ErrorDetails withBodyExcerpt(@Nullable String excerpt) {
        return new ErrorDetails(httpStatus, apiCode, requestMethod, requestPath, excerpt, headers);
    }

    /**
     * {@return a copy with those headers (secrets left out)}
     *
     * @param responseHeaders the response's headers
     */
    public ErrorDetails withHeaders(Map<String, List<String>> responseHeaders) {
        return new ErrorDetails(httpStatus, apiCode, requestMethod, requestPath, bodyExcerpt, responseHeaders);
    }
}
