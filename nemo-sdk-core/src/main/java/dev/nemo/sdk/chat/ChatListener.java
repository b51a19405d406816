package dev.nemo.sdk.chat;

import java.time.Duration;

/**
 * Callbacks of {@link ChatApi#send(String, String, ChatOptions, ChatListener)}. They are called one
 * at a time, in stream order, on an SDK thread; a slow callback holds back reading the response
 * (backpressure) but does not count against the idle watchdog. An exception thrown by a callback
 * cancels the stream and fails the call with that exception.
 */
@FunctionalInterface
public interface ChatListener {

    /** {@return a listener that ignores everything} */
    static ChatListener none() {
        return event -> { };
    }

    /**
     * Receives the next event.
     *
     * @param event the next event of the stream, heartbeats included
     */
    void onEvent(ChatEvent event);

    /**
     * Only heartbeats have arrived for a while: the backend is still working (generation can take
     * minutes). Called every {@link ChatOptions#progressInterval()} of such quiet.
     *
     * @param quietFor how long only heartbeats have arrived
     */
    default void onStillWorking(Duration quietFor) {
    }
}
