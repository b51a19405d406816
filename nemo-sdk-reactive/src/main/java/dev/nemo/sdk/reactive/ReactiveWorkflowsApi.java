package dev.nemo.sdk.reactive;

import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.reactive.internal.Calls;
import dev.nemo.sdk.reactive.internal.ProgressRelay;
import dev.nemo.sdk.upload.MediaSource;
import dev.nemo.sdk.workflow.BatchEdit;
import dev.nemo.sdk.workflow.BatchResult;
import dev.nemo.sdk.workflow.QuickEdit;
import dev.nemo.sdk.workflow.QuickEditResult;
import dev.nemo.sdk.workflow.WorkflowListener;
import dev.nemo.sdk.workflow.WorkflowsApi;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
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
     * Runs a quick edit.
     *
     * @param edit the quick edit; its own listener still hears everything
     * @return the result
     */
    public Mono<QuickEditResult> quickEdit(QuickEdit edit) {
        return Calls.future(() -> workflows.quickEditAsync(edit));
    }

    /**
     * Runs a quick edit with its progress.
     *
     * @param edit the quick edit; its own listener still hears everything
     * @return its progress reports, then {@link WorkflowSignal.Done} with the result
     */
    public Flux<WorkflowSignal<QuickEditResult>> quickEditWithProgress(QuickEdit edit) {
        ProgressRelay relay = new ProgressRelay(edit.listener());
        return relay.run(() -> workflows.quickEditAsync(edit.toBuilder().listener(relay).build()));
    }

    /**
     * Runs a batch.
     *
     * @param batch the batch
     * @return one result per item
     */
    public Mono<BatchResult> batch(BatchEdit batch) {
        return Calls.future(() -> workflows.batchAsync(batch));
    }

    /**
     * Starts an iterative edit: a new session holding {@code files}, in the language of
     * {@code firstWords} (or the JVM's when {@code null}).
     *
     * @param files      the media to work on
     * @param firstWords the user's first instruction, to pick the session language, or {@code null}
     * @param options    chat options for every instruction (watchdogs, settle schedule)
     * @return the conversation once the media is uploaded
     */
    public Mono<ReactiveConversation> startConversation(List<MediaSource> files, @Nullable String firstWords,
                                                        ChatOptions options) {
        return startConversation(files, firstWords, options, WorkflowListener.none());
    }

    /**
     * Starts an iterative edit, with a listener that hears every step of the conversation.
     *
     * @param files      the media to work on
     * @param firstWords the user's first instruction, to pick the session language, or {@code null}
     * @param options    chat options for every instruction
     * @param listener   follows every step
     * @return the conversation once the media is uploaded
     */
    public Mono<ReactiveConversation> startConversation(List<MediaSource> files, @Nullable String firstWords,
                                                        ChatOptions options, WorkflowListener listener) {
        List<MediaSource> copy = List.copyOf(files);
        Objects.requireNonNull(options, "options");
        return Mono.defer(() -> {
            ProgressRelay relay = new ProgressRelay(listener);
            return Calls.future(() -> workflows.startConversationAsync(copy, firstWords, options, relay))
                    .map(c -> new ReactiveConversation(c, relay));
        });
    }

    /**
     * Continues an iterative edit in an existing session.
     *
     * @param sessionId the session
     * @param options   chat options for every instruction
     * @param listener  follows every step
     * @return the conversation, holding the session's current state
     */
    public Mono<ReactiveConversation> resumeConversation(String sessionId, ChatOptions options,
                                                         WorkflowListener listener) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(options, "options");
        return Mono.defer(() -> {
            ProgressRelay relay = new ProgressRelay(listener);
            return Calls.future(() -> workflows.resumeConversationAsync(sessionId, options, relay))
                    .map(c -> new ReactiveConversation(c, relay));
        });
    }
}
