package dev.nemo.sdk.internal.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The parts of requests that later calls share. Body-less calls with the same method, URI,
 * headers and timeout share one whole {@link HttpRequest}: it is immutable and its timeout counts
 * from each send, so one request serves every such call (as a caller reusing a prebuilt request
 * does). Calls with a body share the {@link HttpHeaders} of the same header map. Bounded: when full
 * a cache starts again, so calls with ever-new paths (ids) or renewed tokens cannot grow it.
 */
final class PreparedRequests {
    static final int MAX_ENTRIES = 128;

    private final Map<Key, HttpRequest> built = new ConcurrentHashMap<>();
    private final Map<Map<String, String>, HttpHeaders> headers = new ConcurrentHashMap<>();
    /** The last request handed out: calls in a row mostly bring the very same parts (compared by identity). */
    private volatile @Nullable Last last;
    /** The last headers handed out, with the map they were made of (compared by identity). */
    private volatile @Nullable LastHeaders lastHeaders;

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
        HttpRequest request = made(built, new Key(method, uri, headers, timeout), this::build);
        last = new Last(method, uri, headers, timeout, request);
        return request;
    }

    /**
     * {@return those headers as the JDK's client takes them, made once}
     *
     * @param map request headers
     */
    @SuppressWarnings("ReferenceEquality") // identity on purpose: the fast path for the very same map
    HttpHeaders headers(Map<String, String> map) {
        LastHeaders l = lastHeaders;
        if (l != null && l.map == map) {
            return l.headers;
        }
        HttpHeaders h = made(headers, map, PreparedRequests::httpHeaders);
        lastHeaders = new LastHeaders(map, h);
        return h;
    }

    /**
     * {@return the value cached for that key, made and cached when missing; a full cache starts again}
     *
     * @param cache one of the caches
     * @param key   what the value is made of
     * @param make  makes it
     * @param <K>   key type
     * @param <V>   value type
     */
    private static <K, V> V made(Map<K, V> cache, K key, Function<K, V> make) {
        V value = cache.get(key);
        if (value != null) {
            return value;
        }
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        value = make.apply(key);
        V earlier = cache.putIfAbsent(key, value);
        return earlier != null ? earlier : value;
    }

    private static HttpHeaders httpHeaders(Map<String, String> map) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        map.forEach((name, value) -> lists.put(name, List.of(value)));
        return HttpHeaders.of(lists, (name, value) -> true);
    }

    /** {@return how many whole requests it holds} */
    int requestCount() {
        return built.size();
    }

    /** {@return how many header sets it holds} */
    int headerCount() {
        return headers.size();
    }

    private HttpRequest build(Key key) {
        return new CallRequest(
                key.method(), key.uri(), key.timeout(), HttpRequest.BodyPublishers.noBody(), headers(key.headers()));
    }

    /** A header map and the headers made of it. */
    private record LastHeaders(Map<String, String> map, HttpHeaders headers) {
        @Override
        public String toString() {
            // the headers carry the bearer token
            return "LastHeaders" + map.keySet();
        }
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
