package dev.nemo.sdk.testkit.media.internal;

import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGBA;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale;

import dev.nemo.sdk.testkit.media.MediaException;
import dev.nemo.sdk.testkit.media.MediaLimitExceededException;
import dev.nemo.sdk.testkit.media.OutputFormat;
import dev.nemo.sdk.testkit.media.RenderAttempt;
import dev.nemo.sdk.testkit.media.RenderReport;
import dev.nemo.sdk.testkit.media.RenderRequest;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One render, start to finish, on the calling thread: probe the source (every guard runs here),
 * encode once or search for a size target, keep the best attempt, move it into place, measure
 * SSIM, report. Attempt files live in a private temporary directory next to the output, removed
 * whatever happens.
 */
public final class RenderJob {

    /**
     * Engine-wide encoder settings.
     *
     * @param encoderThreads libx264 threads
     * @param x264Preset the x264 preset
     */
    public record Settings(int encoderThreads, String x264Preset) {}

    private static final Logger LOG = LoggerFactory.getLogger(RenderJob.class);
    /** GIF delays under 2 cs are shown as 10 cs by browsers, so a GIF output never goes below 2 cs. */
    private static final long GIF_MIN_INTERVAL_MS = 20;

    private static final int MAX_MP4_ATTEMPTS = 8;
    private static final int MAX_GIF_ATTEMPTS = 8;

    private final RenderRequest req;
    private final RenderContext ctx;
    private final Settings settings;
    private final List<String> notes = new ArrayList<>();
    private final List<RenderAttempt> attempts = new ArrayList<>();
    private final Map<Size, TitleImage.Banner> banners = new HashMap<>();
    private Path workDir;
    private int fileCounter;
    private final Map<Path, Double> measuredSsim = new HashMap<>();
    /** A GIF size target reached only below a watchable quality: it does not count as met. */
    private boolean lowQualityTarget;

    /**
     * Prepares a render.
     *
     * @param req what to render
     * @param ctx its limits, budget and cancellation
     * @param settings the encoder settings
     */
    public RenderJob(RenderRequest req, RenderContext ctx, Settings settings) {
        this.req = req;
        this.ctx = ctx;
        this.settings = settings;
    }

    /** An encode that was kept or is a candidate. */
    private record Encoded(
            Path file, long bytes, Size size, long frames, long durationTicks, int tbNum, int tbDen, OptionalInt crf) {}

    /**
     * Runs the render.
     *
     * @return the report
     */
    public RenderReport run() {
        FfmpegRuntime.require();
        try (RenderContext.Scope scope = ctx.enter()) {
            long inputBytes = Files.size(req.source());
            Path dir = req.output().toAbsolutePath().getParent();
            Files.createDirectories(dir);
            workDir = Files.createTempDirectory(dir, ".nemo-render-");
            SourceProbe.Info info = SourceProbe.run(req.source(), ctx, req.stillDuration(), this::scheduler);
            if (info.hasAudio()) {
                notes.add("the source's audio track is not carried over (the output is video only)");
            }
            List<Size> ladder = FitGeometry.ladder(
                    info.width(), info.height(), info.sampleAspect(), req.maxWidth(), req.maxHeight());
            if (req.format() == OutputFormat.GIF) {
                ladder = FitGeometry.exactWhenItFits(
                        ladder, info.width(), info.height(), info.sampleAspect(), req.maxWidth(), req.maxHeight());
            }
            Encoded kept = req.format() == OutputFormat.MP4 ? mp4(info, ladder) : gif(info, ladder);
            boolean alreadyOptimal = kept.bytes() >= inputBytes && mayReturnSource(info, ladder.get(0));
            if (alreadyOptimal) {
                kept = source(info, inputBytes);
                lowQualityTarget = false;
                notes.add("already optimal: no setting made a file smaller than the input ("
                        + RenderReport.humanBytes(inputBytes) + "), so the input is returned unchanged");
            }
            noteNoUpscale(info, kept.size());
            OptionalDouble ssim = OptionalDouble.empty();
            if (measuredSsim.containsKey(kept.file())) {
                ssim = OptionalDouble.of(measuredSsim.get(kept.file()));
            } else if (req.measureSsim()) {
                ssim = measureSsim(kept.file(), ladder.get(0));
            }
            move(kept.file(), req.output());
            long outBytes = Files.size(req.output());
            long target = req.targetSizeBytes().orElse(Long.MAX_VALUE);
            RenderReport report = new RenderReport(
                    req.source(),
                    req.output(),
                    req.format(),
                    inputBytes,
                    outBytes,
                    kept.size().width(),
                    kept.size().height(),
                    (int) kept.frames(),
                    Duration.ofNanos(av_rescale(kept.durationTicks(), 1_000_000_000L * kept.tbNum(), kept.tbDen())),
                    attempts,
                    kept.crf(),
                    req.targetSizeBytes(),
                    outBytes <= target && !lowQualityTarget,
                    ssim,
                    ctx.elapsed(),
                    notes,
                    alreadyOptimal);
            LOG.debug("rendered {}: {}", req.source().getFileName(), report.summary());
            return report;
        } catch (IOException e) {
            throw new MediaException("render of " + req.source() + " to " + req.output() + " failed: " + e, e);
        } finally {
            deleteWorkDir();
        }
    }

    /**
     * Whether the source itself is an acceptable answer to this request: a GIF asked to become a
     * GIF with no edit (no title, trim or frame rate cap) and no resize asked for (it fits the box
     * as it is, or only the default box would shrink it).
     */
    private boolean mayReturnSource(SourceProbe.Info info, Size fitted) {
        return req.format() == OutputFormat.GIF
                && info.kind() == InputKind.GIF
                && req.title().isEmpty()
                && req.trimStart().isZero()
                && req.trimDuration().isEmpty()
                && req.maxFps().isEmpty()
                && (!req.maxSizeRequested() || fitted.width() == info.width() && fitted.height() == info.height());
    }

    /** The source, copied into the work directory, as the kept encode. */
    private Encoded source(SourceProbe.Info info, long inputBytes) throws IOException {
        Path copy = nextFile("gif");
        Files.copy(req.source(), copy, StandardCopyOption.REPLACE_EXISTING);
        return new Encoded(
                copy,
                inputBytes,
                new Size(info.width(), info.height()),
                info.frames(),
                info.durationMicros(),
                1,
                1_000_000,
                OptionalInt.empty());
    }

    /** Says so when an asked-for size was larger than the source: the engine never upscales. */
    private void noteNoUpscale(SourceProbe.Info info, Size kept) {
        if (!req.maxSizeRequested() || info.width() > req.maxWidth() || info.height() > req.maxHeight()) {
            return;
        }
        String note = "not upscaled: the source (" + info.width() + "x" + info.height() + ") fits the " + req.maxWidth()
                + "x" + req.maxHeight() + " asked for";
        if (kept.width() != info.width() || kept.height() != info.height()) {
            note += "; the output is " + kept + (req.format() == OutputFormat.MP4 ? " (H.264 needs even sides)" : "");
        }
        notes.add(note);
    }

    /** SSIM is a report, not the product: a failure to measure it is a note, unless a guard fired. */
    private OptionalDouble measureSsim(Path output, Size reference) {
        try {
            return SsimMeter.measure(this, output, reference);
        } catch (MediaLimitExceededException e) {
            throw e;
        } catch (MediaException e) {
            LOG.debug("SSIM of {} not measured", output, e);
            notes.add("SSIM not measured: " + e.getMessage());
            return OptionalDouble.empty();
        }
    }

    // ---------------------------------------------------------------- MP4

    private Encoded mp4(SourceProbe.Info info, List<Size> ladder) {
        OptionalLong target = req.targetSizeBytes();
        if (target.isEmpty()) {
            Encoded e = encodeMp4(ladder.get(0), req.crf(), 0, info);
            attempts.add(attempt(RenderAttempt.Mode.CRF, e, OptionalInt.of(req.crf()), OptionalLong.empty(), true));
            return e;
        }
        CrfSearch search = new CrfSearch(target.getAsLong(), req.crf(), ladder, info.keptSeconds(), MAX_MP4_ATTEMPTS);
        Map<CrfSearch.Step, Encoded> files = new HashMap<>();
        for (var step = search.next(); step.isPresent(); step = search.next()) {
            ctx.check();
            CrfSearch.Step s = step.get();
            Size size = ladder.get(s.rung());
            Encoded e;
            if (s instanceof CrfSearch.CrfStep c) {
                e = encodeMp4(size, c.crf(), 0, info);
                attempts.add(attempt(
                        RenderAttempt.Mode.CRF,
                        e,
                        OptionalInt.of(c.crf()),
                        OptionalLong.empty(),
                        e.bytes() <= target.getAsLong()));
            } else {
                long bitrate = ((CrfSearch.TwoPassStep) s).bitsPerSecond();
                encodeMp4(size, -1, bitrate, info); // pass 1: statistics only
                e = encodeMp4(size, -2, bitrate, info);
                attempts.add(attempt(
                        RenderAttempt.Mode.TWO_PASS,
                        e,
                        OptionalInt.empty(),
                        OptionalLong.of(bitrate),
                        e.bytes() <= target.getAsLong()));
            }
            files.put(s, e);
            search.record(s, e.bytes());
        }
        CrfSearch.Step best = search.best().orElseThrow().step();
        return files.get(best);
    }

    /**
     * One H.264 encode.
     *
     * @param crf the CRF, or -1 for pass 1 of a two-pass encode (no file), -2 for pass 2
     */
    private Encoded encodeMp4(Size size, int crf, long bitrate, SourceProbe.Info info) {
        boolean pass1 = crf == -1;
        Path out = pass1 ? null : nextFile("mp4");
        Path stats = workDir.resolve("x264-2pass.log");
        VideoEncoder.H264 h264 = new VideoEncoder.H264(
                crf >= 0 ? crf : -1,
                bitrate,
                crf >= 0 ? 0 : pass1 ? 1 : 2,
                stats,
                settings.x264Preset(),
                settings.encoderThreads(),
                info.keptFps());
        try (SourceReader src = SourceReader.open(req.source(), ctx, req.stillDuration());
                Muxer mux = out == null ? null : Muxer.create(out, "mp4")) {
            FrameScheduler scheduler = scheduler(src);
            try (VideoEncoder enc = VideoEncoder.h264(
                    size, src.timeBaseNum(), src.timeBaseDen(), h264, mux != null && mux.wantsGlobalHeader())) {
                if (mux != null) {
                    mux.start(enc.context(), Map.of("movflags", "+faststart"));
                    mux.holdUntilFinish();
                }
                Consumer<AVPacket> packets = mux != null ? mux::write : p -> {};
                FramePump.Result r = FramePump.run(
                        src,
                        scheduler,
                        in -> FilterGraph.create(FilterSpecs.yuv(prepare(in, size))),
                        g -> feedTitle(g, size, src),
                        (frame, pts, dur) -> {
                            frame.pts(pts);
                            frame.duration(dur);
                            frame.pict_type(AV_PICTURE_TYPE_NONE);
                            enc.encode(frame, packets);
                        });
                enc.flush(packets);
                if (mux != null) {
                    mux.finish();
                }
                return new Encoded(
                        out,
                        out == null ? 0 : size(out),
                        size,
                        r.frames(),
                        r.duration(),
                        src.timeBaseNum(),
                        src.timeBaseDen(),
                        crf >= 0 ? OptionalInt.of(crf) : OptionalInt.empty());
            }
        }
    }

    // ---------------------------------------------------------------- GIF

    /**
     * The GIF search. Without a target: one encode. With one: the plans in order until one is under
     * the target; then the same quality one rung down the resolution ladder, and SSIM against the
     * source decides which of the two is kept (dropping pixels or colours, whichever costs less
     * quality). A target met only below {@link GifSearch#QUALITY_FLOOR} does not count as met.
     */
    private Encoded gif(SourceProbe.Info info, List<Size> ladder) {
        GifOutput out = new GifOutput(this, info);
        OptionalLong target = req.targetSizeBytes();
        List<GifOutput.Plan> plans =
                GifSearch.plans(target.isPresent(), ladder.size(), req.maxFps().orElse(0));
        if (target.isEmpty()) {
            return gifEncode(out, plans.get(0), ladder, target);
        }
        long limit = target.getAsLong();
        Encoded smallest = null;
        for (int i = 0; i < plans.size() && attempts.size() < MAX_GIF_ATTEMPTS; i++) {
            Encoded e = gifEncode(out, plans.get(i), ladder, target);
            smallest = smallest == null || e.bytes() < smallest.bytes() ? e : smallest;
            if (e.bytes() <= limit) {
                Encoded kept = e;
                double q = gifSsim(e, ladder);
                Optional<GifOutput.Plan> alt = GifSearch.alternative(plans, i, ladder.size());
                if (alt.isPresent() && attempts.size() < MAX_GIF_ATTEMPTS) {
                    Encoded a = gifEncode(out, alt.get(), ladder, target);
                    double qa = a.bytes() <= limit ? gifSsim(a, ladder) : -1;
                    if (qa > q) {
                        kept = a;
                        q = qa;
                    }
                }
                if (q >= 0 && q < GifSearch.QUALITY_FLOOR) {
                    lowQualityTarget = true;
                    notes.add(String.format(
                            Locale.ROOT,
                            "the size target is reached only at SSIM %.3f, below the "
                                    + "%.2f a watchable GIF needs, so it does not count as met",
                            q,
                            GifSearch.QUALITY_FLOOR));
                }
                return kept;
            }
            i = GifSearch.skip(plans, i, e.bytes(), limit);
        }
        return smallest;
    }

    private Encoded gifEncode(GifOutput out, GifOutput.Plan plan, List<Size> ladder, OptionalLong target) {
        ctx.check();
        GifOutput.Written w = out.encode(plan, ladder.get(plan.rung()), nextFile("gif"));
        Encoded e = new Encoded(w.file(), w.bytes(), w.size(), w.images(), w.durationCs(), 1, 100, OptionalInt.empty());
        attempts.add(gifAttempt(plan, e, target));
        return e;
    }

    /** The SSIM of an attempt against the source at the ladder's top size (cached for the report), -1 if unmeasurable. */
    private double gifSsim(Encoded e, List<Size> ladder) {
        OptionalDouble q = measureSsim(e.file(), ladder.get(0));
        q.ifPresent(v -> measuredSsim.put(e.file(), v));
        return q.orElse(-1);
    }

    // ---------------------------------------------------------------- shared pieces

    /** The scheduler of this request for a source: trim window and frame rate cap. */
    FrameScheduler scheduler(SourceReader src) {
        if (req.format() == OutputFormat.GIF) {
            return gifScheduler(src, req.maxFps().orElse(0));
        }
        return scheduler(src, req.maxFps().orElse(0), 0);
    }

    FrameScheduler gifScheduler(SourceReader src, double maxFps) {
        return scheduler(src, maxFps, GIF_MIN_INTERVAL_MS);
    }

    private FrameScheduler scheduler(SourceReader src, double maxFps, long minIntervalMs) {
        long start = src.ticks(req.trimStart().toMillis());
        long end = req.trimDuration()
                .map(d -> start + Math.max(1, src.ticks(d.toMillis())))
                .orElse(Long.MAX_VALUE);
        long interval = minIntervalMs > 0 ? ceilTicks(src, minIntervalMs * 1000) : 0;
        if (maxFps > 0) {
            interval = Math.max(interval, ceilTicks(src, (long) Math.ceil(1_000_000 / maxFps)));
        }
        return new FrameScheduler(start, end, interval);
    }

    private static long ceilTicks(SourceReader src, long micros) {
        long t = av_rescale(micros, src.timeBaseDen(), 1_000_000L * src.timeBaseNum());
        return src.micros(t) < micros ? t + 1 : t;
    }

    /** The preparation of a source frame format for this request at a size. */
    FilterSpecs.Prepare prepare(FilterSpecs.Input in, Size size) {
        return prepare(in, size, SourceReader.hasAlpha(av_get_pix_fmt(in.pixFmt())));
    }

    /** The preparation, flattening transparency on the background or not. */
    FilterSpecs.Prepare prepare(FilterSpecs.Input in, Size size, boolean flatten) {
        TitleImage.Banner banner = banner(size);
        FilterSpecs.Input title = banner.rgba() == null
                ? null
                : new FilterSpecs.Input(banner.width(), banner.height(), "rgba", in.tbNum(), in.tbDen());
        double from = req.titleStart().toMillis() / 1000.0;
        double until =
                req.titleDuration().map(d -> from + d.toMillis() / 1000.0).orElse(Double.POSITIVE_INFINITY);
        return new FilterSpecs.Prepare(in, flatten, req.background(), size, title, from, until);
    }

    private TitleImage.Banner banner(Size size) {
        if (req.title().isEmpty()) {
            return new TitleImage.Banner(null, 0, 0, null);
        }
        return banners.computeIfAbsent(size, s -> {
            TitleImage.Banner b = TitleImage.render(req.title().get(), s);
            if (b.skipReason() != null && !notes.contains(b.skipReason())) {
                notes.add(b.skipReason());
            }
            return b;
        });
    }

    /** Feeds the title banner, once, to a graph that has a title input. */
    void feedTitle(FilterGraph g, Size size, SourceReader src) {
        TitleImage.Banner b = banner(size);
        if (b.rgba() == null) {
            return;
        }
        AVFrame f = av_frame_alloc();
        try {
            f.format(AV_PIX_FMT_RGBA);
            f.width(b.width());
            f.height(b.height());
            FfmpegRuntime.check(av_frame_get_buffer(f, 0), "allocating the title frame");
            int stride = f.linesize(0);
            BytePointer data = f.data(0);
            for (int y = 0; y < b.height(); y++) {
                data.position((long) y * stride).put(b.rgba(), y * b.width() * 4, b.width() * 4);
            }
            f.pts(0);
            g.push(FilterSpecs.TITLE, f);
            g.end(FilterSpecs.TITLE);
        } finally {
            av_frame_free(f);
        }
    }

    RenderRequest request() {
        return req;
    }

    RenderContext context() {
        return ctx;
    }

    private RenderAttempt attempt(
            RenderAttempt.Mode mode, Encoded e, OptionalInt crf, OptionalLong bitrate, boolean within) {
        return new RenderAttempt(
                mode,
                e.size().width(),
                e.size().height(),
                crf,
                bitrate,
                req.maxFps(),
                OptionalInt.empty(),
                OptionalInt.empty(),
                e.bytes(),
                within);
    }

    private RenderAttempt gifAttempt(GifOutput.Plan p, Encoded e, OptionalLong target) {
        return new RenderAttempt(
                RenderAttempt.Mode.GIF_PALETTE,
                e.size().width(),
                e.size().height(),
                OptionalInt.empty(),
                OptionalLong.empty(),
                p.maxFps() > 0 ? OptionalDouble.of(p.maxFps()) : OptionalDouble.empty(),
                OptionalInt.of(p.colors()),
                OptionalInt.of(p.lossy()),
                e.bytes(),
                target.isEmpty() || e.bytes() <= target.getAsLong());
    }

    private Path nextFile(String ext) {
        return workDir.resolve("attempt-" + (++fileCounter) + "." + ext);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new MediaException("cannot read the size of " + p + ": " + e, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void deleteWorkDir() {
        if (workDir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.debug("cannot clean {}: {}", workDir, e.toString());
        }
    }
}
