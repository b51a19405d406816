package dev.nemo.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * API code 1001 (or HTTP 401): the bearer token is invalid or expired.
 * <p>With anonymous credentials the SDK has already renewed the token once, with the same client
 * id, and replayed the request; this exception means renewal did not help. With an explicit token
 * the caller must supply a new one.
 */
public class TokenExpiredException extends NemoServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message description without secrets
     * @param details where and how it failed
     * @param cause   underlying cause, or {@code null}
     */
    public TokenExpiredException(String message, ErrorDetails details, @Nullable Throwable cause) {
        super(message, details, cause);
    }
}
