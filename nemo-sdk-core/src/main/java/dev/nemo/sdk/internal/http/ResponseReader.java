package dev.nemo.sdk.internal.http;

import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How a call reads the responses it streams (an event stream, a download): which responses are
 * its own, and the handler that reads them. Every other response is read whole and mapped to its
 * typed error (or, for a redirect, followed).
 *
 * @param accepts which response heads go to {@code handler}
 * @param handler reader of accepted responses
 * @param <T>     the body type
 */
public record ResponseReader<T>(Predicate<HttpResponse.ResponseInfo> accepts, HttpResponse.BodyHandler<T> handler) {
    /**
     * Requires both.
     *
     * @param accepts which response heads go to {@code handler}
     * @param handler reader of accepted responses
     */
    public ResponseReader {
        Objects.requireNonNull(accepts, "accepts");
        Objects.requireNonNull(handler, "handler");
    }
}
