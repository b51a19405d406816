package dev.nemo.sdk.examples;

import dev.nemo.sdk.export.ExportFormat;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.reactive.ReactiveNemoClient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * {@link QuickEdit} as one lazy {@link Mono} over {@link ReactiveNemoClient}: nothing is sent until
 * it is subscribed, no thread blocks while waiting, and the export's polling waits on Reactor's
 * timer.
 *
 * <pre>
 * java -jar nemo-examples.jar reactive-quick-edit cat.gif "compress this GIF to under 500KB" cat.mp4
 * </pre>
 */
public final class ReactiveQuickEdit {
    private ReactiveQuickEdit() {
    }

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
    public static Mono<QuickEdit.Result> run(ReactiveNemoClient reactive, Path input, String instruction, Path output,
                                             PollingStrategy polling, PrintStream out) {
        ExportFormat format = Rendering.formatFor(output);
        Consumer<ExportJob> progress = Rendering.progressPrinter(out);
        return reactive.sessions().create().flatMap(session -> {
            String sid = session.sessionId();
            out.println("Session " + sid);
            ChatPrinter printer = new ChatPrinter(out);
            return reactive.uploads().upload(sid, input)
                    .doOnNext(upload -> upload.files().forEach(f -> out.println("Uploaded " + QuickEdit.describe(f))))
                    .doOnNext(upload -> out.println("You: " + instruction))
                    .then(reactive.chat().send(sid, instruction, printer.options(), printer))
                    .doOnNext(chat -> QuickEdit.requireEffect(chat, printer, instruction, sid))
                    .flatMap(chat -> reactive.state().get(sid)
                            .map(state -> state.draft().orElseThrow(() ->
                                    new ExampleException("export", "the session has no draft to export")))
                            // submit, then follow the render: every poll result, the completed job last
                            .flatMapMany(draft -> reactive.exports().export(sid, draft,
                                    ExportOptions.builder().format(format).polling(polling).build()))
                            .doOnNext(progress)
                            .last()
                            .flatMap(done -> reactive.exports().download(done, output)
                                    .map(file -> new Rendering.Rendered(done, file)))
                            .doOnNext(r -> out.println("Downloaded " + r.file().path() + " ("
                                    + Sizes.human(r.file().bytes()) + ")"))
                            .doOnNext(r -> Rendering.printSummary(sizeOf(input), r, out))
                            .map(rendered -> new QuickEdit.Result(session.sessionId(), chat, rendered)));
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
