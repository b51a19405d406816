package dev.nemo.sdk.upload;

/**
 * Receives upload progress as the HTTP client consumes the request body: first {@code (0, total)},
 * then after every buffer taken. Called on an HTTP client thread, in order, with non-decreasing
 * values; it must return quickly and not block. If the upload is sent a second time (after the
 * token was renewed), progress starts again from 0. An exception it throws is logged and the
 * listener is not called again for that upload.
 */
@FunctionalInterface
public interface UploadProgressListener {

    /**
     * Reports how much of the request body has been sent.
     *
     * @param bytesSent  request body bytes handed to the connection so far
     * @param totalBytes the whole body size (the {@code Content-Length}), or {@code -1} when a
     *                   stream of unknown length makes it unknown; {@code bytesSent} reaches it
     *                   when the last byte has been handed over
     */
    void onProgress(long bytesSent, long totalBytes);
}
