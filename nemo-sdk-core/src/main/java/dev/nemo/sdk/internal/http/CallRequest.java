package dev.nemo.sdk.internal.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * A call's request as the JDK's client takes it, made without {@link HttpRequest.Builder}. The
 * client copies every request it is given and checks each header of the copy (it treats any
 * request as untrusted), so a builder's own checks and header map would be a second copy per call;
 * here the headers are an {@link HttpHeaders} made once per distinct header map
 * ({@link PreparedRequests#headers}). Like a built request it is immutable, always has a body
 * publisher ({@linkplain HttpRequest.BodyPublishers#noBody() none} for a call without a body), and
 * never shows its headers in {@link #toString()}.
 */
final class CallRequest extends HttpRequest {
    private final String method;
    private final URI uri;
    private final Optional<Duration> timeout;
    private final Optional<BodyPublisher> body;
    private final HttpHeaders headers;

    /**
     * @param method  HTTP method
     * @param uri     absolute target
     * @param timeout the JDK's timeout for the response head
     * @param body    the body, {@link HttpRequest.BodyPublishers#noBody()} for none
     * @param headers the headers, checked by the client when sent
     */
    CallRequest(String method, URI uri, Duration timeout, BodyPublisher body, HttpHeaders headers) {
        this.method = method;
        this.uri = uri;
        this.timeout = Optional.of(timeout);
        this.body = Optional.of(body);
        this.headers = headers;
    }

    @Override
    public Optional<BodyPublisher> bodyPublisher() {
        return body;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public Optional<Duration> timeout() {
        return timeout;
    }

    @Override
    public boolean expectContinue() {
        return false;
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public Optional<HttpClient.Version> version() {
        return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }

    @Override
    public String toString() {
        // as the JDK's requests show themselves: no headers (they carry the bearer token)
        return uri + " " + method;
    }
}
