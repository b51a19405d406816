package dev.nemo.sdk.examples;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.draft.Segment;
import dev.nemo.sdk.draft.Track;
import dev.nemo.sdk.draft.TrackType;
import dev.nemo.sdk.export.ExportFormat;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.json.JsonValue;
import dev.nemo.sdk.session.Session;
import dev.nemo.sdk.upload.MediaFormat;
import dev.nemo.sdk.upload.UploadedFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One instruction applied to every media file of a folder: one session (so the instruction is
 * sent, and paid for, once), every file uploaded into it, then one render per file, each from the
 * session's draft narrowed to that file's clip.
 *
 * <pre>
 * java -jar nemo-examples.jar batch ./gifs "compress this GIF to under 500KB" ./out
 * </pre>
 */
public final class BatchEdit {
    private BatchEdit() {
    }

    /**
     * One input file and what became of it.
     *
     * @param input  the file
     * @param output the downloaded render, when it succeeded
     * @param error  why it failed, when it did
     */
    public record FileResult(Path input, Optional<Rendering.Rendered> output, Optional<String> error) {
        /** @return whether the file was rendered and downloaded */
        public boolean succeeded() {
            return output.isPresent();
        }
    }

    /**
     * Runs {@code batch <input-dir> <instruction> <output-dir>} against {@code NEMO_API_URL}, or the
     * embedded emulator when it is unset.
     *
     * @param args input directory, instruction, output directory
     */
    public static void main(String[] args) {
        NemoExamples.exit(NemoExamples.run("batch", args));
    }

    /**
     * @param client      the client
     * @param inputDir    a directory; its video and image files are edited, anything else is skipped
     * @param instruction what to do with each file
     * @param outputDir   where the results go (created if needed), named after their inputs
     * @param polling     how to wait for each render
     * @param out         where progress goes
     * @param onFailure   told about a file whose render failed (the others go on)
     * @return one result per media file, in name order
     */
    public static List<FileResult> run(NemoClient client, Path inputDir, String instruction, Path outputDir,
                                       PollingStrategy polling, PrintStream out,
                                       BiConsumer<Path, RuntimeException> onFailure) {
        List<Path> inputs = mediaFiles(inputDir, out);
        if (inputs.isEmpty()) {
            throw new ExampleException("batch", "no GIF, video or image files in " + inputDir);
        }
        createDirectories(outputDir);

        Session session = client.sessions().create();
        out.println("Session " + session.sessionId() + ": " + inputs.size() + (inputs.size() == 1 ? " file" : " files"));

        // one upload per file, so that each stored file (and its URL) is known
        Map<Path, UploadedFile> uploaded = new LinkedHashMap<>();
        for (Path input : inputs) {
            UploadedFile file = client.uploads().upload(session.sessionId(), input).files().stream().findFirst()
                    .orElseThrow(() -> new ExampleException("upload", "the server stored nothing for " + input));
            out.println("Uploaded " + QuickEdit.describe(file));
            uploaded.put(input, file);
        }

        out.println("You: " + instruction);
        ChatPrinter printer = new ChatPrinter(out);
        ChatResult chat = client.chat().send(session.sessionId(), instruction, printer.options(), printer);
        QuickEdit.requireEffect(chat, printer, instruction, session.sessionId());

        Draft draft = client.state().get(session.sessionId()).draft()
                .orElseThrow(() -> new ExampleException("export", "the session has no draft to export"));
        List<FileResult> results = new ArrayList<>();
        for (Map.Entry<Path, UploadedFile> e : uploaded.entrySet()) {
            Path input = e.getKey();
            String base = Rendering.baseName(input.getFileName().toString());
            try {
                Draft only = onlyClipOf(draft, e.getValue()).orElseThrow(() -> new ExampleException("export",
                        "cannot find " + input.getFileName() + " on the session's timeline; skipped"));
                ExportFormat format = ExportFormat.MP4;
                Rendering.Rendered r = Rendering.exportAndDownload(client, session.sessionId(), only, format, polling,
                        job -> outputDir.resolve(base + "." + Rendering.extensionOf(job, format)), out);
                Rendering.printSummary(size(input), r, out);
                results.add(new FileResult(input, Optional.of(r), Optional.empty()));
            } catch (RuntimeException failure) {
                // one file that cannot be rendered does not stop the others
                onFailure.accept(input, failure);
                results.add(new FileResult(input, Optional.empty(), Optional.of(failure.getMessage())));
            }
        }
        long done = results.stream().filter(FileResult::succeeded).count();
        out.println("Batch done: " + done + " of " + results.size() + " rendered into " + outputDir);
        return results;
    }

    /**
     * The draft reduced to one uploaded file: the video track keeps only that file's clip, moved to
     * the start, and the timeline is as long as the clip. Other tracks (music, titles) stay.
     *
     * @param draft the session's draft
     * @param file  an uploaded file
     * @return the narrowed draft, when the file's clip is found (by its URL, else by its name)
     */
    public static Optional<Draft> onlyClipOf(Draft draft, UploadedFile file) {
        OptionalInt video = draft.indexOf(TrackType.VIDEO);
        if (video.isEmpty()) {
            return Optional.empty();
        }
        Track track = draft.track(video.getAsInt());
        Optional<Segment> clip = track.segments().stream().filter(s -> isClipOf(s, file)).findFirst();
        return clip.map(s -> {
            Segment atStart = s.withStart(Duration.ZERO);
            Draft narrowed = draft.withTrack(video.getAsInt(), track.withSegments(List.of(atStart)));
            return s.duration().map(narrowed::withDuration).orElse(narrowed);
        });
    }

    private static boolean isClipOf(Segment s, UploadedFile file) {
        Optional<String> src = s.field("src").flatMap(JsonValue::asString);
        if (src.isPresent() && file.url().isPresent()) {
            return src.get().equals(file.url().get());
        }
        return s.label().isPresent() && s.label().equals(file.fileName());
    }

    /** The regular files of a directory whose content is a video or an image, by name; others are listed as skipped. */
    private static List<Path> mediaFiles(Path dir, PrintStream out) {
        if (!Files.isDirectory(dir)) {
            throw new ExampleException("batch", dir + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        List<Path> media = new ArrayList<>();
        for (Path f : files) {
            Optional<MediaFormat> format;
            try {
                format = MediaFormat.detect(f);
            } catch (IOException e) {
                format = Optional.empty();
            }
            if (format.isPresent() && format.get().kind() != MediaFormat.Kind.AUDIO) {
                media.add(f);
            } else {
                out.println("Skipping " + f.getFileName() + ": not a GIF, video or image");
            }
        }
        return media;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
