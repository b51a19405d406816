package dev.nemo.sdk.internal.http;

/**
 * What the terminal sender read from a response: the whole body, or what the call's
 * {@link ResponseReader} made of an accepted stream.
 *
 * @param <T> the stream body type
 */
sealed interface Received<T> {

    /**
     * A body read whole (JSON, an error, a redirect's). A class, not a record: the array is handed
     * over as read, never copied, and only the sender reads it.
     *
     * @param <T> the stream body type
     */
    final class Whole<T> implements Received<T> {
        private final byte[] bytes;

        Whole(byte[] bytes) {
            this.bytes = bytes;
        }

        /** {@return the body's bytes (not a copy)} */
        byte[] bytes() {
            return bytes;
        }
    }

    /**
     * The accepted stream's body.
     *
     * @param value what the call's reader made of it
     * @param <T>   the stream body type
     */
    record Streamed<T>(T value) implements Received<T> {
    }
}
