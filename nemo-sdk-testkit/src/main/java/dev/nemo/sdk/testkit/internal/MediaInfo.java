package dev.nemo.sdk.testkit.internal;

/**
 * What the probe could read cheaply from a file's headers. Unknown values are {@code null}.
 *
 * @param kind     the format (APNG when a PNG carries an animation control chunk)
 * @param width    pixels
 * @param height   pixels
 * @param duration seconds, for animations, videos and audio
 * @param frames   number of frames of an animation or video track
 */
public record MediaInfo(MediaKind kind, Integer width, Integer height, Double duration, Integer frames) {

    /** @return frames per second, when both frames and duration are known */
    public Double fps() {
        if (frames == null || duration == null || duration <= 0) {
            return null;
        }
        return Math.round(frames / duration * 100.0) / 100.0;
    }

    /** @return the length this media occupies on a timeline, in ms (stills and unknowns get 5 s) */
    public long timelineMillis() {
        if (duration == null || duration <= 0) {
            return 5_000;
        }
        return Math.max(1, Math.round(duration * 1000));
    }
}
