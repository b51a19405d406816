package dev.nemo.sdk.internal.workflow;

import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.internal.util.Futures;
import dev.nemo.sdk.state.SessionState;
import dev.nemo.sdk.workflow.Conversation;
import dev.nemo.sdk.workflow.WorkflowListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/** An iterative edit: the session and its last settled state, kept across instructions. */
final class DefaultConversation implements Conversation {
    private final WorkflowSteps steps;
    private final String sessionId;
    private final ChatOptions options;
    private final WorkflowListener listener;
    private final Clock clock;
    private volatile SessionState state;

    DefaultConversation(WorkflowSteps steps, String sessionId, SessionState state, ChatOptions options,
                        WorkflowListener listener, Clock clock) {
        this.steps = steps;
        this.sessionId = sessionId;
        this.state = state;
        this.options = options;
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public SessionState refresh() {
        return Futures.await(refreshAsync());
    }

    @Override
    public CompletableFuture<SessionState> refreshAsync() {
        WorkflowRun run = new WorkflowRun(listener, this.options.request(), clock);
        return DefaultWorkflowsApi.cancellable(run, steps.read(run, sessionId).thenApply(now -> {
            state = now;
            return now;
        }));
    }

    @Override
    public ChatResult say(String instruction) {
        return Futures.await(sayAsync(instruction));
    }

    @Override
    public CompletableFuture<ChatResult> sayAsync(String instruction) {
        WorkflowRun run = new WorkflowRun(listener, this.options.request(), clock);
        return DefaultWorkflowsApi.cancellable(run, steps.instruct(run, sessionId, state, instruction, options,
                WorkflowSteps.Next.CONVERSATION)
                .thenApply(done -> {
                    state = done.after();
                    return done.chat();
                }));
    }

    @Override
    public DownloadResult export(Path output, ExportOptions options) {
        return Futures.await(exportAsync(output, options));
    }

    @Override
    public CompletableFuture<DownloadResult> exportAsync(Path output, ExportOptions options) {
        WorkflowRun run = new WorkflowRun(listener, this.options.request(), clock);
        return DefaultWorkflowsApi.cancellable(run, steps.export(run, sessionId, DefaultWorkflowsApi.draftOf(state),
                options, Outputs.namedAfterRender(output, options.format())).thenApply(WorkflowSteps.Exported::download));
    }

    @Override
    public String toString() {
        return "Conversation{session=" + sessionId + '}';
    }
}
