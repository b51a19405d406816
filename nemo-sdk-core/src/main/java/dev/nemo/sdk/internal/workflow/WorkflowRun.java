package dev.nemo.sdk.internal.workflow;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatListener;
import dev.nemo.sdk.chat.ChatProgressListener;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.chat.StateCheckProgress;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.upload.UploadResult;
import dev.nemo.sdk.workflow.WorkflowListener;
import dev.nemo.sdk.workflow.WorkflowPhase;
import dev.nemo.sdk.workflow.WorkflowProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running workflow: its listener (guarded, so a failing listener never stops the work), its
 * start time, its notes, and the step in flight, which a cancellation of the workflow cancels.
 */
final class WorkflowRun {
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.workflow");

    private final WorkflowListener listener;
    private final RequestOptions request;
    private final Clock clock;
    private final Instant start;
    private final List<String> notes = new ArrayList<>();
    private volatile @Nullable CompletableFuture<?> current;
    private volatile boolean cancelled;

    WorkflowRun(WorkflowListener listener, RequestOptions request, Clock clock) {
        this.listener = listener;
        this.request = request;
        this.clock = clock;
        this.start = clock.instant();
    }

    /** Runs a step, remembering it so that {@link #cancel()} reaches it. */
    <T> CompletableFuture<T> step(Supplier<CompletableFuture<T>> step) {
        if (cancelled) {
            return CompletableFuture.failedFuture(new CancellationException("workflow cancelled"));
        }
        CompletableFuture<T> f = step.get();
        current = f;
        return f;
    }

    void cancel() {
        cancelled = true;
        CompletableFuture<?> f = current;
        if (f != null) {
            f.cancel(true);
        }
    }

    /** {@return the request options the user gave the workflow, for every call it makes (see {@link RequestLayers})} */
    RequestOptions request() {
        return request;
    }

    boolean isCancelled() {
        return cancelled;
    }

    Duration elapsed() {
        return Duration.between(start, clock.instant());
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    void progress(WorkflowPhase phase, int percent, String message) {
        WorkflowProgress p = new WorkflowProgress(phase, percent < 0 ? OptionalInt.empty() : OptionalInt.of(percent),
                elapsed(), message);
        safely("onProgress", () -> listener.onProgress(p));
    }

    void note(String note) {
        notes.add(note);
        safely("onNote", () -> listener.onNote(note));
    }

    void uploaded(String sessionId, UploadResult upload) {
        safely("onUploaded", () -> listener.onUploaded(sessionId, upload));
    }

    void instruction(String sessionId, String instruction) {
        safely("onInstruction", () -> listener.onInstruction(sessionId, instruction));
    }

    void exportProgress(ExportJob job) {
        safely("onExportProgress", () -> listener.onExportProgress(job));
    }

    void renderSubmitted(ExportJob job) {
        safely("onRenderSubmitted", () -> listener.onRenderSubmitted(job));
    }

    /**
     * {@return the chat's "still working" notices, as workflow reports}
     *
     * @param own the caller's own chat progress listener, if any (told after the workflow's report)
     */
    ChatProgressListener chatProgress(Optional<ChatProgressListener> own) {
        return quietFor -> {
            progress(WorkflowPhase.CHAT, -1, "the agent is still working (" + quietFor.toSeconds() + " s without "
                    + "output)");
            own.ifPresent(l -> l.onProgress(quietFor));
        };
    }

    /** The chat's events, its end and its state checks, as workflow reports. */
    ChatListener chatListener(int settlePercent) {
        return new ChatListener() {
            @Override
            public void onEvent(ChatEvent event) {
                safely("onChatEvent", () -> listener.onChatEvent(event));
            }

            @Override
            public void onStreamEnded(ChatResult soFar) {
                safely("onChatEnded", () -> listener.onChatEnded(soFar));
            }

            @Override
            public void onStateCheck(StateCheckProgress check) {
                progress(WorkflowPhase.SETTLE, settlePercent, check.describe());
            }
        };
    }

    private void safely(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("The workflow listener failed in {}; the workflow goes on", what, e);
        }
    }
}
