package dev.nemo.sdk.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A successful answer: a JSON envelope's payload, an accepted stream response, or a redirect for
 * the redirect stage to follow.
 *
 * @param status  HTTP status
 * @param headers response headers
 * @param uri     the URI that answered (the last hop)
 * @param payload the envelope's payload of a JSON answer, else {@code null}
 * @param body    the accepted stream's body (what the call's {@link ResponseReader} made of it), else {@code null}
 * @param <T>     the stream body type
 */
public record HttpReply<T>(int status, HttpHeaders headers, URI uri, @Nullable JsonNode payload, @Nullable T body) {

    /** {@return whether this is a redirect with a {@code Location} (never a mapped or streamed answer)} */
    public boolean isRedirect() {
        return payload == null && body == null && status >= 300 && status <= 399 && location().isPresent();
    }

    /**
     * {@return the accepted stream's body}
     *
     * @throws IllegalStateException when this reply is not an accepted stream (a JSON answer or a redirect)
     */
    public T streamedBody() {
        T b = body;
        if (b == null) {
            throw new IllegalStateException("this HTTP " + status + " answer is not a streamed one");
        }
        return b;
    }

    /** {@return the {@code Location} header} */
    public Optional<String> location() {
        return headers.firstValue("location");
    }
}
