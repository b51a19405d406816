package dev.nemo.sdk.examples;

import dev.nemo.sdk.error.AgentErrorException;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.reactive.ReactiveNemoClient;
import dev.nemo.sdk.upload.MediaSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import reactor.core.publisher.Mono;

/**
 * {@link QuickEdit} as one lazy {@link Mono}, a thin caller of
 * {@code reactive.workflows().quickEdit(...)}: nothing is sent until it is subscribed, no thread
 * blocks while waiting, and the state checks and the export's polling wait on Reactor's timer.
 *
 * <pre>
 * java -jar nemo-examples.jar reactive-quick-edit cat.gif "compress this GIF to under 500KB" cat.mp4
 * </pre>
 */
public final class ReactiveQuickEdit {
    private ReactiveQuickEdit() {}

    /**
     * Runs {@code reactive-quick-edit <input> <instruction> <output>} against {@code NEMO_API_URL},
     * or the embedded emulator when it is unset.
     *
     * @param args input file, instruction, output file
     */
    public static void main(String[] args) {
        NemoExamples.exit(NemoExamples.run("reactive-quick-edit", args));
    }

    /**
     * @param reactive    the reactive client
     * @param input       the file to edit
     * @param instruction what to do, in words
     * @param output      where to save the result (a file, or an existing directory)
     * @param polling     how to wait for the render
     * @param out         where progress goes
     * @return the whole workflow, run when subscribed (once: each subscription creates a session)
     */
    public static Mono<QuickEdit.Result> run(
            ReactiveNemoClient reactive,
            Path input,
            String instruction,
            Path output,
            PollingStrategy polling,
            PrintStream out) {
        return Mono.defer(() -> {
            WorkflowPrinter printer = new WorkflowPrinter(out);
            return reactive.workflows()
                    .quickEdit(QuickEdit.edit(MediaSource.of(input), instruction, output, polling, printer))
                    .onErrorMap(AgentErrorException.class, e -> QuickEdit.refused(e, printer, instruction))
                    .map(r -> QuickEdit.finish(r, sizeOf(input), output, printer, out));
        });
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
