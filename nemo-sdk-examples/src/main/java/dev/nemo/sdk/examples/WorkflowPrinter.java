package dev.nemo.sdk.examples;

import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportProgressListener;
import dev.nemo.sdk.upload.UploadResult;
import dev.nemo.sdk.workflow.WorkflowListener;
import dev.nemo.sdk.workflow.WorkflowPhase;
import dev.nemo.sdk.workflow.WorkflowProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Prints a workflow as it runs: the agent's words (through {@link ChatPrinter}), each state check,
 * the render's progress, the render id to resume with, and the workflow's notes.
 */
final class WorkflowPrinter implements WorkflowListener {
    private final PrintStream out;
    private final ChatPrinter chat;
    private final ExportProgressListener exportPrinter;
    private final boolean echo;
    private WorkflowPhase phase;
    private volatile ChatResult lastChat;

    /** @param out where to print; each instruction is shown as "You: …" */
    WorkflowPrinter(PrintStream out) {
        this(out, new ChatPrinter(out), true);
    }

    /**
     * @param out  where to print
     * @param chat prints the agent's words
     * @param echo whether to show each instruction as "You: …" (not when the user just typed it)
     */
    WorkflowPrinter(PrintStream out, ChatPrinter chat, boolean echo) {
        this.out = out;
        this.chat = chat;
        this.echo = echo;
        this.exportPrinter = Rendering.progressPrinter(out);
    }

    /**
     * The chat options for a workflow polled every {@code pollInterval}: the state checks after a
     * silent end keep their eleven reads, spaced like the export polls when those are faster than
     * the default 2 s; the longer schedule after a cut shrinks in proportion to the 30 s default.
     */
    ChatOptions chatOptions(Duration pollInterval) {
        ChatOptions base = chat.options();
        Duration spacing = pollInterval.compareTo(Duration.ofSeconds(2)) < 0 ? pollInterval : Duration.ofSeconds(2);
        double scale = Math.min(1.0, pollInterval.toMillis() / 30_000.0);
        List<Duration> rechecks = ChatOptions.DEFAULT_RECHECK_DELAYS.stream()
                .map(d -> Duration.ofMillis(Math.round(d.toMillis() * scale)))
                .toList();
        return base.toBuilder()
                .settleDelays(ChatOptions.evenly(ChatOptions.DEFAULT_SETTLE_DELAYS.size(), spacing))
                .recheckDelays(rechecks)
                .build();
    }

    /** {@return the chat as the stream left it, or {@code null} before the stream ended} */
    ChatResult lastChat() {
        return lastChat;
    }

    boolean reportOutcome(ChatResult result) {
        return chat.reportOutcome(result);
    }

    @Override
    public void onProgress(WorkflowProgress p) {
        boolean newPhase = p.phase() != phase;
        phase = p.phase();
        switch (p.phase()) {
            case SESSION, UPLOAD -> {}
            case DOWNLOAD, DONE -> {
                // the download is printed by the caller, with the sizes
            }
            case SETTLE -> out.println("  " + p.describe());
            case EXPORT -> {
                // each poll is printed by onExportProgress
            }
            case CHAT -> {
                if (!newPhase) {
                    out.println("  " + p.describe());
                }
            }
            default -> out.println(p.describe());
        }
    }

    @Override
    public void onUploaded(String sessionId, UploadResult upload) {
        out.println("Session " + sessionId);
        upload.files().forEach(f -> out.println("Uploaded " + QuickEdit.describe(f)));
    }

    @Override
    public void onInstruction(String sessionId, String instruction) {
        if (echo) {
            out.println("You: " + instruction);
        }
    }

    @Override
    public void onChatEvent(ChatEvent event) {
        chat.onEvent(event);
    }

    @Override
    public void onChatEnded(ChatResult soFar) {
        lastChat = soFar;
        chat.onStreamEnded(soFar);
    }

    @Override
    public void onRenderSubmitted(ExportJob job) {
        out.println(
                "Render " + job.renderId() + " submitted (to finish it from elsewhere: resume " + job.renderId() + ")");
        exportPrinter.onProgress(job);
    }

    @Override
    public void onExportProgress(ExportJob job) {
        exportPrinter.onProgress(job);
    }

    @Override
    public void onNote(String note) {
        out.println("Note: " + note);
    }
}
