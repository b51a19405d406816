package dev.nemo.sdk.draft;

/**
 * The type of a track, the draft's {@code tt} value: {@code 0} video, {@code 1} audio (background
 * music), {@code 7} text (titles). Other values exist upstream but are undocumented; they are kept
 * as they are, never rejected, and shown as {@code unknown(n)}.
 *
 * <pre>{@code
 * TrackType.of(7).equals(TrackType.TEXT);   // true
 * TrackType.of(4);                          // unknown(4)
 * }</pre>
 *
 * @param code the {@code tt} value
 */
public record TrackType(int code) {
    /** {@code tt = 0}: video. */
    public static final TrackType VIDEO = new TrackType(0);
    /** {@code tt = 1}: audio, usually background music. */
    public static final TrackType AUDIO = new TrackType(1);
    /** {@code tt = 7}: text, usually a title. */
    public static final TrackType TEXT = new TrackType(7);

    /**
     * {@return the type with that code (known or not)}
     *
     * @param code a {@code tt} value
     */
    public static TrackType of(int code) {
        return switch (code) {
            case 0 -> VIDEO;
            case 1 -> AUDIO;
            case 7 -> TEXT;
            default -> new TrackType(code);
        };
    }

    /** {@return whether this is one of the documented types (video, audio, text)} */
    public boolean isKnown() {
        return code == 0 || code == 1 || code == 7;
    }

    /**
     * {@return the label the track summary uses: {@code Video}, {@code BGM}, {@code Title}, or {@code Track (type n)} for other codes}
     */
    public String displayName() {
        return switch (code) {
            case 0 -> "Video";
            case 1 -> "BGM";
            case 7 -> "Title";
            default -> "Track (type " + code + ")";
        };
    }

    /** {@return {@code video}, {@code audio}, {@code text} or {@code unknown(n)}} */
    @Override
    public String toString() {
        return switch (code) {
            case 0 -> "video";
            case 1 -> "audio";
            case 7 -> "text";
            default -> "unknown(" + code + ")";
        };
    }
}
