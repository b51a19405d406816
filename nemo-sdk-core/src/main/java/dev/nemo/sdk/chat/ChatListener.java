package dev.nemo.sdk.chat;

/**
 * Sees the events of {@link ChatApi#send(String, String, ChatOptions, ChatListener)} as they
 * arrive. Called one at a time, in stream order, on an SDK thread; a slow callback holds back
 * reading the response (backpressure) but does not count against the idle watchdog. The events
 * are the answer itself, so an exception thrown here cancels the stream and fails the call with
 * that exception. Progress ("still working" during long quiet periods) goes to the
 * {@link ChatProgressListener} of {@link ChatOptions.Builder#onProgress}.
 */
@FunctionalInterface
public interface ChatListener {

    /** {@return a listener that ignores everything} */
    static ChatListener none() {
        return event -> { };
    }

    /**
     * Receives the next event of the stream.
     *
     * @param event the next event of the stream, heartbeats included
     */
    void onEvent(ChatEvent event);

    /**
     * Called once when the stream has ended, before any state check: the result so far (its
     * {@link ChatResult#text()} is what arrived, marked incomplete by
     * {@link ChatResult#textIsComplete()} when the stream was cut). A chat message is never re-sent.
     *
     * @param soFar the result as the stream left it
     */
    default void onStreamEnded(ChatResult soFar) {
    }

    /**
     * Called after each read of the session state that follows a silent or interrupted stream.
     *
     * @param progress which read this was, what it saw and when the next one comes
     */
    default void onStateCheck(StateCheckProgress progress) {
    }
}
