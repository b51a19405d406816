package dev.nemo.sdk.testkit.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What to render: a source file, where to write the result, and the edits and output options a
 * draft and an export request ask for. Immutable; build one with {@link #builder(Path, Path)}.
 *
 * <p>Defaults: MP4, fitted inside 1280&times;720 (never upscaled), CRF 23, no size target, no
 * trim, no title, white background, the source's own frame timing, SSIM measured.
 */
public final class RenderRequest {

    /** The default box the output is fitted in: 1280&times;720. */
    public static final int DEFAULT_MAX_WIDTH = 1280;
    /** The default box the output is fitted in: 1280&times;720. */
    public static final int DEFAULT_MAX_HEIGHT = 720;
    /** The largest box a request may ask for, either way round: 1080&times;1920 (or 1920&times;1080). */
    public static final int LARGEST_SIDE = 1920;
    /** The largest box a request may ask for, either way round: 1080&times;1920 (or 1920&times;1080). */
    public static final int LARGEST_SHORT_SIDE = 1080;
    /** The default constant rate factor of the H.264 encoder. */
    public static final int DEFAULT_CRF = 23;

    private final Path source;
    private final Path output;
    private final OutputFormat format;
    private final int maxWidth;
    private final int maxHeight;
    private final long targetSizeBytes;
    private final Duration trimStart;
    private final Duration trimDuration;
    private final String title;
    private final Duration titleStart;
    private final Duration titleDuration;
    private final RgbColor background;
    private final double maxFps;
    private final int crf;
    private final boolean measureSsim;
    private final boolean maxSizeRequested;
    private final Duration stillDuration;

    private RenderRequest(Builder b) {
        this.source = Objects.requireNonNull(b.source, "source");
        this.output = Objects.requireNonNull(b.output, "output");
        this.format = Objects.requireNonNull(b.format, "format");
        this.maxWidth = b.maxWidth;
        this.maxHeight = b.maxHeight;
        this.targetSizeBytes = b.targetSizeBytes;
        this.trimStart = Objects.requireNonNull(b.trimStart, "trimStart");
        this.trimDuration = b.trimDuration;
        this.title = b.title;
        this.titleStart = Objects.requireNonNull(b.titleStart, "titleStart");
        this.titleDuration = b.titleDuration;
        this.background = Objects.requireNonNull(b.background, "background");
        this.maxFps = b.maxFps;
        this.crf = b.crf;
        this.measureSsim = b.measureSsim;
        this.maxSizeRequested = b.maxSizeRequested;
        this.stillDuration = Objects.requireNonNull(b.stillDuration, "stillDuration");
        int longSide = Math.max(maxWidth, maxHeight);
        int shortSide = Math.min(maxWidth, maxHeight);
        if (shortSide < 16 || longSide > LARGEST_SIDE || shortSide > LARGEST_SHORT_SIDE) {
            throw new IllegalArgumentException(
                    "output box " + maxWidth + "x" + maxHeight + " is outside 16x16 .. 1080x1920 (or 1920x1080)");
        }
        if (trimStart.isNegative()) {
            throw new IllegalArgumentException("trimStart must not be negative: " + trimStart);
        }
        if (trimDuration != null && (trimDuration.isNegative() || trimDuration.isZero())) {
            throw new IllegalArgumentException("trimDuration must be positive: " + trimDuration);
        }
        if (titleStart.isNegative()
                || (titleDuration != null && (titleDuration.isNegative() || titleDuration.isZero()))) {
            throw new IllegalArgumentException(
                    "the title's time range must be positive: " + titleStart + "+" + titleDuration);
        }
        if (stillDuration.isNegative() || stillDuration.isZero()) {
            throw new IllegalArgumentException("stillDuration must be positive: " + stillDuration);
        }
        if (source.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("output must not overwrite the source: " + output);
        }
    }

    /**
     * Starts a request.
     *
     * @param source the file to render (GIF, APNG, PNG, JPEG, MP4/MOV, WebM/MKV)
     * @param output where to write the result; replaced atomically when the render succeeds
     * @return a builder with the defaults
     */
    public static Builder builder(Path source, Path output) {
        return new Builder(source, output);
    }

    /**
     * A builder holding this request's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(source, output);
        b.format = format;
        b.maxWidth = maxWidth;
        b.maxHeight = maxHeight;
        b.targetSizeBytes = targetSizeBytes;
        b.trimStart = trimStart;
        b.trimDuration = trimDuration;
        b.title = title;
        b.titleStart = titleStart;
        b.titleDuration = titleDuration;
        b.background = background;
        b.maxFps = maxFps;
        b.crf = crf;
        b.measureSsim = measureSsim;
        b.maxSizeRequested = maxSizeRequested;
        b.stillDuration = stillDuration;
        return b;
    }

    /**
     * The file to render.
     *
     * @return the source path
     */
    public Path source() {
        return source;
    }

    /**
     * Where the result is written.
     *
     * @return the output path
     */
    public Path output() {
        return output;
    }

    /**
     * The output file type.
     *
     * @return MP4 or GIF
     */
    public OutputFormat format() {
        return format;
    }

    /**
     * The width of the box the output is fitted in.
     *
     * @return the box width in pixels
     */
    public int maxWidth() {
        return maxWidth;
    }

    /**
     * The height of the box the output is fitted in.
     *
     * @return the box height in pixels
     */
    public int maxHeight() {
        return maxHeight;
    }

    /**
     * The size the output must not exceed, if any.
     *
     * @return the target in bytes, or empty for "no target" (encode once at {@link #crf()})
     */
    public OptionalLong targetSizeBytes() {
        return targetSizeBytes > 0 ? OptionalLong.of(targetSizeBytes) : OptionalLong.empty();
    }

    /**
     * Where the output starts in the source.
     *
     * @return the trim start, zero for the beginning
     */
    public Duration trimStart() {
        return trimStart;
    }

    /**
     * How much of the source, from {@link #trimStart()}, goes into the output.
     *
     * @return the length, or empty for "to the end"
     */
    public Optional<Duration> trimDuration() {
        return Optional.ofNullable(trimDuration);
    }

    /**
     * A title drawn over the top of the video.
     *
     * @return the text, or empty for none
     */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /**
     * When the title appears, on the output's timeline.
     *
     * @return the start, zero for the beginning
     */
    public Duration titleStart() {
        return titleStart;
    }

    /**
     * How long the title stays, from {@link #titleStart()}.
     *
     * @return the length, or empty for "to the end"
     */
    public Optional<Duration> titleDuration() {
        return Optional.ofNullable(titleDuration);
    }

    /**
     * The colour transparent pixels are composited on.
     *
     * @return the background colour
     */
    public RgbColor background() {
        return background;
    }

    /**
     * The frame rate cap, if any: frames closer together than {@code 1/maxFps} are dropped and the
     * frame before them is shown longer, so the timing stays that of the source.
     *
     * @return the cap in frames per second, or empty for the source's own timing
     */
    public OptionalDouble maxFps() {
        return maxFps > 0 ? OptionalDouble.of(maxFps) : OptionalDouble.empty();
    }

    /**
     * The H.264 constant rate factor used without a size target, and the first one tried with one.
     *
     * @return 0..51, lower is better quality
     */
    public int crf() {
        return crf;
    }

    /**
     * Whether the box was asked for ({@link Builder#maxSize}) rather than the default one. A GIF
     * that only the default box would shrink may be returned as it is when no render beats its size.
     *
     * @return true if {@link Builder#maxSize} was called
     */
    public boolean maxSizeRequested() {
        return maxSizeRequested;
    }

    /**
     * Whether to measure the output's SSIM against the source after the render.
     *
     * @return true to measure
     */
    public boolean measureSsim() {
        return measureSsim;
    }

    /**
     * How long a still picture (PNG, JPEG) is shown in the output.
     *
     * @return the duration of a still
     */
    public Duration stillDuration() {
        return stillDuration;
    }

    @Override
    public String toString() {
        return "RenderRequest{" + source + " -> " + output + ", " + format + " in " + maxWidth + "x" + maxHeight
                + (targetSizeBytes > 0 ? ", target " + targetSizeBytes + " B" : "")
                + (trimStart.isZero() && trimDuration == null ? "" : ", trim " + trimStart + "+" + trimDuration)
                + (title != null ? ", title " + titleStart + "+" + titleDuration : "") + ", bg " + background.toHex()
                + (maxFps > 0 ? ", maxFps " + maxFps : "") + ", crf " + crf + "}";
    }

    /** Builds a {@link RenderRequest}. Not thread-safe. */
    public static final class Builder {
        private Path source;
        private Path output;
        private OutputFormat format = OutputFormat.MP4;
        private int maxWidth = DEFAULT_MAX_WIDTH;
        private int maxHeight = DEFAULT_MAX_HEIGHT;
        private long targetSizeBytes;
        private Duration trimStart = Duration.ZERO;
        private Duration trimDuration;
        private String title;
        private Duration titleStart = Duration.ZERO;
        private Duration titleDuration;
        private RgbColor background = RgbColor.WHITE;
        private double maxFps;
        private int crf = DEFAULT_CRF;
        private boolean measureSsim = true;
        private boolean maxSizeRequested;
        private Duration stillDuration = Duration.ofSeconds(3);

        private Builder(Path source, Path output) {
            this.source = Objects.requireNonNull(source, "source");
            this.output = Objects.requireNonNull(output, "output");
        }

        /**
         * Sets the source file.
         *
         * @param source the file to render
         * @return this builder
         */
        public Builder source(Path source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Sets the output file.
         *
         * @param output where to write the result
         * @return this builder
         */
        public Builder output(Path output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /**
         * Sets the output file type (default MP4).
         *
         * @param format MP4 or GIF
         * @return this builder
         */
        public Builder format(OutputFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * Sets the box the output is fitted in, keeping the aspect ratio and never upscaling
         * (default 1280&times;720; at most 1080&times;1920 either way round).
         *
         * @param width box width
         * @param height box height
         * @return this builder
         */
        public Builder maxSize(int width, int height) {
            this.maxWidth = width;
            this.maxHeight = height;
            this.maxSizeRequested = true;
            return this;
        }

        /**
         * Sets the size the output must not exceed; the engine then searches CRF and resolution for
         * the best quality under it.
         *
         * @param bytes the target, or 0 for none
         * @return this builder
         */
        public Builder targetSizeBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("targetSizeBytes must not be negative: " + bytes);
            }
            this.targetSizeBytes = bytes;
            return this;
        }

        /**
         * Keeps only part of the source.
         *
         * @param start where the output starts in the source
         * @param length how much to keep, or null for "to the end"
         * @return this builder
         */
        public Builder trim(Duration start, Duration length) {
            this.trimStart = Objects.requireNonNull(start, "start");
            this.trimDuration = length;
            return this;
        }

        /**
         * Draws a title over the top of the video (skipped, with a note in the report, when no
         * font is found on the machine).
         *
         * @param title the text, or null for none
         * @return this builder
         */
        public Builder title(String title) {
            return title(title, Duration.ZERO, null);
        }

        /**
         * Draws a title over the top of the video for part of it (a draft's title segment).
         *
         * @param title the text, or null for none
         * @param start when it appears, on the output's timeline
         * @param length how long it stays, or null for "to the end"
         * @return this builder
         */
        public Builder title(String title, Duration start, Duration length) {
            this.title = title == null || title.isBlank() ? null : title.strip();
            this.titleStart = Objects.requireNonNull(start, "start");
            this.titleDuration = length;
            return this;
        }

        /**
         * Sets the colour transparent pixels are composited on (default white).
         *
         * @param background the colour
         * @return this builder
         */
        public Builder background(RgbColor background) {
            this.background = Objects.requireNonNull(background, "background");
            return this;
        }

        /**
         * Caps the frame rate (default: the source's own timing).
         *
         * @param fps the cap in frames per second, or 0 for none
         * @return this builder
         */
        public Builder maxFps(double fps) {
            if (!(fps >= 0 && fps <= 240)) {
                throw new IllegalArgumentException("maxFps must be in 0..240: " + fps);
            }
            this.maxFps = fps;
            return this;
        }

        /**
         * Sets the H.264 constant rate factor (default 23).
         *
         * @param crf 0..51, lower is better quality
         * @return this builder
         */
        public Builder crf(int crf) {
            if (crf < 0 || crf > 51) {
                throw new IllegalArgumentException("crf must be in 0..51: " + crf);
            }
            this.crf = crf;
            return this;
        }

        /**
         * Whether to measure SSIM against the source (default true; costs one more decode of both).
         *
         * @param measure true to measure
         * @return this builder
         */
        public Builder measureSsim(boolean measure) {
            this.measureSsim = measure;
            return this;
        }

        /**
         * How long a still picture is shown (default 3 seconds).
         *
         * @param duration the duration
         * @return this builder
         */
        public Builder stillDuration(Duration duration) {
            this.stillDuration = Objects.requireNonNull(duration, "duration");
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException if a value is out of range
         */
        public RenderRequest build() {
            return new RenderRequest(this);
        }
    }
}
