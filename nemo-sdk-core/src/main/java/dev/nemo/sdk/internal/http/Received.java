package dev.nemo.sdk.internal.http;

/**
 * What the terminal sender read from a response: the whole body, or what the call's
 * {@link ResponseReader} made of an accepted stream.
 *
 * @param <T> the stream body type
 */
sealed interface Received<T> {

    /**
     * A body read whole (JSON, an error, a redirect's).
     *
     * @param bytes the body; never changed after it was read
     */
    // an array component on purpose: the body is handed on as read, without a defensive copy
    @SuppressWarnings("ArrayRecordComponent")
    record Whole<T>(byte[] bytes) implements Received<T> {
    }

    /**
     * What the call's reader made of an accepted stream.
     *
     * @param value the accepted stream's body
     */
    record Streamed<T>(T value) implements Received<T> {
    }
}
