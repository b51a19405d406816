package dev.nemo.sdk.testkit;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** One uploaded media file of the session, as handed to a {@link Renderer}. Immutable. */
public final class SourceMedia {
    private final String url;
    private final String filename;
    private final String mimeType;
    private final byte[] bytes;
    private final Integer width;
    private final Integer height;
    private final Double durationSeconds;

    /**
     * @param url             the CDN URL the upload response gave for it
     * @param filename        the original file name
     * @param mimeType        the sniffed MIME type
     * @param bytes           the content (copied)
     * @param width           pixels, or {@code null} when unknown
     * @param height          pixels, or {@code null} when unknown
     * @param durationSeconds seconds, or {@code null} for stills and unknowns
     */
    public SourceMedia(
            String url,
            String filename,
            String mimeType,
            byte[] bytes,
            Integer width,
            Integer height,
            Double durationSeconds) {
        this.url = Objects.requireNonNull(url, "url");
        this.filename = Objects.requireNonNull(filename, "filename");
        this.mimeType = Objects.requireNonNull(mimeType, "mimeType");
        this.bytes = Objects.requireNonNull(bytes, "bytes").clone();
        this.width = width;
        this.height = height;
        this.durationSeconds = durationSeconds;
    }

    /** @return the CDN URL of the upload */
    public String url() {
        return url;
    }

    /** @return the original file name */
    public String filename() {
        return filename;
    }

    /** @return the sniffed MIME type, for example {@code image/gif} */
    public String mimeType() {
        return mimeType;
    }

    /** @return the size in bytes */
    public long size() {
        return bytes.length;
    }

    /** @return a copy of the content */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return a stream over the content */
    public InputStream openStream() {
        return new ByteArrayInputStream(bytes);
    }

    /** @return width in pixels, when the probe could read it */
    public OptionalInt width() {
        return width == null ? OptionalInt.empty() : OptionalInt.of(width);
    }

    /** @return height in pixels, when the probe could read it */
    public OptionalInt height() {
        return height == null ? OptionalInt.empty() : OptionalInt.of(height);
    }

    /** @return duration in seconds, for animations, videos and audio */
    public OptionalDouble durationSeconds() {
        return durationSeconds == null ? OptionalDouble.empty() : OptionalDouble.of(durationSeconds);
    }

    @Override
    public String toString() {
        return "SourceMedia{" + filename + ", " + mimeType + ", " + bytes.length + " bytes}";
    }
}
