package dev.nemo.sdk.examples;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.export.ExportFormat;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.reactive.ReactiveNemoClient;
import dev.nemo.sdk.upload.MediaSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * {@link QuickEdit} as one lazy {@link Mono}: nothing is sent until it is subscribed, no thread
 * blocks while waiting, and the export's polling waits on Reactor's timer. Operations the
 * {@link ReactiveNemoClient} offers (sessions, state) are used as they are; the others are the
 * core client's {@code …Async} methods, adapted with {@link Mono#fromFuture}.
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
        NemoClient core = reactive.blocking();   // the same connection pool and token, waiting on Reactor's timer
        ExportFormat format = Rendering.formatFor(output);
        Consumer<ExportJob> progress = Rendering.progressPrinter(out);
        return reactive.sessions().create().flatMap(session -> {
            String sid = session.sessionId();
            out.println("Session " + sid);
            ChatPrinter printer = new ChatPrinter(out);
            return Mono.fromFuture(() -> core.uploads().uploadAsync(sid, List.of(MediaSource.of(input))))
                    .doOnNext(upload -> upload.files().forEach(f -> out.println("Uploaded " + QuickEdit.describe(f))))
                    .then(Mono.fromFuture(() -> {
                        out.println("You: " + instruction);
                        return core.chat().sendAsync(sid, instruction, printer.options(), printer);
                    }))
                    .doOnNext(chat -> QuickEdit.requireEffect(chat, printer, instruction, sid))
                    .flatMap(chat -> reactive.state().get(sid)
                            .map(state -> state.draft().orElseThrow(() ->
                                    new ExampleException("export", "the session has no draft to export")))
                            .flatMap(draft -> Mono.fromFuture(() -> core.exports().submitAsync(sid, draft,
                                    ExportOptions.builder().format(format).build())))
                            .doOnNext(progress)
                            // resume() follows the submitted render without submitting again; its first poll is immediate
                            .flatMap(submitted -> Mono.fromFuture(() -> core.exports().resume(submitted.renderId(), polling)
                                    .onProgress(progress).waitForCompletionAsync()))
                            .flatMap(done -> Mono.fromFuture(() -> core.exports().downloadAsync(done, output,
                                    RequestOptions.none())).map(file -> new Rendering.Rendered(done, file)))
                            .doOnNext(r -> out.println("Downloaded " + r.file().path() + " ("
                                    + Sizes.human(r.file().bytes()) + ")"))
                            .doOnNext(r -> Rendering.printSummary(sizeOf(input), r, out))
                            .map(rendered -> new QuickEdit.Result(session, chat, rendered)));
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
