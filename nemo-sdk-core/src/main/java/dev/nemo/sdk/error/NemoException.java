package dev.nemo.sdk.error;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Base type of every error the SDK raises. It is unchecked and has two branches:
 * {@link NemoServiceException} when the API answered with an error (an HTTP status, an API code,
 * the response headers), and {@link NemoClientException} when no usable answer arrived or the SDK
 * refused before sending (transport failures, undecodable responses, local checks, timeouts). Each
 * documented failure has its own subclass, so callers can catch exactly what they can handle:
 *
 * <pre>{@code
 * try {
 *     client.chat().send(sessionId, "compress to under 500KB");
 * } catch (InsufficientCreditsException e) {
 *     System.out.println("Out of credits: " + e.bindUrl().orElse("https://nemovideo.com"));
 * } catch (NemoException e) {
 *     System.out.println(e.getMessage());
 * }
 * }</pre>
 *
 * <p>An unknown API code is raised as a plain {@link NemoServiceException} with its code and
 * message kept.
 * Messages, {@link #toString()} and {@link #bodyExcerpt()} never contain a bearer token.
 */
public abstract class NemoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Marker for "no HTTP status": the failure happened before a response arrived. */
    public static final int NO_STATUS = -1;

    private final int httpStatus;
    private final @Nullable Integer apiCode;
    private final @Nullable String requestMethod;
    private final @Nullable String requestPath;
    private final @Nullable String bodyExcerpt;
    // null after deserialisation: headers are not serialised
    private final transient @Nullable Map<String, List<String>> headers;

    /**
     * Creates an exception from its parts.
     *
     * @param message     human-readable description; must not contain secrets
     * @param details     where and how the failure happened
     * @param cause       the underlying cause, or {@code null}
     */
    protected NemoException(String message, ErrorDetails details, @Nullable Throwable cause) {
        super(message, cause);
        ErrorDetails d = details == null ? ErrorDetails.none() : details;
        this.httpStatus = d.httpStatus();
        this.apiCode = d.apiCode();
        this.requestMethod = d.requestMethod();
        this.requestPath = d.requestPath();
        this.bodyExcerpt = d.bodyExcerpt();
        this.headers = d.headers();
    }

    /**
     * Creates an exception with a message only.
     *
     * @param message human-readable description; must not contain secrets
     */
    protected NemoException(String message) {
        this(message, ErrorDetails.none(), null);
    }

    /** {@return the HTTP status of the response, or {@link #NO_STATUS} when there was none} */
    public int httpStatus() {
        return httpStatus;
    }

    /** {@return the API's body {@code code} (for example 1001), when the response carried one} */
    public OptionalInt apiCode() {
        return apiCode == null ? OptionalInt.empty() : OptionalInt.of(apiCode);
    }

    /** {@return the HTTP method of the failed request, when known} */
    public Optional<String> requestMethod() {
        return Optional.ofNullable(requestMethod);
    }

    /** {@return the path of the failed request (no query, no host), when known} */
    public Optional<String> requestPath() {
        return Optional.ofNullable(requestPath);
    }

    /** {@return the start of the response body (at most a few hundred characters, secrets redacted)} */
    public Optional<String> bodyExcerpt() {
        return Optional.ofNullable(bodyExcerpt);
    }

    /**
     * Whether repeating the same call later may succeed (rate limits, server and network errors).
     * The SDK has already applied its own retry policy by the time an exception reaches the caller.
     *
     * @return {@code true} when a later retry may succeed
     */
    public boolean isTransient() {
        return false;
    }

    /** {@return the details this exception was created from} */
    public ErrorDetails details() {
        return new ErrorDetails(httpStatus, apiCode, requestMethod, requestPath, bodyExcerpt,
                headers == null ? Map.of() : headers);
    }
}
