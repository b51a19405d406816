package dev.nemo.sdk.testkit.media.internal;

import static org.bytedeco.ffmpeg.global.avutil.av_rescale;

import dev.nemo.sdk.testkit.media.MediaException;
import dev.nemo.sdk.testkit.media.MediaLimitExceededException;
import dev.nemo.sdk.testkit.media.RenderRequest;
import dev.nemo.sdk.testkit.media.internal.gif.FrameSink;
import dev.nemo.sdk.testkit.media.internal.gif.GifFrames;
import dev.nemo.sdk.testkit.media.internal.gif.GifOptimizer;
import dev.nemo.sdk.testkit.media.internal.gif.GifWriter;
import dev.nemo.sdk.testkit.media.internal.gif.Histogram;
import dev.nemo.sdk.testkit.media.internal.gif.Palette;
import dev.nemo.sdk.testkit.media.internal.gif.PaletteBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GIF output with the engine's own optimiser ({@link GifOptimizer}): one pass gathers the colours
 * (cached per size and frame rate), a second encodes. A GIF source that needs no scaling, title,
 * trim or frame rate cap is read image by image with ImageIO (its sub-rectangles stay small);
 * anything else comes through FFmpeg as RGBA frames, transparency kept.
 */
final class GifOutput {

    /**
     * One encode's settings.
     *
     * @param rung the resolution ladder's rung
     * @param maxFps the frame rate cap, 0 for none
     * @param colors the palette size, 2..255 (plus the transparent index)
     * @param lossy the LZW error budget, 0..200
     */
    record Plan(int rung, double maxFps, int colors, int lossy) {}

    /**
     * A GIF written.
     *
     * @param file the file
     * @param bytes its size
     * @param size its canvas
     * @param images its images
     * @param durationCs the sum of its delays
     */
    record Written(Path file, long bytes, Size size, int images, long durationCs) {}

    private static final Logger LOG = LoggerFactory.getLogger(GifOutput.class);

    private final RenderJob job;
    private final SourceProbe.Info info;
    private final Map<String, Histogram> histograms = new HashMap<>();
    private boolean imageIoFailed;

    GifOutput(RenderJob job, SourceProbe.Info info) {
        this.job = job;
        this.info = info;
    }

    Written encode(Plan plan, Size size, Path out) {
        Histogram h = histograms.computeIfAbsent(size + "@" + plan.maxFps(), k -> histogram(size, plan.maxFps()));
        Palette palette = PaletteBuilder.build(h, plan.colors());
        GifOptimizer.Result r;
        try (GifWriter w = GifWriter.open(out, size.width(), size.height(), palette)) {
            GifOptimizer opt = new GifOptimizer(w, size.width(), size.height(), palette, plan.lossy());
            frames(size, plan.maxFps(), opt::frame);
            r = opt.finish();
        } catch (UncheckedIOException e) {
            throw new MediaException("writing " + out + " failed: " + e.getCause(), e);
        }
        try {
            return new Written(out, Files.size(out), size, r.images(), r.durationCs());
        } catch (IOException e) {
            throw new MediaException("cannot read the size of " + out + ": " + e, e);
        }
    }

    private Histogram histogram(Size size, double maxFps) {
        Histogram h = new Histogram();
        int[] count = {0};
        try {
            frames(size, maxFps, (argb, dirty, delay) -> {
                h.add(argb, size.width(), dirty);
                count[0]++;
            });
            if (javaReadable(size, maxFps) && !imageIoFailed && count[0] != info.frames()) {
                // a damaged file: FFmpeg's reading (its error cap, its skipped frames) is the one the probe checked
                throw new MediaException("ImageIO read " + count[0] + " images, FFmpeg " + info.frames());
            }
            return h;
        } catch (MediaException e) {
            if (imageIoFailed || !javaReadable(size, maxFps)) {
                throw e;
            }
            imageIoFailed = true;
            LOG.debug(
                    "ImageIO cannot read {}, FFmpeg decodes it instead",
                    job.request().source(),
                    e);
            return histogram(size, maxFps);
        }
    }

    private void frames(Size size, double maxFps, FrameSink sink) {
        if (javaReadable(size, maxFps) && !imageIoFailed) {
            RenderContext ctx = job.context();
            try {
                GifFrames.read(job.request().source(), ctx.limits().maxFrames(), ctx::check, sink);
                return;
            } catch (MediaLimitExceededException | CancellationException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new MediaException("ImageIO cannot read the GIF: " + e, e);
            }
        }
        ffmpegFrames(size, maxFps, sink);
    }

    private boolean javaReadable(Size size, double maxFps) {
        RenderRequest req = job.request();
        return info.kind() == InputKind.GIF
                && size.width() == info.width()
                && size.height() == info.height()
                && maxFps <= 0
                && req.title().isEmpty()
                && req.trimStart().isZero()
                && req.trimDuration().isEmpty();
    }

    private void ffmpegFrames(Size size, double maxFps, FrameSink sink) {
        RenderRequest req = job.request();
        try (SourceReader src = SourceReader.open(req.source(), job.context(), req.stillDuration())) {
            int num = src.timeBaseNum();
            int den = src.timeBaseDen();
            RgbaCanvas canvas = new RgbaCanvas(size);
            FramePump.run(
                    src,
                    job.gifScheduler(src, maxFps),
                    in -> FilterGraph.create(FilterSpecs.rgba(job.prepare(in, size, false))),
                    g -> job.feedTitle(g, size, src),
                    (frame, pts, dur) -> {
                        long cs = av_rescale(pts, 100L * num, den);
                        long csEnd = av_rescale(pts + dur, 100L * num, den);
                        sink.frame(canvas.argb(), canvas.load(frame), (int) Math.max(1, csEnd - cs));
                    });
        }
    }
}
