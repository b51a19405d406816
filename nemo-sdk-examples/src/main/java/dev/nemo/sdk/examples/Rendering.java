package dev.nemo.sdk.examples;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportFormat;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.export.ExportPoller;
import dev.nemo.sdk.export.ExportProgressListener;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.json.JsonArray;
import dev.nemo.sdk.json.JsonNumber;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonValue;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The export half of every example: submit the draft, follow the render with progress, download
 * the video, and tell the user what came out.
 *
 * <pre>{@code
 * Rendering.Rendered r = Rendering.exportAndDownload(client, sessionId, draft, ExportFormat.MP4,
 *         Rendering.polling(Duration.ofSeconds(30)), Path.of("out.mp4"), System.out);
 * Rendering.printSummary(inputBytes, r, System.out);
 * }</pre>
 */
public final class Rendering {
    private Rendering() {}

    /**
     * A finished export.
     *
     * @param job  the completed render, as the last poll described it
     * @param file the downloaded file
     */
    public record Rendered(ExportJob job, DownloadResult file) {
        /** Validates. */
        public Rendered {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * The skill's polling (at most 10 polls), at the given interval; the deadline grows with the
     * interval so that all 10 polls fit.
     *
     * @param interval time between polls
     * @return the strategy
     */
    public static PollingStrategy polling(Duration interval) {
        PollingStrategy defaults = PollingStrategy.defaults();
        Duration needed = interval.multipliedBy(defaults.maxPolls() + 1L);
        return PollingStrategy.builder()
                .interval(interval)
                .maxPolls(defaults.maxPolls())
                .timeout(needed.compareTo(defaults.timeout()) > 0 ? needed : defaults.timeout())
                .build();
    }

    /**
     * Renders a draft and downloads the result.
     *
     * @param client    the client
     * @param sessionId the session the draft belongs to
     * @param draft     the draft to render, as read from the session state (or narrowed from it)
     * @param format    MP4 or GIF
     * @param polling   how to wait
     * @param target    the file to write, or an existing directory (then named after the output URL)
     * @param out       where progress goes
     * @return the render and the file
     */
    public static Rendered exportAndDownload(
            NemoClient client,
            String sessionId,
            Draft draft,
            ExportFormat format,
            PollingStrategy polling,
            Path target,
            PrintStream out) {
        return exportAndDownload(client, sessionId, draft, format, polling, job -> target, out);
    }

    /**
     * Renders a draft and downloads the result to a path chosen once the render is done (when its
     * output URL tells the real file type).
     *
     * @param client    the client
     * @param sessionId the session the draft belongs to
     * @param draft     the draft to render
     * @param format    MP4 or GIF
     * @param polling   how to wait
     * @param target    picks the file to write (or an existing directory) for the completed render
     * @param out       where progress goes
     * @return the render and the file
     */
    public static Rendered exportAndDownload(
            NemoClient client,
            String sessionId,
            Draft draft,
            ExportFormat format,
            PollingStrategy polling,
            Function<ExportJob, Path> target,
            PrintStream out) {
        ExportJob done;
        try (ExportProgress progress = ExportProgress.on(out)) {
            ExportOptions options = ExportOptions.builder()
                    .format(format)
                    .polling(polling)
                    .onProgress(progress)
                    .build();
            ExportPoller poller = client.exports().submit(sessionId, draft, options);
            // a first look right away (a short render may be done already), then one poll per interval
            poller.poll();
            done = poller.waitForCompletion();
        }
        DownloadResult file = client.exports().download(done, target.apply(done));
        out.println("Downloaded " + file.path() + " (" + Sizes.human(file.bytes()) + ")");
        return new Rendered(done, file);
    }

    /**
     * Prints input and output size, their ratio, the renderer's note and, when the render service
     * reports it, the output's quality (SSIM against the source).
     *
     * @param inputBytes size of the uploaded input
     * @param rendered   the export
     * @param out        where to print
     */
    public static void printSummary(long inputBytes, Rendered rendered, PrintStream out) {
        out.println("Size: " + Sizes.comparison(inputBytes, rendered.file().bytes()));
        JsonValue raw = rendered.job().raw();
        text(raw, "renderer")
                .ifPresent(renderer -> out.println("Renderer: " + renderer
                        + text(raw, "note").map(note -> " (" + note + ")").orElse("")));
        ssim(raw)
                .ifPresent(
                        ssim -> out.println(String.format(Locale.ROOT, "Quality: SSIM %.4f against the input", ssim)));
    }

    /**
     * @param out where to print
     * @return a listener showing each poll of a render: phase, percent and elapsed time, for example
     *         {@code Export render_…: processing 50% after 12 s} (a progress bar on a terminal), refreshed
     *         every few seconds between polls until the render ends; close it if the render is abandoned
     */
    public static ExportProgressListener progressPrinter(PrintStream out) {
        return ExportProgress.on(out);
    }

    /**
     * @param output the file the user asked for
     * @return GIF for a {@code .gif} file, else MP4 (the API's default)
     */
    public static ExportFormat formatFor(Path output) {
        Path name = output.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".gif")
                ? ExportFormat.GIF
                : ExportFormat.MP4;
    }

    /**
     * @param job       a completed render
     * @param requested the format asked for
     * @return the extension of the file the render produced, from its output URL ({@code gif},
     *         {@code mp4}…), else the requested format's
     */
    public static String extensionOf(ExportJob job, ExportFormat requested) {
        String path =
                job.outputUrl().map(u -> u.getPath() == null ? "" : u.getPath()).orElse("");
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.matches("[a-z0-9]{1,5}") ? ext : requested.extension();
    }

    /**
     * @param fileName a file name
     * @return the name without its extension ({@code cat.gif} → {@code cat})
     */
    public static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** A field of the render's JSON, at the top or under {@code data}. */
    private static Optional<String> text(JsonValue raw, String field) {
        for (JsonValue n : List.of(raw, raw.get("data").orElse(JsonValue.ofNull()))) {
            Optional<String> v = n.get(field)
                    .filter(x -> !(x instanceof JsonObject || x instanceof JsonArray || x.isNull()))
                    .map(x -> x.asString().orElse(x.toJson()).strip());
            if (v.isPresent() && !v.get().isEmpty()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** An {@code ssim} number anywhere in the render's JSON (for example under {@code quality} or {@code metrics}). */
    private static Optional<Double> ssim(JsonValue raw) {
        if (raw instanceof JsonObject o) {
            Optional<Double> here = o.get("ssim")
                    .flatMap(v -> v.asNumber().or(() -> v.get("mean").flatMap(JsonValue::asNumber)))
                    .map(JsonNumber::asDouble)
                    .filter(Double::isFinite);
            if (here.isPresent()) {
                return here;
            }
            return o.members().values().stream()
                    .map(Rendering::ssim)
                    .flatMap(Optional::stream)
                    .findFirst();
        }
        if (raw instanceof JsonArray a) {
            return a.elements().stream()
                    .map(Rendering::ssim)
                    .flatMap(Optional::stream)
                    .findFirst();
        }
        return Optional.empty();
    }
}
