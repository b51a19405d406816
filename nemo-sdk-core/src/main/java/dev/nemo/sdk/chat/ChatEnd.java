package dev.nemo.sdk.chat;

/**
 * How a chat stream ended. The server ends a stream by closing it (there is no "done" event), so
 * the SDK tells the endings apart from what it saw.
 */
public enum ChatEnd {
    /** The stream closed normally after the agent wrote text. */
    COMPLETED_WITH_TEXT,
    /**
     * The stream closed normally with no text (about a third of edits): the change, if any, is in
     * the session state; {@link ChatApi#send} reports what changed.
     */
    COMPLETED_SILENTLY,
    /** The stream closed normally after an error event ({@link ChatEvent.StreamError} or a final {@link ChatEvent.ModelError}). */
    ERROR_EVENT,
    /**
     * The connection broke (or the stream could not be read further) before the server closed it;
     * {@link ChatResult#failure()} holds the typed error. The message may have been processed: it is
     * never re-sent automatically.
     */
    TRANSPORT_CUT,
    /** Not a byte arrived within {@link ChatOptions#firstByteTimeout()}. */
    FIRST_BYTE_TIMEOUT,
    /** Only heartbeats arrived for {@link ChatOptions#idleTimeout()}. */
    IDLE_TIMEOUT,
    /** The stream took longer than {@link ChatOptions#timeout()}. */
    OVERALL_TIMEOUT,
    /** The caller closed or cancelled the stream. */
    CANCELLED;

    /** {@return whether the server closed the stream itself (text, silent, or error event)} */
    public boolean closedByServer() {
        return this == COMPLETED_WITH_TEXT || this == COMPLETED_SILENTLY || this == ERROR_EVENT;
    }

    /**
     * {@return whether the stream stopped before the server closed it (cut or timeout): the agent may still be working, or may have finished without the SDK seeing it}
     */
    public boolean interrupted() {
        return this == TRANSPORT_CUT || this == FIRST_BYTE_TIMEOUT || this == IDLE_TIMEOUT || this == OVERALL_TIMEOUT;
    }
}
