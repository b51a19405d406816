package dev.nemo.sdk.internal.http;

/**
 * What the terminal sender read from a response: the whole body, or what the call's
 * {@link ResponseReader} made of an accepted stream.
 *
 * @param <T> the stream body type
 */
sealed interface Received<T> {

    /** @param bytes a body read whole (JSON, an error, a redirect's) */
    record Whole<T>(byte[] bytes) implements Received<T> {
    }

    /** @param value the accepted stream's body */
    record Streamed<T>(T value) implements Received<T> {
    }
}
