package dev.nemo.sdk.upload;

import dev.nemo.sdk.json.JsonNull;
import dev.nemo.sdk.json.JsonValue;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * One file the server stored, from {@code data.files[]} (or {@code data.uploaded_files[]}, which
 * carries only a {@code url}). Every field may be absent; fields the SDK does not know are kept
 * in {@link #raw()}. Immutable.
 */
public final class UploadedFile {
    private final @Nullable String fileName;
    private final @Nullable String fileType;
    private final @Nullable String url;
    private final @Nullable Double durationSeconds;
    private final @Nullable Integer width;
    private final @Nullable Integer height;
    private final @Nullable Double fps;
    private final @Nullable String hash;
    private final JsonValue raw;

    private UploadedFile(Builder b) {
        this.fileName = b.fileName;
        this.fileType = b.fileType;
        this.url = b.url;
        this.durationSeconds = b.durationSeconds;
        this.width = b.width;
        this.height = b.height;
        this.fps = b.fps;
        this.hash = b.hash;
        this.raw = b.raw == null ? JsonNull.INSTANCE : b.raw;
    }

    /** {@return a new builder (for tests and emulators)} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return {@code filename}: the name the server recorded} */
    public Optional<String> fileName() {
        return Optional.ofNullable(fileName);
    }

    /** {@return {@code file_type}: {@code video}, {@code image} or {@code audio}} */
    public Optional<String> fileType() {
        return Optional.ofNullable(fileType);
    }

    /** {@return {@code cdn_url} (or {@code url} in the {@code uploaded_files} variant): where the stored file lives} */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** {@return {@code duration} in seconds (a decimal number, unlike the draft's milliseconds)} */
    public OptionalDouble durationSeconds() {
        return durationSeconds == null ? OptionalDouble.empty() : OptionalDouble.of(durationSeconds);
    }

    /** {@return {@code duration} as a {@link Duration}, rounded to the microsecond} */
    public Optional<Duration> duration() {
        return durationSeconds == null ? Optional.empty()
                : Optional.of(Duration.ofNanos(Math.round(durationSeconds * 1_000_000d) * 1_000L));
    }

    /** {@return {@code width} in pixels} */
    public OptionalInt width() {
        return width == null ? OptionalInt.empty() : OptionalInt.of(width);
    }

    /** {@return {@code height} in pixels} */
    public OptionalInt height() {
        return height == null ? OptionalInt.empty() : OptionalInt.of(height);
    }

    /** {@return {@code fps}: frames per second (may be fractional, for example 29.97)} */
    public OptionalDouble fps() {
        return fps == null ? OptionalDouble.empty() : OptionalDouble.of(fps);
    }

    /** {@return {@code hash}: the server's content hash} */
    public Optional<String> hash() {
        return Optional.ofNullable(hash);
    }

    /** {@return the JSON object this file was decoded from; JSON {@code null} when not set} */
    public JsonValue raw() {
        return raw;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof UploadedFile f && Objects.equals(fileName, f.fileName) && Objects.equals(fileType, f.fileType)
                && Objects.equals(url, f.url) && Objects.equals(durationSeconds, f.durationSeconds)
                && Objects.equals(width, f.width) && Objects.equals(height, f.height) && Objects.equals(fps, f.fps)
                && Objects.equals(hash, f.hash) && raw.equals(f.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, fileType, url, durationSeconds, width, height, fps, hash, raw);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("UploadedFile{");
        s.append("fileName=").append(fileName).append(", fileType=").append(fileType).append(", url=").append(url);
        if (durationSeconds != null) {
            s.append(", duration=").append(durationSeconds).append('s');
        }
        if (width != null || height != null) {
            s.append(", size=").append(width).append('x').append(height);
        }
        if (fps != null) {
            s.append(", fps=").append(fps);
        }
        return s.append('}').toString();
    }

    /** Builds an {@link UploadedFile}. */
    public static final class Builder {
        private @Nullable String fileName;
        private @Nullable String fileType;
        private @Nullable String url;
        private @Nullable Double durationSeconds;
        private @Nullable Integer width;
        private @Nullable Integer height;
        private @Nullable Double fps;
        private @Nullable String hash;
        private @Nullable JsonValue raw;

        private Builder() {
        }

        /**
         * Sets {@code fileName}.
         *
         * @param fileName the name the server recorded, or {@code null}
         * @return this builder
         */
        public Builder fileName(@Nullable String fileName) {
            this.fileName = fileName;
            return this;
        }

        /**
         * Sets {@code fileType}.
         *
         * @param fileType {@code file_type}, or {@code null}
         * @return this builder
         */
        public Builder fileType(@Nullable String fileType) {
            this.fileType = fileType;
            return this;
        }

        /**
         * Sets {@code url}.
         *
         * @param url {@code cdn_url}, or {@code null}
         * @return this builder
         */
        public Builder url(@Nullable String url) {
            this.url = url;
            return this;
        }

        /**
         * Sets {@code durationSeconds}.
         *
         * @param seconds {@code duration}, or {@code null}
         * @return this builder
         */
        public Builder durationSeconds(@Nullable Double seconds) {
            this.durationSeconds = seconds;
            return this;
        }

        /**
         * Sets {@code dimensions}.
         *
         * @param width  {@code width}, or {@code null}
         * @param height {@code height}, or {@code null}
         * @return this builder
         */
        public Builder dimensions(@Nullable Integer width, @Nullable Integer height) {
            this.width = width;
            this.height = height;
            return this;
        }

        /**
         * Sets {@code fps}.
         *
         * @param fps {@code fps}, or {@code null}
         * @return this builder
         */
        public Builder fps(@Nullable Double fps) {
            this.fps = fps;
            return this;
        }

        /**
         * Sets {@code hash}.
         *
         * @param hash {@code hash}, or {@code null}
         * @return this builder
         */
        public Builder hash(@Nullable String hash) {
            this.hash = hash;
            return this;
        }

        /**
         * Sets {@code raw}.
         *
         * @param raw the JSON object as received, or {@code null} for JSON {@code null}
         * @return this builder
         */
        public Builder raw(@Nullable JsonValue raw) {
            this.raw = raw;
            return this;
        }

        /** {@return the file} */
        public UploadedFile build() {
            return new UploadedFile(this);
        }
    }
}
