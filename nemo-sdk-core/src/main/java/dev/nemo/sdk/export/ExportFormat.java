package dev.nemo.sdk.export;

/** The container of an exported video. */
public enum ExportFormat {
    /** H.264 MP4, the default. */
    MP4("mp4"),
    /** Animated GIF. */
    GIF("gif");

    private final String wireName;

    ExportFormat(String wireName) {
        this.wireName = wireName;
    }

    /** {@return the value sent in {@code output.format}} */
    public String wireName() {
        return wireName;
    }

    /** {@return the usual file extension, without the dot} */
    public String extension() {
        return wireName;
    }
}
