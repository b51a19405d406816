package dev.nemo.sdk.reactive;

import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.reactive.internal.Calls;
import dev.nemo.sdk.upload.UploadResult;
import dev.nemo.sdk.workflow.BatchEdit;
import dev.nemo.sdk.workflow.BatchResult;
import dev.nemo.sdk.workflow.QuickEdit;
import dev.nemo.sdk.workflow.QuickEditResult;
import dev.nemo.sdk.workflow.WorkflowListener;
import dev.nemo.sdk.workflow.WorkflowProgress;
import dev.nemo.sdk.workflow.WorkflowsApi;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * The seed's workflows ({@code client.workflows()}) as Reactor types, over the same core
 * implementation. Nothing runs until subscription; cancelling the subscription stops the step in
 * flight (upload, chat stream, polling or download). Each subscription runs the workflow again, so
 * do not re-subscribe a workflow that sent its chat message unless you mean to send it again.
 */
public final class ReactiveWorkflowsApi {
    private final WorkflowsApi workflows;

    ReactiveWorkflowsApi(WorkflowsApi workflows) {
        this.workflows = workflows;
    }

    /**
     * {@return the result}
     *
     * @param edit the quick edit; its own listener still hears everything
     */
    public Mono<QuickEditResult> quickEdit(QuickEdit edit) {
        return Calls.future(() -> workflows.quickEditAsync(edit));
    }

    /**
     * {@return its progress reports, then {@link WorkflowSignal.Done} with the result}
     *
     * @param edit the quick edit; its own listener still hears everything
     */
    public Flux<WorkflowSignal<QuickEditResult>> quickEditWithProgress(QuickEdit edit) {
        return Flux.create(sink -> run(sink, workflows.quickEditAsync(edit.toBuilder()
                .listener(forwarding(edit.listener(), sink)).build())), FluxSink.OverflowStrategy.BUFFER);
    }

    /**
     * {@return one result per item}
     *
     * @param batch the batch
     */
    public Mono<BatchResult> batch(BatchEdit batch) {
        return Calls.future(() -> workflows.batchAsync(batch));
    }

    private static <T> void run(FluxSink<WorkflowSignal<T>> sink, CompletableFuture<T> work) {
        sink.onCancel(() -> work.cancel(true));
        Calls.onCompletion(work, (result, error) -> {
            if (error != null) {
                sink.error(Calls.unwrap(error));
            } else {
                sink.next(new WorkflowSignal.Done<>(result));
                sink.complete();
            }
        });
    }

    private static <T> WorkflowListener forwarding(WorkflowListener user, FluxSink<WorkflowSignal<T>> sink) {
        return new WorkflowListener() {
            @Override
            public void onProgress(WorkflowProgress progress) {
                user.onProgress(progress);
                sink.next(new WorkflowSignal.Progress<>(progress));
            }

            @Override
            public void onUploaded(String sessionId, UploadResult upload) {
                user.onUploaded(sessionId, upload);
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
        };
    }
}
