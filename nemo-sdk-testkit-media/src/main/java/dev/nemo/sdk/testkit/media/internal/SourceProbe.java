package dev.nemo.sdk.testkit.media.internal;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A decode-only pass over a source: the first frame's geometry and format, the frame count and
 * duration, and what a {@link FrameScheduler} keeps of it. Runs every guard of the limits before
 * any encoding starts, so a bomb fails fast and cheaply.
 */
public final class SourceProbe {

    /**
     * What the pass found.
     *
     * @param kind the input type
     * @param container the demuxer name
     * @param codec the codec name
     * @param width first frame width
     * @param height first frame height
     * @param pixFmt first frame pixel format name
     * @param sampleAspect pixel aspect ratio
     * @param alpha whether frames can carry transparency
     * @param hasAudio whether the container has audio
     * @param frames frames decoded
     * @param durationMicros source duration: the end of the last frame, or the container's declared
     *     duration when longer (an MP4 with B-frames)
     * @param keptFrames frames the scheduler emits
     * @param keptMicros output duration after trim and frame rate cap
     */
    public record Info(
            InputKind kind,
            String container,
            String codec,
            int width,
            int height,
            String pixFmt,
            double sampleAspect,
            boolean alpha,
            boolean hasAudio,
            int frames,
            long durationMicros,
            long keptFrames,
            long keptMicros) {

        /**
         * The output duration in seconds.
         *
         * @return seconds
         */
        public double keptSeconds() {
            return keptMicros / 1e6;
        }

        /**
         * The average output frame rate.
         *
         * @return frames per second
         */
        public double keptFps() {
            return keptMicros > 0 ? keptFrames * 1e6 / keptMicros : 0;
        }
    }

    private SourceProbe() {}

    /**
     * Decodes the whole source.
     *
     * @param path the source
     * @param ctx the limits and budget
     * @param still how long a still is shown
     * @param schedulerFor the scheduler of the render (or one keeping everything)
     * @return what was found
     */
    public static Info run(
            Path path, RenderContext ctx, Duration still, Function<SourceReader, FrameScheduler> schedulerFor) {
        AVFrame frame = av_frame_alloc();
        try (SourceReader src = SourceReader.open(path, ctx, still)) {
            FrameScheduler scheduler = schedulerFor.apply(src);
            int width = 0;
            int height = 0;
            int format = -1;
            boolean scheduling = true;
            while (src.next(frame)) {
                if (format < 0) {
                    width = frame.width();
                    height = frame.height();
                    format = frame.format();
                }
                if (scheduling && scheduler.offer(frame.pts(), frame.duration()) == FrameScheduler.Action.STOP) {
                    scheduling = false;
                }
            }
            if (scheduling) {
                scheduler.extendTo(src.declaredDuration());
            }
            scheduler.finish();
            return new Info(
                    src.kind(),
                    src.containerName(),
                    src.codecName(),
                    width,
                    height,
                    av_get_pix_fmt_name(format).getString(),
                    src.sampleAspect(),
                    SourceReader.hasAlpha(format),
                    src.hasAudio(),
                    src.frames(),
                    src.micros(Math.max(src.end(), src.declaredDuration())),
                    scheduler.emittedFrames(),
                    src.micros(scheduler.outputDuration()));
        } finally {
            av_frame_free(frame);
        }
    }
}
