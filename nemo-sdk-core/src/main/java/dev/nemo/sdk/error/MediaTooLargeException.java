package dev.nemo.sdk.error;

import dev.nemo.sdk.upload.UploadOptions;

/**
 * The client-side size check refused a file before it was sent (or stopped a stream of unknown
 * length once it passed the limit). It is a client-side error: nothing was sent. The server's
 * own refusal (code 4002) is the service error {@link FileTooLargeException}; catch both with
 * {@code catch (MediaTooLargeException | FileTooLargeException e)}.
 */
public class MediaTooLargeException extends NemoClientException {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final long size;
    private final long limit;

    /**
     * Creates the exception.
     *
     * @param message  description naming the file
     * @param fileName the file concerned
     * @param size     its size in bytes (for a stream of unknown length: the bytes read so far)
     * @param limit    the limit in bytes
     * @param details  the request, when one was being sent
     */
    public MediaTooLargeException(String message, String fileName, long size, long limit, ErrorDetails details) {
        super(message, details, null);
        this.fileName = fileName;
        this.size = size;
        this.limit = limit;
    }

    /** {@return the file name of the source concerned} */
    public String fileName() {
        return fileName;
    }

    /** {@return its size in bytes, or the bytes read when the stream passed the limit} */
    public long size() {
        return size;
    }

    /** {@return the limit in bytes ({@link UploadOptions#maxFileSize()})} */
    public long limit() {
        return limit;
    }
}
