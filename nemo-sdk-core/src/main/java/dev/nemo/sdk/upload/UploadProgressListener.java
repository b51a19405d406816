package dev.nemo.sdk.upload;

/**
 * Receives upload progress as the HTTP client consumes the request body: first {@code (0, total)},
 * then after every buffer taken, with non-decreasing values. If the upload is sent a second time
 * (after the token was renewed), progress starts again from 0.
 *
 * <p>Like every progress listener of the SDK ({@code ExportProgressListener},
 * {@code ChatProgressListener}), it is set with the operation's {@code onProgress(…)}, is called on
 * an SDK thread (here an HTTP client thread) one call at a time and in order, and must return
 * quickly without blocking. An exception it throws is logged and the listener is not called again
 * for that operation; the operation goes on.
 */
@FunctionalInterface
public interface UploadProgressListener {

    /**
     * Called as request body bytes are handed to the connection.
     *
     * @param bytesSent  request body bytes handed to the connection so far
     * @param totalBytes the whole body size (the {@code Content-Length}), or {@code -1} when a
     *                   stream of unknown length makes it unknown; {@code bytesSent} reaches it
     *                   when the last byte has been handed over
     */
    void onProgress(long bytesSent, long totalBytes);
}
