package dev.nemo.sdk.examples;

import static dev.nemo.sdk.workflow.QuickEdit.builder;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.error.AgentErrorException;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.upload.MediaSource;
import dev.nemo.sdk.upload.UploadedFile;
import dev.nemo.sdk.workflow.QuickEditResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The whole workflow in one go: a session, an upload, one chat instruction, an export, a download.
 *
 * <pre>
 * java -jar nemo-examples.jar quick-edit cat.gif "compress this GIF to under 500KB" cat.mp4
 * </pre>
 */
public final class QuickEdit {
    private QuickEdit() {}

    /**
     * What a quick edit did.
     *
     * @param sessionId the session it used
     * @param chat     the agent's answer to the instruction
     * @param rendered the export and the downloaded file
     */
    public record Result(String sessionId, ChatResult chat, Rendering.Rendered rendered) {}

    /**
     * Runs {@code quick-edit <input> <instruction> <output>} against {@code NEMO_API_URL}, or the
     * embedded emulator when it is unset.
     *
     * @param args input file, instruction, output file
     */
    public static void main(String[] args) {
        NemoExamples.exit(NemoExamples.run("quick-edit", args));
    }

    /**
     * Edits a local file.
     *
     * @param client      the client
     * @param input       the GIF, MP4, WebM or APNG to edit
     * @param instruction what to do, in words ("compress this GIF to under 500KB")
     * @param output      where to save the result (a file, or an existing directory)
     * @param polling     how to wait for the render
     * @param out         where progress goes
     * @return what was done
     */
    public static Result run(
            NemoClient client, Path input, String instruction, Path output, PollingStrategy polling, PrintStream out) {
        MediaCheck.requireMedia(input); // before anything is created or sent
        long size;
        try {
            size = Files.size(input);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + input + ": " + e.getMessage(), e);
        }
        return run(client, MediaSource.of(input), size, instruction, output, polling, out);
    }

    /**
     * Edits any media source (a file, a stream, a classpath resource).
     *
     * @param client      the client
     * @param input       what to upload
     * @param inputBytes  its size, to compare with the output
     * @param instruction what to do, in words
     * @param output      where to save the result (a file, or an existing directory)
     * @param polling     how to wait for the render
     * @param out         where progress goes
     * @return what was done
     */
    public static Result run(
            NemoClient client,
            MediaSource input,
            long inputBytes,
            String instruction,
            Path output,
            PollingStrategy polling,
            PrintStream out) {
        out.println("Uploading " + input.fileName() + " (" + Sizes.human(inputBytes) + ")");
        WorkflowPrinter printer = new WorkflowPrinter(out);
        QuickEditResult r;
        try {
            r = client.workflows().quickEdit(edit(input, instruction, output, polling, printer));
        } catch (AgentErrorException e) {
            throw refused(e, printer, instruction);
        }
        return finish(r, inputBytes, output, printer, out);
    }

    /**
     * The SDK's quick edit for this example: the format the output's extension asks for, the
     * example's polling, the printer's chat options and the printer as listener.
     */
    static dev.nemo.sdk.workflow.QuickEdit edit(
            MediaSource input, String instruction, Path output, PollingStrategy polling, WorkflowPrinter printer) {
        return builder(input, instruction, output) // the SDK's QuickEdit (this class shares its name)
                .exportOptions(ExportOptions.builder()
                        .format(Rendering.formatFor(output))
                        .polling(polling)
                        .build())
                .chatOptions(printer.chatOptions(polling.interval()))
                .listener(printer)
                .build();
    }

    /** The agent refused the edit: its own words, and that nothing was exported. */
    static ExampleException refused(AgentErrorException e, WorkflowPrinter printer, String instruction) {
        ChatResult chat = printer.lastChat();
        return new ExampleException(
                "chat",
                "the agent could not apply \"" + instruction + "\": "
                        + (chat == null ? e.getMessage() : agentError(chat))
                        + "; nothing was exported - rephrase the instruction, or try again later");
    }

    /** Prints how the chat ended, the saved file and the size summary of a finished quick edit. */
    static Result finish(QuickEditResult r, long inputBytes, Path output, WorkflowPrinter printer, PrintStream out) {
        printer.reportOutcome(r.chat());
        Rendering.Rendered rendered = new Rendering.Rendered(r.job(), r.download());
        String extension = Rendering.extensionOf(r.job(), Rendering.formatFor(output));
        String name = output.getFileName() == null
                ? ""
                : output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isDirectory(output) && !name.endsWith("." + extension)) {
            out.println("Note: the render produced a ." + extension + " file; saving it as " + output + " as asked");
        }
        out.println("Downloaded " + r.download().path() + " ("
                + Sizes.human(r.download().bytes()) + ")");
        Rendering.printSummary(inputBytes, rendered, out);
        return new Result(r.sessionId(), r.chat(), rendered);
    }

    /** The agent's own words from its error event, with its code, for example {@code "SAFETY: blocked" (code SAFETY)}. */
    static String agentError(ChatResult chat) {
        for (ChatEvent e : chat.errors()) {
            if (e instanceof ChatEvent.ModelError m) {
                String text = m.message() == null || m.message().isBlank()
                        ? "no message"
                        : m.message().strip();
                return "\"" + text + "\"" + (m.code() == null ? "" : " (error code " + m.code() + ")");
            }
            if (e instanceof ChatEvent.StreamError s) {
                return "\""
                        + (s.message() == null ? "stream error" : s.message().strip()) + "\"";
            }
        }
        return "the agent reported an error without a message";
    }

    /**
     * Checks where the result will go before anything is uploaded: the folder must exist (it is never
     * created silently), and an existing file is replaced only when asked.
     *
     * @param output the output path the user gave
     * @param force  whether an existing file may be replaced
     * @param out    where to say that it will be
     */
    static void checkOutput(Path output, boolean force, PrintStream out) {
        if (Files.isDirectory(output)) {
            return;
        }
        requireFolder(output);
        if (Files.exists(output)) {
            if (!force) {
                throw new ExampleException(
                        "quick-edit",
                        output + " already exists: add --force to replace it, or " + "choose another output");
            }
            out.println("Note: " + output + " exists and will be replaced (--force)");
        }
    }

    private static void requireFolder(Path output) {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new ExampleException(
                    "quick-edit",
                    "the folder " + parent + " does not exist: create it first, or " + "choose another output");
        }
    }

    /**
     * @param f an uploaded file
     * @return for example {@code cat.gif: image, 640x360, 2.5 s}
     */
    static String describe(UploadedFile f) {
        StringBuilder s = new StringBuilder(f.fileName().orElse("file"));
        f.fileType().ifPresent(t -> s.append(": ").append(t));
        if (f.width().isPresent() && f.height().isPresent()) {
            s.append(", ")
                    .append(f.width().getAsInt())
                    .append('x')
                    .append(f.height().getAsInt());
        }
        f.durationSeconds().ifPresent(d -> s.append(", ").append(String.format(Locale.ROOT, "%.1f s", d)));
        return s.toString();
    }
}
