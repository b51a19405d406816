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

    /** @return a listener that ignores everything */
    static ChatListener none() {
        return event -> { };
    }

    /** @param event the next event of the stream, heartbeats included */
    void onEvent(ChatEvent event);
}
