package dev.nemo.sdk.error;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 402: export is blocked. This is a plan or attribution problem, not a credits problem:
 * free plans cannot export, and requests without the {@code X-Skill-*} attribution headers are
 * refused the same way. Register at nemovideo.com to unlock export.
 */
public class ExportNotAllowedException extends NemoServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message description without secrets
     * @param details where and how it failed
     * @param cause   underlying cause, or {@code null}
     */
    public ExportNotAllowedException(String message, ErrorDetails details, @Nullable Throwable cause) {
        super(message, details, cause);
    }
}
