package dev.nemo.sdk.assistant;

/**
 * Where a user's message goes, per the skill's routing table. Only {@link #CHAT} is sent to the
 * agent; the others are handled by the client with a direct API call.
 */
public enum Intent {
    /** Export (render) the project and download the video: {@code client.exports()}. */
    EXPORT,
    /** Show the credit balance: {@code client.credits().balance()}. */
    CREDITS,
    /** Show the project's state as a track summary (the state endpoint). */
    STATUS,
    /** Upload media to the session: {@code client.uploads()}. */
    UPLOAD,
    /** Everything else (generate, edit, add music…): send to the agent over {@code /run_sse}. */
    CHAT;

    /** {@return whether the message goes to the agent} */
    public boolean isChat() {
        return this == CHAT;
    }
}
