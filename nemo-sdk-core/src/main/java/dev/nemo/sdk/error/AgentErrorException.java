package dev.nemo.sdk.error;

/**
 * The agent answered the instruction with an error (a model error or an error event in the chat
 * stream), so a workflow stops before exporting. The agent's own words are in the message; the
 * low-level {@code client.chat()} API reports the same as {@code ChatEnd.ERROR_EVENT} instead.
 */
public class AgentErrorException extends NemoServiceException {
    private static final long serialVersionUID = 1L;

    private final String sessionId;

    /**
     * Creates the exception.
     *
     * @param message   the agent's error, in words
     * @param sessionId the session, to look at it afterwards
     */
    public AgentErrorException(String message, String sessionId) {
        super(message, ErrorDetails.request("POST", "/run_sse"), null);
        this.sessionId = sessionId;
    }

    /** {@return the session the instruction was sent to} */
    public String sessionId() {
        return sessionId;
    }
}
