package dev.nemo.sdk.error;

/**
 * Where and how a failure happened: the HTTP status, the API code, the request line and a short,
 * redacted excerpt of the response body. Every field may be absent.
 *
 * @param httpStatus    HTTP status, or {@link NemoException#NO_STATUS}
 * @param apiCode       the body {@code code}, or {@code null}
 * @param requestMethod HTTP method, or {@code null}
 * @param requestPath   request path without host or query, or {@code null}
 * @param bodyExcerpt   redacted start of the body, or {@code null}
 */
public record ErrorDetails(int httpStatus, Integer apiCode, String requestMethod, String requestPath,
                           String bodyExcerpt) {

    /** @return details with nothing known */
    public static ErrorDetails none() {
        return new ErrorDetails(NemoException.NO_STATUS, null, null, null, null);
    }

    /**
     * @param method request method
     * @param path   request path
     * @return details naming only the request
     */
    public static ErrorDetails request(String method, String path) {
        return new ErrorDetails(NemoException.NO_STATUS, null, method, path, null);
    }

    /**
     * @param status HTTP status
     * @return a copy with that status
     */
    public ErrorDetails withStatus(int status) {
        return new ErrorDetails(status, apiCode, requestMethod, requestPath, bodyExcerpt);
    }

    /**
     * @param code API code
     * @return a copy with that code
     */
    public ErrorDetails withApiCode(Integer code) {
        return new ErrorDetails(httpStatus, code, requestMethod, requestPath, bodyExcerpt);
    }

    /**
     * @param excerpt redacted body excerpt
     * @return a copy with that excerpt
     */
    public ErrorDetails withBodyExcerpt(String excerpt) {
        return new ErrorDetails(httpStatus, apiCode, requestMethod, requestPath, excerpt);
    }
}
