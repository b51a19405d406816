package dev.nemo.sdk.internal.sse;

/** Receives what an {@link SseDecoder} finds, in stream order, on the thread that feeds it. */
public interface SseHandler {

    /**
     * Receives a dispatched event.
     *
     * @param event a dispatched event
     */
    void onEvent(SseEvent event);

    /**
     * A comment line ({@code :} followed by anything). The WHATWG rules ignore comments; servers
     * use them as heartbeats, so they are reported.
     *
     * @param comment the text after the colon, one leading space removed
     */
    default void onComment(String comment) {
    }

    /**
     * Receives the reconnection time a {@code retry:} field set.
     *
     * @param millis the reconnection time, in milliseconds
     */
    default void onRetry(long millis) {
    }
}
