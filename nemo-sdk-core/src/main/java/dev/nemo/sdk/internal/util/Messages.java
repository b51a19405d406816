package dev.nemo.sdk.internal.util;

/** Sentences that several errors end with, written once. */
public final class Messages {
    /**
     * Ends the message of a failure after which a non-idempotent request (a chat message, an
     * upload, a submission) may have run: the SDK did not replay it.
     */
    public static final String NOT_SENT_AGAIN = "it was not sent again automatically because it may already have "
            + "been processed: check the session before repeating it";

    private Messages() {}
}
