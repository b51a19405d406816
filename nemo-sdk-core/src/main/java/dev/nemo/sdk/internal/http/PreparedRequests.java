package dev.nemo.sdk.internal.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Built {@link HttpRequest}s of body-less calls, reused by later calls with the same method, URI,
 * headers and timeout: an {@code HttpRequest} is immutable and its timeout counts from each send,
 * so one built request serves every such call (as a caller reusing a prebuilt request does) and
 * saves the builder, the header validation and the header map of each call. Bounded: when full it
 * starts again, so calls with ever-new paths (ids) or renewed tokens cannot grow it.
 */
final class PreparedRequests {
    static final int MAX_ENTRIES = 128;

    private final Map<Key, HttpRequest> built = new ConcurrentHashMap<>();
    /** The last request handed out: calls in a row mostly bring the very same parts (compared by identity). */
    private volatile @Nullable Last last;

    /**
     * {@return the request for these parts, built once}
     *
     * @param method  HTTP method of a call without a body
     * @param uri     absolute target
     * @param headers request headers
     * @param timeout the JDK's timeout for the response head
     */
    @SuppressWarnings("ReferenceEquality") // identity on purpose: the fast path for the very same parts
    HttpRequest get(String method, URI uri, Map<String, String> headers, Duration timeout) {
        Last l = last;
        if (l != null && l.method == method && l.uri == uri && l.headers == headers && l.timeout == timeout) {
            return l.request;
        }
        Key key = new Key(method, uri, headers, timeout);
        HttpRequest request = built.get(key);
        if (request != null) {
            last = new Last(method, uri, headers, timeout, request);
            return request;
        }
        if (built.size() >= MAX_ENTRIES) {
            built.clear();
        }
        request = build(key);
        HttpRequest earlier = built.putIfAbsent(key, request);
        return earlier != null ? earlier : request;
    }

    /** {@return how many requests it holds} */
    int size() {
        return built.size();
    }

    private static HttpRequest build(Key key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(key.uri())
                .timeout(key.timeout())
                .method(key.method(), HttpRequest.BodyPublishers.noBody());
        key.headers().forEach(b::header);
        return b.build();
    }

    /** The parts of the last request handed out, and the request. */
    private record Last(String method, URI uri, Map<String, String> headers, Duration timeout, HttpRequest request) {
        @Override
        public String toString() {
            // the headers carry the bearer token
            return "Last[" + method + "]";
        }
    }

    /**
     * What makes two body-less requests the same. Equality is written out: the generated one is
     * bootstrapped at run time on first use, a cost on the client's first call.
     */
    private record Key(String method, URI uri, Map<String, String> headers, Duration timeout) {
        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Key k
                    && method.equals(k.method)
                    && uri.equals(k.uri)
                    && headers.equals(k.headers)
                    && timeout.equals(k.timeout);
        }

        @Override
        public int hashCode() {
            return ((method.hashCode() * 31 + uri.hashCode()) * 31 + headers.hashCode()) * 31 + timeout.hashCode();
        }

        @Override
        public String toString() {
            // the headers carry the bearer token
            return "Key[" + method + "]";
        }
    }
}
