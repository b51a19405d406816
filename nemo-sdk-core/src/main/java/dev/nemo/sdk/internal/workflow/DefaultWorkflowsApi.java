package dev.nemo.sdk.internal.workflow;

import dev.nemo.sdk.Sleeper;
import dev.nemo.sdk.chat.ChatApi;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.error.DraftNotExportableException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportFormat;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.export.ExportsApi;
import dev.nemo.sdk.internal.chat.StateCheck;
import dev.nemo.sdk.internal.session.ScriptLanguage;
import dev.nemo.sdk.internal.util.Futures;
import dev.nemo.sdk.session.SessionsApi;
import dev.nemo.sdk.state.SessionState;
import dev.nemo.sdk.state.StateApi;
import dev.nemo.sdk.upload.MediaSource;
import dev.nemo.sdk.upload.UploadedFile;
import dev.nemo.sdk.upload.UploadsApi;
import dev.nemo.sdk.workflow.BatchEdit;
import dev.nemo.sdk.workflow.BatchResult;
import dev.nemo.sdk.workflow.Conversation;
import dev.nemo.sdk.workflow.QuickEdit;
import dev.nemo.sdk.workflow.QuickEditResult;
import dev.nemo.sdk.workflow.WorkflowListener;
import dev.nemo.sdk.workflow.WorkflowsApi;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** {@code client.workflows()}: the seed's workflows composed from the client's public API. */
public final class DefaultWorkflowsApi implements WorkflowsApi {
    private final WorkflowSteps steps;
    private final Clock clock;

    /**
     * Creates it from its parts.
     *
     * @param sessions sessions API
     * @param uploads  uploads API
     * @param chat     chat API
     * @param state    state API
     * @param exports  exports API
     * @param sleeper  waits between state reads
     * @param clock    measures elapsed time
     */
    public DefaultWorkflowsApi(SessionsApi sessions, UploadsApi uploads, ChatApi chat, StateApi state,
                               ExportsApi exports, Sleeper sleeper, Clock clock) {
        this.steps = new WorkflowSteps(sessions, uploads, chat, state, exports, new StateCheck(state, sleeper));
        this.clock = clock;
    }

    @Override
    public QuickEditResult quickEdit(QuickEdit edit) {
        return Futures.await(quickEditAsync(edit));
    }

    @Override
    public CompletableFuture<QuickEditResult> quickEditAsync(QuickEdit edit) {
        Objects.requireNonNull(edit, "edit");
        WorkflowRun run = new WorkflowRun(edit.listener(), edit.request(), clock);
        String language = edit.language().orElseGet(() -> ScriptLanguage.detectOrDefault(edit.instruction()));
        String inputName = edit.inputs().get(0).fileName();
        return cancellable(run, steps.place(run, language, edit.inputs())
                .thenCompose(placed -> steps.instruct(run, placed.sessionId(), placed.before(), edit.instruction(),
                                edit.chatOptions(), WorkflowSteps.Next.EXPORT)
                        .thenCompose(done -> steps.export(run, placed.sessionId(), draftOf(done.after()),
                                        edit.exportOptions(), Outputs.target(edit.output(), inputName,
                                                edit.exportOptions().format()))
                                .thenApply(exported -> new QuickEditResult(placed.sessionId(), placed.upload(),
                                        done.chat(), done.change(), exported.job(), exported.download(), run.notes(),
                                        run.elapsed())))));
    }

    @Override
    public BatchResult batch(BatchEdit batch) {
        return Futures.await(batchAsync(batch));
    }

    @Override
    public CompletableFuture<BatchResult> batchAsync(BatchEdit batch) {
        Objects.requireNonNull(batch, "batch");
        WorkflowRun run = new WorkflowRun(batch.listener(), batch.request(), clock);
        String language = batch.language()
                .orElseGet(() -> ScriptLanguage.detectOrDefault(batch.items().get(0).instruction()));
        List<MediaSource> inputs = batch.items().stream().map(BatchEdit.Item::input).toList();
        return cancellable(run, steps.place(run, language, inputs)
                .thenCompose(placed -> new BatchRun(steps, run, batch, placed).start()));
    }

    @Override
    public Conversation startConversation(List<MediaSource> files, @Nullable String firstWords, ChatOptions options,
                                          WorkflowListener listener) {
        return Futures.await(startConversationAsync(files, firstWords, options, listener));
    }

    @Override
    public CompletableFuture<Conversation> startConversationAsync(List<MediaSource> files, @Nullable String firstWords,
                                                                  ChatOptions options, WorkflowListener listener) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        WorkflowRun run = new WorkflowRun(listener, options.request(), clock);
        return cancellable(run, steps.place(run, ScriptLanguage.detectOrDefault(firstWords), List.copyOf(files))
                .thenApply(placed -> new DefaultConversation(steps, placed.sessionId(), placed.before(), options,
                        listener, clock)));
    }

    @Override
    public Conversation resumeConversation(String sessionId, ChatOptions options, WorkflowListener listener) {
        return Futures.await(resumeConversationAsync(sessionId, options, listener));
    }

    @Override
    public CompletableFuture<Conversation> resumeConversationAsync(String sessionId, ChatOptions options,
                                                                   WorkflowListener listener) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        WorkflowRun run = new WorkflowRun(listener, options.request(), clock);
        return cancellable(run, steps.read(run, sessionId)
                .thenApply(now -> new DefaultConversation(steps, sessionId, now, options, listener, clock)));
    }

    @Override
    public DownloadResult resumeExport(String renderId, Path output, ExportOptions options,
                                       WorkflowListener listener) {
        WorkflowRun run = new WorkflowRun(listener, options.request(), clock);
        return Futures.await(cancellable(run, steps.follow(run, renderId, options,
                Outputs.target(output, renderId, options.format())).thenApply(WorkflowSteps.Exported::download)));
    }

    static Draft draftOf(SessionState state) {
        return state.draft().orElseThrow(() -> new DraftNotExportableException(
                "The session has no draft to export: the agent has not built a timeline yet"));
    }

    static ExportOptions optionsFor(Optional<ExportOptions> shared, Path output) {
        return shared.orElseGet(() -> ExportOptions.builder().format(QuickEdit.formatFor(output)).build());
    }

    /** Cancelling the returned future cancels the step in flight; failures come out unwrapped. */
    static <T> CompletableFuture<T> cancellable(WorkflowRun run, CompletableFuture<T> work) {
        CompletableFuture<T> out = new CompletableFuture<>();
        Futures.onCompletion(out, (v, e) -> {
            if (out.isCancelled()) {
                run.cancel();
            }
        });
        Futures.onCompletion(work, (v, e) -> {
            if (e == null) {
                out.complete(v);
            } else {
                out.completeExceptionally(Futures.unwrap(e));
            }
        });
        return out;
    }

    /** The items of a batch, one after the other. */
    private static final class BatchRun {
        private final WorkflowSteps steps;
        private final WorkflowRun run;
        private final BatchEdit batch;
        private final WorkflowSteps.Placed placed;
        private final List<BatchResult.ItemResult> results = new ArrayList<>();
        private SessionState current;

        BatchRun(WorkflowSteps steps, WorkflowRun run, BatchEdit batch, WorkflowSteps.Placed placed) {
            this.steps = steps;
            this.run = run;
            this.batch = batch;
            this.placed = placed;
            this.current = placed.before();
        }

        CompletableFuture<BatchResult> start() {
            return item(0).thenApply(v -> new BatchResult(placed.sessionId(), results, run.notes()));
        }

        private CompletableFuture<Void> item(int i) {
            if (i == batch.items().size()) {
                return CompletableFuture.completedFuture(null);
            }
            BatchEdit.Item item = batch.items().get(i);
            ExportOptions options = optionsFor(batch.exportOptions(), item.output());
            return Futures.handleCompose(steps.instruct(run, placed.sessionId(), current, item.instruction(),
                            batch.chatOptions(), WorkflowSteps.Next.EXPORT)
                    .thenCompose(done -> {
                        current = done.after();
                        Draft draft = narrowed(draftOf(done.after()), i, item);
                        return steps.export(run, placed.sessionId(), draft, options,
                                        Outputs.target(item.output(), item.input().fileName(), options.format()))
                                .thenApply(exported -> new BatchResult.ItemResult(item, Optional.of(done.chat()),
                                        Optional.of(exported.job()), Optional.of(exported.download()),
                                        Optional.empty()));
                    }), (result, error) -> {
                        if (error == null) {
                            results.add(Objects.requireNonNull(result, "result"));
                            return item(i + 1);
                        }
                        Throwable cause = Futures.unwrap(error);
                        if (cause instanceof CancellationException || run.isCancelled()) {
                            return CompletableFuture.<Void>failedFuture(cause);
                        }
                        NemoException failure = StateCheck.nemo(cause);
                        results.add(new BatchResult.ItemResult(item, Optional.empty(), Optional.empty(),
                                Optional.empty(), Optional.of(failure)));
                        run.note(item.input().fileName() + " failed: " + failure.getMessage());
                        return batch.stopOnFailure() ? skipRest(i + 1) : item(i + 1);
                    });
        }

        private Draft narrowed(Draft draft, int i, BatchEdit.Item item) {
            List<UploadedFile> files = placed.upload().files();
            Optional<Draft> only = i < files.size() ? ClipNarrowing.onlyClipOf(draft, files.get(i)) : Optional.empty();
            if (only.isEmpty()) {
                run.note("Could not find " + item.input().fileName() + " alone on the timeline; its render holds the "
                        + "whole timeline");
            }
            return only.orElse(draft);
        }

        private CompletableFuture<Void> skipRest(int from) {
            for (int j = from; j < batch.items().size(); j++) {
                results.add(new BatchResult.ItemResult(batch.items().get(j), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()));
            }
            return CompletableFuture.completedFuture(null);
        }
    }
}
