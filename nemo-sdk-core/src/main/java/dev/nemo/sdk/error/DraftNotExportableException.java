package dev.nemo.sdk.error;

/**
 * The draft cannot be exported yet: it has no track with segments ({@code t} is missing, or every
 * track's {@code sg} is empty). Raised before any request is sent; add media to the session and
 * let the agent build the timeline first.
 */
public class DraftNotExportableException extends NemoClientException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message description, for example naming the draft's summary
     */
    public DraftNotExportableException(String message) {
        super(message, ErrorDetails.request("POST", "/api/render/proxy/lambda"), null);
    }
}
