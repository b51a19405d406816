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
        switch (code) {
            case 0:
                return VIDEO;
            case 1:
                return AUDIO;
            case 7:
                return TEXT;
            default:
                return new TrackType(code);
        }
    }

    /** {@return whether this is one of the documented types (video, audio, text)} */
    public boolean isKnown() {
        return code == 0 || code == 1 || code == 7;
    }

    /**
     * {@return the label the track summary uses: {@code Video}, {@code BGM}, {@code Title}, or {@code Track (type n)} for other codes}
     */
    public String displayName() {
        switch (code) {
            case 0:
                return "Video";
            case 1:
                return "BGM";
            case 7:
                return "Title";
            default:
                return "Track (type " + code + ")";
        }
    }

    /** {@return {@code video}, {@code audio}, {@code text} or {@code unknown(n)}} */
    @Override
    public String toString() {
        switch (code) {
            case 0:
                return "video";
            case 1:
                return "audio";
            case 7:
                return "text";
            default:
                return "unknown(" + code + ")";
        }
    }
}
