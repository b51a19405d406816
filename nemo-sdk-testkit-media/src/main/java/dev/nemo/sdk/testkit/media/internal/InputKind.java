package dev.nemo.sdk.testkit.media.internal;

/** The input types the engine accepts, with the one FFmpeg demuxer allowed to open each. */
public enum InputKind {
    /** GIF 87a/89a. */
    GIF("gif", "gif", false),
    /** Animated PNG. */
    APNG("apng", "apng", false),
    /** A still PNG. */
    PNG("png_pipe", "png_pipe", true),
    /** A still JPEG. */
    JPEG("jpeg_pipe", "jpeg_pipe", true),
    /** A still WebP. */
    WEBP("webp_pipe", "webp_pipe", true),
    /** An animated WebP: read by the engine's own RIFF reader (FFmpeg cannot), never by a demuxer. */
    ANIMATED_WEBP("webp", "", false),
    /** MP4 / QuickTime. */
    MP4("mp4", "mov,mp4,m4a,3gp,3g2,mj2", false),
    /** WebM / Matroska. */
    MATROSKA("matroska", "matroska,webm", false);

    private final String shortName;
    private final String demuxer;
    private final boolean still;

    InputKind(String shortName, String demuxer, boolean still) {
        this.shortName = shortName;
        this.demuxer = demuxer;
        this.still = still;
    }

    /**
     * A name {@code av_find_input_format} resolves to the demuxer.
     *
     * @return the short name
     */
    public String shortName() {
        return shortName;
    }

    /**
     * The FFmpeg demuxer's full name (also the format whitelist entry).
     *
     * @return the demuxer name
     */
    public String demuxer() {
        return demuxer;
    }

    /**
     * Whether the type holds one still picture (shown for the request's still duration).
     *
     * @return true for PNG, JPEG and WebP stills
     */
    public boolean still() {
        return still;
    }
}
