package dev.nemo.sdk.testkit.internal;

/** One change the emulated agent understood from an instruction. */
public sealed interface EditOp {

    /**
     * Compress the export.
     *
     * @param targetBytes the size to stay under, or {@code null}
     * @param quality     {@code high}, {@code medium} or {@code low}
     */
    record Compress(Long targetBytes, String quality) implements EditOp {}

    /**
     * Change the export's container format.
     *
     * @param format {@code mp4}, {@code gif}, {@code webm}, {@code mov} or {@code apng}
     */
    record Convert(String format) implements EditOp {}

    /**
     * Change the output resolution.
     *
     * @param label  for example {@code 720p}, or {@code null} for explicit sizes
     * @param shortSide the short side for a label, else 0
     * @param width  explicit width, else 0
     * @param height explicit height, else 0
     */
    record Resize(String label, int shortSide, int width, int height) implements EditOp {}

    /**
     * Keep only part of the timeline.
     *
     * @param startMs    where the kept part starts
     * @param durationMs how long it is, or -1 for "to the end"
     */
    record Trim(long startMs, long durationMs) implements EditOp {}

    /**
     * Add a title, or change the existing one.
     *
     * @param text the title text
     */
    record SetTitle(String text) implements EditOp {}

    /** Remove every title/text track. */
    record RemoveTitle() implements EditOp {}

    /**
     * Add background music.
     *
     * @param label  a style such as {@code Lo-fi}
     * @param volume 0-1
     */
    record AddMusic(String label, double volume) implements EditOp {}

    /** Remove background music. */
    record RemoveMusic() implements EditOp {}

    /**
     * Set the music volume.
     *
     * @param volume 0-1
     */
    record SetVolume(double volume) implements EditOp {}

    /**
     * Set the output frame rate.
     *
     * @param fps frames per second
     */
    record SetFps(int fps) implements EditOp {}

    /**
     * Set the colour transparent areas are shown on.
     *
     * @param colour lowercase {@code #rrggbb}
     */
    record SetBackground(String colour) implements EditOp {}
}
