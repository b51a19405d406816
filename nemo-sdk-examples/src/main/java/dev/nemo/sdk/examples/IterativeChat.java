package dev.nemo.sdk.examples;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.assistant.IntentRoute;
import dev.nemo.sdk.assistant.IntentRouter;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportFormat;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.upload.MediaSource;
import dev.nemo.sdk.upload.UploadResult;
import dev.nemo.sdk.workflow.Conversation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An interactive session, one line at a time, over the SDK's {@link Conversation}
 * ({@code client.workflows().resumeConversation}), which keeps the session and its last settled
 * state. Every line goes through the {@link IntentRouter}, as the skill's routing table says:
 * export, credits, status and upload are done here with direct API calls (they must never reach
 * the agent), everything else is an instruction for the conversation, whose answer is shown with
 * the agent's GUI phrasing ("click the Export button") translated for a terminal. End of input
 * ends the loop.
 *
 * <pre>
 * java -jar nemo-examples.jar chat
 * &gt; upload ~/clips/cat.gif
 * &gt; make it loop and compress it to under 2 MB
 * &gt; status
 * &gt; export
 * </pre>
 */
public final class IterativeChat {
    private IterativeChat() {}

    /**
     * What the loop needs besides the client.
     *
     * @param polling   how to wait for exports
     * @param downloads the directory exports are saved in (named after their output URL)
     * @param paths     resolves a path the user typed ({@code ~/cat.gif}, {@code clips/cat.gif})
     * @param prompt    whether to print a prompt before each line (for a terminal)
     * @param onError   told about each line that failed; the loop goes on
     */
    public record Settings(
            PollingStrategy polling,
            Path downloads,
            Function<String, Path> paths,
            boolean prompt,
            Consumer<RuntimeException> onError) {}

    /**
     * Runs {@code chat [--session <id>]} against {@code NEMO_API_URL}, or the embedded emulator when
     * it is unset.
     *
     * @param args optionally {@code --session <id>}
     */
    public static void main(String[] args) {
        NemoExamples.exit(NemoExamples.run("chat", args));
    }

    /**
     * @param client    the client
     * @param sessionId the session to continue, or {@code null} for a new one
     * @param in        the user's lines
     * @param out       where answers go
     * @param settings  polling, download directory, path resolution, prompt, error reporting
     * @return how many lines failed (each was reported to {@code settings.onError()})
     * @throws UncheckedIOException when reading the input fails
     */
    public static int run(NemoClient client, String sessionId, BufferedReader in, PrintStream out, Settings settings) {
        String sid = sessionId != null ? sessionId : client.sessions().create().sessionId();
        ChatPrinter chat = ChatPrinter.withHints(out);
        WorkflowPrinter printer = new WorkflowPrinter(out, chat, false);
        // reads the state: fails at once (code 1002) for a session that does not exist
        Conversation conversation = client.workflows()
                .resumeConversation(sid, printer.chatOptions(settings.polling().interval()), printer);
        out.println((sessionId != null ? "Continuing session " : "New session ") + sid);
        out.println("Type a message for the agent; \"upload <file>\", \"status\", \"credits\" and \"export\" are "
                + "handled here. \"exit\" or end of input (Ctrl-D) quits.");
        int failures = 0;
        for (String line = read(in, out, settings.prompt()); line != null; line = read(in, out, settings.prompt())) {
            String message = line.strip();
            if (message.isEmpty()) {
                continue;
            }
            if (message.equalsIgnoreCase("exit") || message.equalsIgnoreCase("quit")) {
                break;
            }
            try {
                handle(client, conversation, printer, message, out, settings);
            } catch (RuntimeException e) {
                // one failed line (out of credits, a missing file…) does not end the conversation
                failures++;
                settings.onError().accept(e);
            }
        }
        return failures;
    }

    private static void handle(
            NemoClient client,
            Conversation conversation,
            WorkflowPrinter printer,
            String message,
            PrintStream out,
            Settings settings) {
        String sid = conversation.sessionId();
        IntentRoute route = IntentRouter.standard().route(message);
        switch (route.intent()) {
            case CREDITS:
                ShowCredits.print(client, out);
                break;
            case STATUS:
                SessionStatus.print(client, sid, out);
                break;
            case UPLOAD:
                upload(client, sid, message, route, out, settings);
                conversation.refresh(); // the next instruction and export see the new media
                break;
            case EXPORT:
                if (conversation.state().draft().isEmpty()) {
                    throw new ExampleException("export", "nothing to export yet: upload a file first");
                }
                DownloadResult file = conversation.export(
                        settings.downloads(),
                        ExportOptions.builder()
                                .format(ExportFormat.MP4)
                                .polling(settings.polling())
                                .build());
                out.println("Downloaded " + file.path() + " (" + Sizes.human(file.bytes()) + ")");
                break;
            default:
                printer.reportOutcome(conversation.say(message));
                break;
        }
    }

    private static void upload(
            NemoClient client, String sid, String message, IntentRoute route, PrintStream out, Settings settings) {
        List<String> urls = new ArrayList<>();
        List<MediaSource> files = new ArrayList<>();
        List<String> named = UploadArguments.parse(message);
        for (String ref : named.isEmpty() ? route.fileReferences() : named) {
            String lower = ref.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                urls.add(ref);
                continue;
            }
            Path file = lower.startsWith("file://")
                    ? fileUrl(ref)
                    : settings.paths().apply(ref);
            if (!Files.isRegularFile(file)) {
                throw new ExampleException("upload", "no such file: " + file);
            }
            MediaCheck.requireMedia(file);
            files.add(MediaSource.of(file));
        }
        if (urls.isEmpty() && files.isEmpty()) {
            throw new ExampleException("upload", "name the file to upload, for example: upload ~/clips/cat.gif");
        }
        List<UploadResult> results = new ArrayList<>();
        if (!files.isEmpty()) {
            results.add(client.uploads().upload(sid, files));
        }
        if (!urls.isEmpty()) {
            results.add(client.uploads().uploadUrls(sid, urls));
        }
        results.forEach(r -> r.files().forEach(f -> out.println("Uploaded " + QuickEdit.describe(f))));
    }

    private static Path fileUrl(String ref) {
        try {
            return Path.of(URI.create(ref));
        } catch (IllegalArgumentException e) {
            throw new ExampleException("upload", "not a usable file URL: " + ref);
        }
    }

    private static String read(BufferedReader in, PrintStream out, boolean prompt) {
        if (prompt) {
            out.print("> ");
            out.flush();
        }
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the input: " + e.getMessage(), e);
        }
    }
}
