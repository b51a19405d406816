package dev.nemo.sdk.internal.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One hop of a call as the stages see it: immutable, so a stage that retries sends the same value
 * again and a redirect makes a new one.
 *
 * @param context            what all hops and attempts share
 * @param method             HTTP method
 * @param uri                absolute target
 * @param body               body factory (called once per send), or {@code null} for none
 * @param headers            request headers
 * @param credentialsDropped whether this hop must carry no credentials ({@code Authorization},
 *                           {@code X-Skill-*}, {@code X-Client-Id}): it left the API's origin, now or earlier
 * @param deadlineNanos      {@link System#nanoTime()} by which the attempt's answer must be complete, or 0 before the
 *                           deadline stage set it
 * @param <T>                the stream body type
 */
public record HttpCall<T>(
        CallContext<T> context,
        String method,
        URI uri,
        @Nullable Supplier<HttpRequest.BodyPublisher> body,
        Map<String, String> headers,
        boolean credentialsDropped,
        long deadlineNanos) {

    /**
     * Copies the headers.
     *
     * @param context            what all hops and attempts share
     * @param method             HTTP method
     * @param uri                absolute target
     * @param body               body factory (called once per send), or {@code null} for none
     * @param headers            request headers
     * @param credentialsDropped whether this hop must carry no credentials ({@code Authorization},
     *                           {@code X-Skill-*}, {@code X-Client-Id}): it left the API's origin, now or earlier
     * @param deadlineNanos      {@link System#nanoTime()} by which the attempt's answer must be complete, or 0 before the
     *                           deadline stage set it
     */
    public HttpCall {
        headers = Map.copyOf(headers);
    }

    /**
     * {@return a copy with that header set}
     *
     * @param name  header name
     * @param value its value
     */
    public HttpCall<T> withHeader(String name, String value) {
        return new HttpCall<>(
                context,
                method,
                uri,
                body,
                HeaderMerge.merged(headers, Map.of(name, value)),
                credentialsDropped,
                deadlineNanos);
    }

    /**
     * {@return a copy with them set}
     *
     * @param more headers to set
     */
    public HttpCall<T> withHeaders(Map<String, String> more) {
        return new HttpCall<>(
                context, method, uri, body, HeaderMerge.merged(headers, more), credentialsDropped, deadlineNanos);
    }

    /**
     * {@return a copy with them set, merged by {@code merge} (which may hand back the map of an earlier, equal merge)}
     *
     * @param more  headers to set
     * @param merge the stage's merge
     */
    HttpCall<T> withHeaders(Map<String, String> more, HeaderMerge merge) {
        return new HttpCall<>(
                context, method, uri, body, merge.merge(headers, more), credentialsDropped, deadlineNanos);
    }

    /**
     * {@return a copy with it}
     *
     * @param deadline the attempt's deadline in {@link System#nanoTime()} terms
     */
    public HttpCall<T> withDeadline(long deadline) {
        return new HttpCall<>(context, method, uri, body, headers, credentialsDropped, deadline);
    }

    /**
     * {@return the next hop}
     *
     * @param newMethod the method of the next hop
     * @param target    the next hop's URI
     * @param newBody   its body, or {@code null}
     */
    public HttpCall<T> redirectTo(String newMethod, URI target, @Nullable Supplier<HttpRequest.BodyPublisher> newBody) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        if (newBody == null) {
            h.keySet().removeIf(n -> n.equalsIgnoreCase("Content-Type"));
        }
        return new HttpCall<>(context, newMethod, target, newBody, h, credentialsDropped, deadlineNanos);
    }

    /**
     * {@return a copy without credentials, for this hop and every later one; the caller's extra headers go with them (they may carry secrets of their own, and are documented as sent to the API only)}
     */
    public HttpCall<T> withoutCredentials() {
        Map<String, String> h = new LinkedHashMap<>(headers);
        Map<String, String> extra = context.request().options().headers();
        h.keySet().removeIf(n -> isCredential(n) || extra.keySet().stream().anyMatch(n::equalsIgnoreCase));
        return new HttpCall<>(context, method, uri, body, h, true, deadlineNanos);
    }

    /**
     * {@return whether it identifies the user or the integration, and so must not leave the API's origin}
     *
     * @param name a header name
     */
    public static boolean isCredential(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("authorization") || n.equals("x-client-id") || n.startsWith("x-skill-");
    }
}
