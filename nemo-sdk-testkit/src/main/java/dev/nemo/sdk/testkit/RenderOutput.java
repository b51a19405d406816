package dev.nemo.sdk.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A rendered file, as returned by a {@link Renderer}. Immutable. */
public final class RenderOutput {
    private final byte[] bytes;
    private final String mimeType;
    private final String extension;
    private final boolean converted;
    private final String note;
    private final Map<String, Object> details;

    private RenderOutput(byte[] bytes, String mimeType, String extension, boolean converted, String note) {
        this(bytes, mimeType, extension, converted, note, Map.of());
    }

    private RenderOutput(
            byte[] bytes, String mimeType, String extension, boolean converted, String note, Map<String, ?> details) {
        this.bytes = Objects.requireNonNull(bytes, "bytes").clone();
        this.mimeType = Objects.requireNonNull(mimeType, "mimeType");
        String ext = Objects.requireNonNull(extension, "extension").toLowerCase(Locale.ROOT);
        if (!ext.matches("[a-z0-9]{1,8}")) {
            throw new IllegalArgumentException("extension must be 1-8 letters or digits, without a dot: " + extension);
        }
        this.extension = ext;
        this.converted = converted;
        this.note = note;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(details, "details")));
    }

    /**
     * @param bytes     the file
     * @param mimeType  its MIME type, for example {@code video/mp4}
     * @param extension its extension without the dot, for example {@code mp4}
     * @return an output rendered as requested
     */
    public static RenderOutput of(byte[] bytes, String mimeType, String extension) {
        return new RenderOutput(bytes, mimeType, extension, true, null);
    }

    /**
     * @param bytes     the file
     * @param mimeType  its MIME type
     * @param extension its extension without the dot
     * @param note      why the output is not what was asked for, shown in the render status
     * @return an output that is not (fully) what was requested, for example the unconverted source
     */
    public static RenderOutput unconverted(byte[] bytes, String mimeType, String extension, String note) {
        return new RenderOutput(bytes, mimeType, extension, false, Objects.requireNonNull(note, "note"));
    }

    /**
     * @param details facts about the render for its status, reported under {@code details} (for
     *                example {@code ssim}, {@code inputBytes}, {@code crf}); values are strings,
     *                numbers, booleans or lists of them
     * @return a copy of this output with those details
     */
    public RenderOutput withDetails(Map<String, ?> details) {
        return new RenderOutput(bytes, mimeType, extension, converted, note, details);
    }

    /** @return the details reported in the render status, in insertion order (empty by default) */
    public Map<String, Object> details() {
        return details;
    }

    /** @return a copy of the file */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the size in bytes */
    public long size() {
        return bytes.length;
    }

    /** @return the MIME type */
    public String mimeType() {
        return mimeType;
    }

    /** @return the extension, lowercase, without the dot */
    public String extension() {
        return extension;
    }

    /** @return whether the file was rendered as requested (false for a passthrough) */
    public boolean converted() {
        return converted;
    }

    /** @return an explanation shown in the render status, for unconverted outputs */
    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    @Override
    public String toString() {
        return "RenderOutput{" + bytes.length + " bytes, " + mimeType + (converted ? "" : ", unconverted") + '}';
    }
}
