package dev.nemo.sdk.testkit.media;

import dev.nemo.sdk.testkit.RenderInput;
import dev.nemo.sdk.testkit.RenderOutput;
import dev.nemo.sdk.testkit.Renderer;
import dev.nemo.sdk.testkit.SourceMedia;
import dev.nemo.sdk.testkit.UnrenderableMediaException;
import dev.nemo.sdk.testkit.media.internal.BackgroundMusic;
import dev.nemo.sdk.testkit.media.internal.DraftSettings;
import dev.nemo.sdk.testkit.media.internal.RenderContext;
import dev.nemo.sdk.testkit.media.internal.SegmentJoiner;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * The testkit emulator's {@link Renderer} backed by the {@link MediaEngine}: exports become real,
 * compressed MP4 or GIF files. Found by {@link java.util.ServiceLoader} when this module is on the
 * class or module path; when FFmpeg's natives cannot load, {@link #isAvailable()} is false and
 * the emulator keeps its passthrough renderer.
 *
 * <p>The export's draft drives the render (see {@code DraftSettings}): the video track's
 * segments (several are joined in timeline order, each with its own trim and frame timing; a
 * single one gives the trim), the first title segment, the background music (the first audio-track segment
 * whose {@code src} names an uploaded audio or video file: mixed into an MP4 as AAC at the
 * segment's start, length and volume), and the format, resolution, size target, frame rate,
 * quality and background colour settings. The render status then carries {@code details}:
 * {@code inputBytes}, {@code outputBytes}, {@code compressionRatio}, {@code ssim}, {@code width},
 * {@code height}, {@code durationMs}, {@code frames}, {@code attempts}, {@code finalCrf},
 * {@code targetBytes}, {@code targetMet}, {@code alreadyOptimal} (when the source was returned because
 * nothing beat it), {@code renderMs}, {@code notes}, {@code audio} (with
 * music), {@code segments} (when several were joined), {@code engine}.
 *
 * <p>Every upload the emulator accepts is accepted here too (animated WebP included: the engine
 * reads its frames with its own RIFF reader). An input the engine refuses at render time
 * fails the render: a type or content it cannot decode with an {@link UnrenderableMediaException}
 * (the render status carries code 4001), a decompression bomb or other failure with an
 * {@link IOException} whose message says why.
 *
 * <p><b>GPL:</b> this renderer loads FFmpeg built with libx264.
 */
public final class FfmpegRenderer implements Renderer {

    /** The name reported in render responses. */
    public static final String NAME = "ffmpeg";

    /** One engine per JVM for discovered renderers: renders of every emulator share its bounded pool. */
    private static final class Shared {
        static final MediaEngine ENGINE = MediaEngine.create();
    }

    private final MediaEngine engine;

    /** The renderer {@link java.util.ServiceLoader} creates: it uses a shared default engine, made on first render. */
    public FfmpegRenderer() {
        this.engine = null;
    }

    /**
     * A renderer on an engine of your own (limits, preset, concurrency), for
     * {@code EmulatorOptions.builder().renderer(...)}.
     *
     * @param engine the engine; the caller closes it
     */
    public FfmpegRenderer(MediaEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isAvailable() {
        return MediaEngine.availability().available();
    }

    @Override
    public RenderOutput render(RenderInput export) throws IOException {
        MediaEngine.Availability availability = MediaEngine.availability();
        if (engine == null && !availability.available()) {
            throw new IOException("the FFmpeg media engine is unavailable here: " + availability.description());
        }
        SourceMedia source =
                export.primarySource().orElseThrow(() -> new IOException("the draft has no uploaded media to render"));
        Path dir = Files.createTempDirectory("nemo-ffmpeg-render-");
        try {
            Path in = dir.resolve("source" + extension(source));
            Files.write(in, source.bytes());
            DraftSettings settings;
            try {
                settings = DraftSettings.of(export, source, in, dir.resolve("output.mp4"));
            } catch (IllegalArgumentException e) {
                throw new IOException("the export's settings cannot be rendered: " + e.getMessage(), e);
            }
            RenderRequest request = settings.request();
            Path out = dir.resolve("output." + request.format().extension());
            request = request.toBuilder().output(out).build();
            if (settings.videoSegments().size() > 1) {
                request = request.toBuilder()
                        .source(join(settings.videoSegments(), request, dir))
                        .build();
            }
            RenderReport report = await((engine != null ? engine : Shared.ENGINE).renderAsync(request));
            List<String> notes = new ArrayList<>(settings.notes());
            notes.addAll(report.notes());
            Path result = report.output();
            if (request.format() == OutputFormat.MP4 && settings.music().isPresent()) {
                result = withMusic(settings.music().get(), report, dir, notes);
            }
            byte[] bytes = Files.readAllBytes(result);
            Map<String, Object> details = details(report, notes);
            long inputBytes = report.inputBytes();
            if (settings.videoSegments().size() > 1) {
                inputBytes = settings.videoSegments().stream()
                        .mapToLong(v -> v.source().size())
                        .sum();
                details.put("inputBytes", inputBytes);
                details.put("segments", settings.videoSegments().size());
            }
            if (result != report.output()) {
                details.put("outputBytes", (long) bytes.length);
                details.put("audio", "aac");
            }
            double ratio = (double) inputBytes / Math.max(1, bytes.length);
            details.put("compressionRatio", Math.round(ratio * 100) / 100.0);
            String summary = report.summary();
            int rest = summary.indexOf("smaller)");
            details.put(
                    "summary",
                    RenderReport.humanBytes(inputBytes) + " -> " + RenderReport.humanBytes(bytes.length)
                            + String.format(Locale.ROOT, " (%.1fx smaller", ratio)
                            + (result != report.output() ? ", with music)" : ")")
                            + (rest >= 0 ? summary.substring(rest + "smaller)".length()) : ""));
            return RenderOutput.of(
                            bytes, request.format().mimeType(), request.format().extension())
                    .withDetails(details);
        } finally {
            delete(dir);
        }
    }

    /**
     * Joins the video track's segments into one lossless source, in timeline order, so that the
     * engine renders the whole track.
     */
    private Path join(List<DraftSettings.VideoSegment> segments, RenderRequest request, Path dir) throws IOException {
        List<SegmentJoiner.Segment> pieces = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            DraftSettings.VideoSegment s = segments.get(i);
            Path file = dir.resolve("segment-" + i + extension(s.source()));
            Files.write(file, s.source().bytes());
            pieces.add(new SegmentJoiner.Segment(file, s.in(), s.length()));
        }
        Path joined = dir.resolve("joined.mp4");
        MediaLimits limits = (engine != null ? engine : Shared.ENGINE).limits();
        try {
            SegmentJoiner.join(pieces, request.background(), new RenderContext(limits), joined);
        } catch (MediaRejectedException e) {
            throw new UnrenderableMediaException(e.getMessage(), e);
        } catch (MediaLimitExceededException e) {
            throw new IOException("media limit exceeded: " + e.getMessage(), e);
        } catch (MediaException e) {
            throw new IOException("the video segments cannot be joined: " + e.getMessage(), e);
        }
        return joined;
    }

    /**
     * Mixes the draft's background music into the rendered MP4. Music that cannot be decoded leaves
     * the video as it is, with a note: the picture is what the export is for.
     */
    private static Path withMusic(DraftSettings.Music music, RenderReport report, Path dir, List<String> notes)
            throws IOException {
        Path audio = dir.resolve("music" + extension(music.source()));
        Files.write(audio, music.source().bytes());
        Path out = dir.resolve("output-music.mp4");
        BackgroundMusic.Track track = new BackgroundMusic.Track(
                audio,
                BackgroundMusic.demuxerFor(music.source().mimeType()),
                music.in(),
                music.start(),
                music.length(),
                music.volume());
        try {
            BackgroundMusic.mix(report.output(), report.duration(), track, out);
            return out;
        } catch (MediaException e) {
            notes.add("background music '" + music.source().filename() + "' is not mixed in: " + e.getMessage());
            return report.output();
        }
    }

    private static Map<String, Object> details(RenderReport r, List<String> notes) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("inputBytes", r.inputBytes());
        d.put("outputBytes", r.outputBytes());
        d.put("compressionRatio", Math.round(r.compressionRatio() * 100) / 100.0);
        r.ssim().ifPresent(s -> d.put("ssim", Math.round(s * 10_000) / 10_000.0));
        d.put("width", r.width());
        d.put("height", r.height());
        d.put("durationMs", r.duration().toMillis());
        d.put("frames", r.frames());
        d.put("attempts", r.attempts().size());
        r.finalCrf().ifPresent(c -> d.put("finalCrf", c));
        r.targetSizeBytes().ifPresent(t -> d.put("targetBytes", t));
        d.put("targetMet", r.targetMet());
        if (r.alreadyOptimal()) {
            d.put("alreadyOptimal", true);
        }
        d.put("renderMs", r.renderTime().toMillis());
        d.put("summary", r.summary());
        if (!notes.isEmpty()) {
            d.put("notes", List.copyOf(notes));
        }
        d.put("engine", MediaEngine.availability().description());
        return d;
    }

    private static RenderReport await(CompletableFuture<RenderReport> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("render interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MediaRejectedException m) {
                throw new UnrenderableMediaException(m.getMessage(), m);
            }
            if (cause instanceof MediaLimitExceededException m) {
                throw new IOException("media limit exceeded: " + m.getMessage(), m);
            }
            if (cause instanceof CancellationException c) {
                throw new InterruptedIOException("render cancelled");
            }
            throw new IOException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        }
    }

    private static String extension(SourceMedia source) {
        String name = source.filename().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot >= 0 ? name.substring(dot) : "";
        return ext.matches("\\.[a-z0-9]{1,8}") ? ext : ".bin";
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temp file left behind is harmless
                }
            });
        } catch (IOException e) {
            // nothing to clean
        }
    }
}
