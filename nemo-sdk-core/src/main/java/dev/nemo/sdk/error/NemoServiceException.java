package dev.nemo.sdk.error;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The API answered, and the answer was an error: an HTTP status outside 2xx, or a body
 * {@code code} other than 0 (which may come with HTTP 200). {@link #httpStatus()},
 * {@link #apiCode()} and {@link #responseHeaders()} say what the server sent. Documented codes
 * and statuses have their own subclasses; an unknown code or status is raised as this type.
 */
public class NemoServiceException extends NemoException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message human-readable description; must not contain secrets
     * @param details the request, the status, the API code and the response headers
     * @param cause   the underlying cause, or {@code null}
     */
    public NemoServiceException(String message, ErrorDetails details, @Nullable Throwable cause) {
        super(message, details, cause);
    }

    /**
     * {@return the response headers, names in lower case; credentials and cookies are never kept}
     */
    public Map<String, List<String>> responseHeaders() {
        return details().headers();
    }
}
