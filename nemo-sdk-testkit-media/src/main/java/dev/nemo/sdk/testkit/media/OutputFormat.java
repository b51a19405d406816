package dev.nemo.sdk.testkit.media;

/** The file types the engine writes. */
public enum OutputFormat {
    /** H.264 (yuv420p) in MP4 with the index up front ({@code +faststart}), variable frame rate. */
    MP4("mp4", "video/mp4"),
    /** Animated GIF with a generated palette (two passes), looping forever. */
    GIF("gif", "image/gif");

    private final String extension;
    private final String mimeType;

    OutputFormat(String extension, String mimeType) {
        this.extension = extension;
        this.mimeType = mimeType;
    }

    /**
     * The usual file extension, without the dot.
     *
     * @return {@code "mp4"} or {@code "gif"}
     */
    public String extension() {
        return extension;
    }

    /**
     * The media type of the output.
     *
     * @return {@code "video/mp4"} or {@code "image/gif"}
     */
    public String mimeType() {
        return mimeType;
    }
}
