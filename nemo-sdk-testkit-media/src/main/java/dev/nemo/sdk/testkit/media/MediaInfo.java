package dev.nemo.sdk.testkit.media;

import java.time.Duration;
import java.util.Objects;

/**
 * What a full decode of a file found (see {@link MediaEngine#probe(java.nio.file.Path)}).
 *
 * @param container the FFmpeg demuxer that read it (for example {@code gif}, {@code mov,mp4,m4a,3gp,3g2,mj2})
 * @param codec the video codec (for example {@code gif}, {@code h264})
 * @param width the width of the first frame
 * @param height the height of the first frame
 * @param pixelFormat the FFmpeg pixel format of the first decoded frame (for example {@code yuv420p})
 * @param frames the number of frames decoded
 * @param duration the sum of the frame durations (GIF delays of 0 or 1 cs count as 100 ms)
 * @param transparent whether the frames can carry transparency (an alpha channel or a palette)
 * @param hasAudio whether the container also has an audio stream
 * @param bytes the file size
 */
public record MediaInfo(
        String container,
        String codec,
        int width,
        int height,
        String pixelFormat,
        int frames,
        Duration duration,
        boolean transparent,
        boolean hasAudio,
        long bytes) {

    /** Checks for nulls. */
    public MediaInfo {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(pixelFormat, "pixelFormat");
        Objects.requireNonNull(duration, "duration");
    }
}
