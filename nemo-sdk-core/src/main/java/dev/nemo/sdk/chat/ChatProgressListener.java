package dev.nemo.sdk.chat;

import java.time.Duration;

/**
 * Told that the agent is still working while only heartbeats arrive (generation can take
 * minutes): every {@link ChatOptions#progressInterval()} of such quiet.
 *
 * <p>Like every progress listener of the SDK ({@code UploadProgressListener},
 * {@code ExportProgressListener}), it is set with the operation's {@code onProgress(…)}, is called
 * on an SDK thread one call at a time and in order, and must return quickly without blocking. An
 * exception it throws is logged and the listener is not called again for that operation; the
 * operation goes on.
 */
@FunctionalInterface
public interface ChatProgressListener {

    /**
     * Tells that the agent is still working.
     *
     * @param quietFor how long only heartbeats have arrived
     */
    void onProgress(Duration quietFor);
}
