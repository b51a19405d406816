package dev.nemo.sdk.testkit.media.internal;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGBA;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import dev.nemo.sdk.testkit.media.MediaException;
import dev.nemo.sdk.testkit.media.MediaLimits;
import dev.nemo.sdk.testkit.media.internal.webp.WebpAnimationReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * The frames of an animated WebP, which FFmpeg cannot decode, as the RGBA frames FFmpeg's decoders
 * would give: the canvas after each frame, timed in milliseconds (time base 1/1000). Feeds
 * {@link SourceReader}, so animated WebP goes through the same pipeline as GIF and APNG.
 */
final class WebpFrameSource {

    /** The time base of the frames: milliseconds, as the {@code ANMF} durations are stored. */
    static final int TB_DEN = 1000;

    private final WebpAnimationReader reader;
    private final byte[] row;
    private long pts;

    private WebpFrameSource(WebpAnimationReader reader) {
        this.reader = reader;
        this.row = new byte[reader.animation().canvasWidth() * 4];
    }

    /**
     * Reads the file and the animation's structure.
     *
     * @param path the file (its size is already checked against the limits)
     * @param limits the canvas and frame count limits
     * @return the source, before the first frame
     */
    static WebpFrameSource open(Path path, MediaLimits limits) {
        try {
            return new WebpFrameSource(WebpAnimationReader.open(Files.readAllBytes(path), limits));
        } catch (IOException e) {
            throw new MediaException("cannot read " + path + ": " + e, e);
        }
    }

    /**
     * Decodes the next frame into an RGBA frame, with its {@code pts} and {@code duration} in milliseconds.
     *
     * @param frame an unreferenced frame
     * @return false after the last frame
     */
    boolean next(AVFrame frame) {
        if (!reader.next()) {
            return false;
        }
        int w = reader.animation().canvasWidth();
        int h = reader.animation().canvasHeight();
        frame.format(AV_PIX_FMT_RGBA);
        frame.width(w);
        frame.height(h);
        FfmpegRuntime.check(av_frame_get_buffer(frame, 0), "allocating a WebP frame");
        int[] argb = reader.canvas();
        int stride = frame.linesize(0);
        BytePointer data = frame.data(0);
        for (int y = 0; y < h; y++) {
            for (int x = 0, i = y * w; x < w; x++, i++) {
                int p = argb[i];
                row[4 * x] = (byte) (p >>> 16);
                row[4 * x + 1] = (byte) (p >>> 8);
                row[4 * x + 2] = (byte) p;
                row[4 * x + 3] = (byte) (p >>> 24);
            }
            data.position((long) y * stride).put(row, 0, row.length);
        }
        data.position(0);
        frame.pts(pts);
        frame.duration(reader.durationMs());
        pts += reader.durationMs();
        return true;
    }
}
