package dev.nemo.sdk.reactive;

import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.reactive.internal.Calls;
import dev.nemo.sdk.reactive.internal.ProgressRelay;
import dev.nemo.sdk.state.SessionState;
import dev.nemo.sdk.workflow.Conversation;
import java.nio.file.Path;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An iterative edit as Reactor types, over core's {@link Conversation} (the same session, the
 * same settled state, the same rules: a message is never sent twice). Each {@code Mono} runs its
 * step once per subscription and sends nothing before it; cancelling it stops the step in flight.
 * Subscribe to one step at a time: the conversation is safe for one step at a time.
 *
 * <pre>{@code
 * reactive.workflows().startConversation(List.of(MediaSource.of(gif)), "compress it", ChatOptions.defaults())
 *         .flatMap(c -> c.send("compress it to under 2 MB")
 *                 .then(c.send("add a title 'Hello'"))
 *                 .then(c.export(Path.of("out.mp4"), ExportOptions.defaults())))
 *         .subscribe(file -> System.out.println("saved " + file.path()));
 * }</pre>
 */
public final class ReactiveConversation {
    private final Conversation conversation;
    private final ProgressRelay relay;

    ReactiveConversation(Conversation conversation, ProgressRelay relay) {
        this.conversation = Objects.requireNonNull(conversation, "conversation");
        this.relay = Objects.requireNonNull(relay, "relay");
    }

    /** {@return the session} */
    public String sessionId() {
        return conversation.sessionId();
    }

    /** {@return the session state after the last instruction had settled (or when the conversation began)} */
    public SessionState state() {
        return conversation.state();
    }

    /**
     * Sends one instruction and waits until its change is visible in the session state.
     *
     * @param instruction what to change, in words
     * @return the agent's answer, with {@link ChatResult#stateChange()} saying what changed; an
     *         {@link dev.nemo.sdk.error.AgentErrorException} when the agent answered with an error
     */
    public Mono<ChatResult> send(String instruction) {
        Objects.requireNonNull(instruction, "instruction");
        return Calls.future(() -> conversation.sayAsync(instruction));
    }

    /**
     * Reads the session state again, after uploads or edits made outside the conversation.
     *
     * @return the state now
     */
    public Mono<SessionState> refresh() {
        return Calls.future(conversation::refreshAsync);
    }

    /**
     * Renders the current draft and downloads it.
     *
     * @param output  where to save the result (a file, or an existing directory)
     * @param options format, quality and polling
     * @return the downloaded file
     */
    public Mono<DownloadResult> export(Path output, ExportOptions options) {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(options, "options");
        return Calls.future(() -> conversation.exportAsync(output, options));
    }

    /**
     * Renders the current draft and downloads it, with its progress.
     *
     * @param output  where to save the result (a file, or an existing directory)
     * @param options format, quality and polling
     * @return the export's progress reports, then {@link WorkflowSignal.Done} with the downloaded file
     */
    public Flux<WorkflowSignal<DownloadResult>> exportWithProgress(Path output, ExportOptions options) {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(options, "options");
        return relay.run(() -> conversation.exportAsync(output, options));
    }

    @Override
    public String toString() {
        return "ReactiveConversation{session=" + conversation.sessionId() + '}';
    }
}
