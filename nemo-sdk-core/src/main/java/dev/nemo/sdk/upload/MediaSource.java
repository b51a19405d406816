package dev.nemo.sdk.upload;

import dev.nemo.sdk.error.MediaSourceException;
import dev.nemo.sdk.internal.upload.OpenedStreams;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Flow;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One file to upload: a {@link Path}, or a stream of bytes with a file name. Content is always
 * streamed, never read into memory as a whole.
 *
 * <pre>{@code
 * MediaSource.of(Path.of("cat.gif"));
 * MediaSource.ofInputStream("cat.gif", size, () -> s3.getObject(key));
 * MediaSource.ofPublisher("cat.gif", size, JdkFlowAdapter.publisherToFlowPublisher(flux));
 * }</pre>
 *
 * <p>A stream source is subscribed to (or opened) once per attempt. The SDK sends an upload again
 * only when the server refused it before processing it (an expired token that was renewed, a rate
 * limit, a failed connect), so a cold publisher or an opener that returns a fresh stream each time
 * works in every case; a one-shot publisher fails such a second attempt with a
 * {@link MediaSourceException}. Immutable.
 */
public final class MediaSource {
    /** Length of a stream whose size is not known in advance (the request is then sent chunked). */
    public static final long UNKNOWN_LENGTH = -1;

    private final @Nullable Path file;
    private final Flow.@Nullable Publisher<ByteBuffer> content;
    private final String fileName;
    private final long length;
    private final @Nullable String contentType;

    private MediaSource(@Nullable Path file, Flow.@Nullable Publisher<ByteBuffer> content, String fileName,
                        long length, @Nullable String contentType) {
        this.file = file;
        this.content = content;
        this.fileName = requireFileName(fileName);
        this.length = length;
        this.contentType = contentType;
    }

    /**
     * {@return a source named after the file}
     *
     * @param file a regular file; its size is read when the upload starts
     */
    public static MediaSource of(Path file) {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        if (name == null) {
            throw new IllegalArgumentException("not a file path: " + file);
        }
        return new MediaSource(file, null, name.toString(), UNKNOWN_LENGTH, null);
    }

    /**
     * {@return a streamed source}
     *
     * @param fileName the file name to send, for example {@code cat.gif}
     * @param length   the exact number of bytes the publisher produces, or {@link #UNKNOWN_LENGTH}
     * @param content  the bytes; the buffers it publishes must not be modified afterwards
     */
    public static MediaSource ofPublisher(String fileName, long length, Flow.Publisher<ByteBuffer> content) {
        return new MediaSource(null, Objects.requireNonNull(content, "content"), fileName, checkLength(length),
                null);
    }

    /**
     * {@return a streamed source}
     *
     * @param fileName the file name to send, for example {@code cat.gif}
     * @param length   the exact number of bytes the stream holds, or {@link #UNKNOWN_LENGTH}
     * @param opener   returns a new stream positioned at the start of the content, each time it is
     *                 called; the SDK closes the streams it opens. An opener that returns the same
     *                 stream again (a one-shot stream) fails an attempt that needs the content a
     *                 second time (after HTTP 429, say) with a {@link MediaSourceException}, and
     *                 nothing of the content is sent twice
     */
    public static MediaSource ofInputStream(String fileName, long length, Supplier<? extends InputStream> opener) {
        Objects.requireNonNull(opener, "opener");
        return new MediaSource(null, new OpenedStreams(fileName, opener), fileName, checkLength(length), null);
    }

    /**
     * {@return a copy}
     *
     * @param fileName the file name to send instead
     */
    public MediaSource withFileName(String fileName) {
        return new MediaSource(file, content, fileName, length, contentType);
    }

    /**
     * Sends this MIME type instead of the one the SDK would choose (see {@link MediaFormat}). The
     * content check still applies unless {@link UploadOptions.Builder#verifyContent(boolean)} is off.
     *
     * @param contentType for example {@code video/mp4}
     * @return a copy
     */
    public MediaSource withContentType(String contentType) {
        Objects.requireNonNull(contentType, "contentType");
        if (contentType.isBlank() || contentType.chars().anyMatch(c -> c < 0x20 || c > 0x7E)) {
            throw new IllegalArgumentException("invalid content type: " + contentType);
        }
        return new MediaSource(file, content, fileName, length, contentType.strip());
    }

    /** {@return the file name sent in the {@code filename} parameter} */
    public String fileName() {
        return fileName;
    }

    /** {@return the file, for a file source} */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** {@return the content, for a stream source (subscribed to once per attempt)} */
    public Optional<Flow.Publisher<ByteBuffer>> content() {
        return Optional.ofNullable(content);
    }

    /** {@return the declared length of a stream source, when known (a file's size is read at upload time)} */
    public OptionalLong length() {
        return length == UNKNOWN_LENGTH ? OptionalLong.empty() : OptionalLong.of(length);
    }

    /** {@return the MIME type set with {@link #withContentType(String)}} */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    @Override
    public String toString() {
        return "MediaSource{" + (file != null ? "file=" + file : "stream, length=" + length) + ", fileName="
                + fileName + (contentType == null ? "" : ", contentType=" + contentType) + '}';
    }

    private static String requireFileName(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        if (fileName.isEmpty()) {
            throw new IllegalArgumentException("fileName must not be empty");
        }
        return fileName;
    }

    private static long checkLength(long length) {
        if (length < 0 && length != UNKNOWN_LENGTH) {
            throw new IllegalArgumentException("length must be >= 0 or UNKNOWN_LENGTH: " + length);
        }
        return length;
    }
}
