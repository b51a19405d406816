package dev.nemo.sdk.reactive.internal;

import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.reactive.WorkflowSignal;
import dev.nemo.sdk.upload.UploadResult;
import dev.nemo.sdk.workflow.WorkflowListener;
import dev.nemo.sdk.workflow.WorkflowProgress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * A workflow listener that passes everything to the user's listener and the progress reports to
 * the {@code Flux} of the step running now, so a core workflow's progress can be a Reactor stream.
 */
public final class ProgressRelay implements WorkflowListener {
    private final WorkflowListener user;
    /** Where the running step's progress goes; {@code null} when no step is running. */
    private volatile @Nullable Consumer<WorkflowProgress> target;

    /** @param user the listener that hears everything as well */
    public ProgressRelay(WorkflowListener user) {
        this.user = Objects.requireNonNull(user, "user");
    }

    /**
     * {@return the step's progress reports, then {@link WorkflowSignal.Done} with its result; the step starts on subscription, and cancelling the subscription cancels it}
     *
     * @param work starts the core step, which reports to this relay
     * @param <T>  the step's result type
     */
    public <T> Flux<WorkflowSignal<T>> run(Supplier<CompletableFuture<T>> work) {
        return Flux.create(sink -> start(sink, work), FluxSink.OverflowStrategy.BUFFER);
    }

    private <T> void start(FluxSink<WorkflowSignal<T>> sink, Supplier<CompletableFuture<T>> work) {
        target = p -> sink.next(new WorkflowSignal.Progress<>(p));
        CompletableFuture<T> running;
        try {
            running = work.get();
        } catch (RuntimeException e) {
            target = null;
            sink.error(e);
            return;
        }
        sink.onCancel(() -> running.cancel(true));
        Calls.onCompletion(running, (result, error) -> {
            target = null;
            if (error != null) {
                sink.error(Calls.unwrap(error));
            } else {
                sink.next(new WorkflowSignal.Done<>(result));
                sink.complete();
            }
        });
    }

    @Override
    public void onProgress(WorkflowProgress progress) {
        try {
            user.onProgress(progress);
        } finally {
            Consumer<WorkflowProgress> step = target;
            if (step != null) {
                step.accept(progress);
            }
        }
    }

    @Override
    public void onUploaded(String sessionId, UploadResult upload) {
        user.onUploaded(sessionId, upload);
    }

    @Override
    public void onInstruction(String sessionId, String instruction) {
        user.onInstruction(sessionId, instruction);
    }

    @Override
    public void onChatEvent(ChatEvent event) {
        user.onChatEvent(event);
    }

    @Override
    public void onChatEnded(ChatResult soFar) {
        user.onChatEnded(soFar);
    }

    @Override
    public void onRenderSubmitted(ExportJob job) {
        user.onRenderSubmitted(job);
    }

    @Override
    public void onExportProgress(ExportJob job) {
        user.onExportProgress(job);
    }

    @Override
    public void onNote(String note) {
        user.onNote(note);
    }
}
