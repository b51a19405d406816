package dev.nemo.sdk.error;

/** The body {@code code} values the NemoVideo API documents. */
public final class ErrorCodes {
    /** Success. */
    public static final int OK = 0;
    /** Token invalid or expired. */
    public static final int TOKEN_EXPIRED = 1001;
    /** Session not found. */
    public static final int SESSION_NOT_FOUND = 1002;
    /** Out of credits. */
    public static final int INSUFFICIENT_CREDITS = 2001;
    /** Unsupported file type. */
    public static final int UNSUPPORTED_FILE_TYPE = 4001;
    /** File too large. */
    public static final int FILE_TOO_LARGE = 4002;

    private ErrorCodes() {}
}
