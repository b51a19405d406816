package dev.nemo.sdk.examples;

import static dev.nemo.sdk.workflow.BatchEdit.builder;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.export.ExportFormat;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.upload.MediaFormat;
import dev.nemo.sdk.workflow.BatchEdit.Builder;
import dev.nemo.sdk.workflow.BatchResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One instruction applied to every media file of a folder, as a thin caller of
 * {@code client.workflows().batch(...)}: one session holding every file, then each file processed
 * with its own instruction (the same words, named after the file) and rendered on its own from
 * its own clip. A file that fails does not stop the others.
 *
 * <pre>
 * java -jar nemo-examples.jar batch ./gifs "compress this GIF to under 500KB" ./out
 * </pre>
 */
public final class BatchEdit {
    private BatchEdit() {}

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
     * @param onFailure   told about a file whose edit or render failed (the others go on)
     * @return one result per media file, in name order
     */
    public static List<FileResult> run(
            NemoClient client,
            Path inputDir,
            String instruction,
            Path outputDir,
            PollingStrategy polling,
            PrintStream out,
            BiConsumer<Path, RuntimeException> onFailure) {
        List<Path> inputs = mediaFiles(inputDir, out);
        if (inputs.isEmpty()) {
            throw new ExampleException("batch", "no GIF, video or image files in " + inputDir);
        }
        createDirectories(outputDir);
        WorkflowPrinter printer = new WorkflowPrinter(out);
        Builder batch = builder() // the SDK's BatchEdit (this class shares its name)
                .exportOptions(ExportOptions.builder()
                        .format(ExportFormat.MP4)
                        .polling(polling)
                        .build())
                .chatOptions(printer.chatOptions(polling.interval()))
                .listener(printer);
        for (Path input : inputs) {
            batch.item(input, forFile(instruction, input, inputs.size()), outputDir);
        }
        BatchResult done = client.workflows().batch(batch.build());

        List<FileResult> results = new ArrayList<>();
        for (BatchResult.ItemResult item : done.items()) {
            Path input = inputs.get(results.size());
            if (item.succeeded()) {
                Rendering.Rendered r = new Rendering.Rendered(
                        item.job().orElseThrow(), item.download().orElseThrow());
                out.println("Downloaded " + r.file().path() + " ("
                        + Sizes.human(r.file().bytes()) + ")");
                Rendering.printSummary(size(input), r, out);
                results.add(new FileResult(input, Optional.of(r), Optional.empty()));
            } else {
                RuntimeException failure = item.failure()
                        .map(RuntimeException.class::cast)
                        .orElseGet(() -> new ExampleException("batch", "skipped after an earlier failure"));
                onFailure.accept(input, failure);
                results.add(new FileResult(input, Optional.empty(), Optional.of(failure.getMessage())));
            }
        }
        out.println("Batch done: " + done.succeeded() + " of " + results.size() + " rendered into " + outputDir);
        return results;
    }

    /** With several files in the session, each instruction names its file, as the seed's batch asks. */
    private static String forFile(String instruction, Path input, int files) {
        return files == 1 ? instruction : instruction + " (" + input.getFileName() + ")";
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
