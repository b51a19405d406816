package dev.nemo.sdk.testkit.media.internal;

import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;

import dev.nemo.sdk.testkit.media.MediaException;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Measures the structural similarity of an output to its source with FFmpeg's {@code ssim}
 * filter, the way {@code ffmpeg -lavfi ssim} would, with the timing done right for variable frame
 * rate: each output frame is compared with the source frame shown at the same instant.
 *
 * <p>The reference is the source prepared as the request asks (flattened on the background,
 * titled) at the size the request's box gives it; an output from a lower rung of the resolution
 * ladder is scaled up to that size first, so the resolution it gave up counts against it. Both
 * sides are converted to yuv420p (BT.709). The result is the mean of the per-frame "All" values,
 * as FFmpeg's own summary reports it.
 */
final class SsimMeter {

    /** Output timestamps may be rounded to centiseconds (GIF): half of one is still "the same instant". */
    private static final long TOLERANCE_MICROS = 5_000;

    private final RenderJob job;
    private final Size size;
    private final SourceReader dist;
    private final AVFrame distDecoded = av_frame_alloc();
    private final AVFrame pending = av_frame_alloc();
    private final AVFrame out = av_frame_alloc();
    private FilterGraph distGraph;
    private FilterGraph ssimGraph;
    private boolean hasPending;
    private long pendingMicros;
    private boolean distEnded;
    private long pushed;
    private long pairs;
    private double sum;

    private SsimMeter(RenderJob job, SourceReader dist, Size size) {
        this.job = job;
        this.dist = dist;
        this.size = size;
    }

    /**
     * Measures an output against the job's source.
     *
     * @param job the render (its request and context)
     * @param output the rendered file
     * @param size the reference size
     * @return the mean SSIM, or empty if no frame pair could be compared
     */
    static OptionalDouble measure(RenderJob job, Path output, Size size) {
        var req = job.request();
        try (SourceReader dist = SourceReader.open(output, job.context(), req.stillDuration());
                SourceReader src = SourceReader.open(req.source(), job.context(), req.stillDuration())) {
            SsimMeter meter = new SsimMeter(job, dist, size);
            try {
                FramePump.run(
                        src,
                        job.scheduler(src),
                        in -> FilterGraph.create(FilterSpecs.yuv(job.prepare(in, size))),
                        g -> job.feedTitle(g, size, src),
                        (ref, pts, duration) -> meter.compareUntil(ref, src.micros(pts + duration)));
                meter.finish();
            } finally {
                meter.close();
            }
            return meter.pairs == 0 ? OptionalDouble.empty() : OptionalDouble.of(meter.sum / meter.pairs);
        }
    }

    /** Compares every output frame shown before {@code refEndMicros} with the reference frame. */
    private void compareUntil(AVFrame ref, long refEndMicros) {
        while (true) {
            if (!hasPending && !nextDistorted()) {
                return;
            }
            if (pendingMicros + TOLERANCE_MICROS >= refEndMicros) {
                return;
            }
            compare(pending, ref);
            av_frame_unref(pending);
            hasPending = false;
        }
    }

    private boolean nextDistorted() {
        if (distEnded || !dist.next(distDecoded)) {
            distEnded = true;
            return false;
        }
        pendingMicros = dist.micros(distDecoded.pts());
        if (distGraph == null) {
            distGraph = FilterGraph.create(FilterSpecs.distorted(
                    new FilterSpecs.Input(
                            distDecoded.width(),
                            distDecoded.height(),
                            av_get_pix_fmt_name(distDecoded.format()).getString(),
                            dist.timeBaseNum(),
                            dist.timeBaseDen()),
                    size,
                    SourceReader.hasAlpha(distDecoded.format()) ? job.request().background() : null));
        }
        distGraph.push(FilterSpecs.SRC, distDecoded);
        if (!distGraph.pull(FilterSpecs.OUT, pending)) {
            throw new MediaException("the scale filter held back a frame");
        }
        hasPending = true;
        return true;
    }

    private void compare(AVFrame distorted, AVFrame ref) {
        job.context().check();
        if (ssimGraph == null) {
            ssimGraph = FilterGraph.create(
                    FilterSpecs.ssim(new FilterSpecs.Input(size.width(), size.height(), "yuv420p", 1, 1000)));
        }
        distorted.pts(pushed);
        ref.pts(pushed);
        pushed++;
        ssimGraph.pushCopy(FilterSpecs.DIST, distorted);
        ssimGraph.pushCopy(FilterSpecs.REF, ref);
        drain();
    }

    private void finish() {
        if (ssimGraph != null) {
            ssimGraph.end(FilterSpecs.DIST);
            ssimGraph.end(FilterSpecs.REF);
            drain();
        }
    }

    private void drain() {
        while (ssimGraph.pull(FilterSpecs.OUT, out)) {
            try {
                AVDictionaryEntry e = av_dict_get(out.metadata(), "lavfi.ssim.All", null, 0);
                if (e != null && !e.isNull()) {
                    double v = parse(e.value().getString());
                    if (Double.isFinite(v)) {
                        sum += v;
                        pairs++;
                    }
                }
            } finally {
                av_frame_unref(out);
            }
        }
    }

    /** FFmpeg prints "-nan" (not Java's "NaN") for a frame too small for the SSIM window. */
    private static double parse(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private void close() {
        if (distGraph != null) {
            distGraph.close();
        }
        if (ssimGraph != null) {
            ssimGraph.close();
        }
        av_frame_free(distDecoded);
        av_frame_free(pending);
        av_frame_free(out);
    }
}
