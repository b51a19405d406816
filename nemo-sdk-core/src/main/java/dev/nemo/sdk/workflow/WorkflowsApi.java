package dev.nemo.sdk.workflow;

import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.upload.MediaSource;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The seed's workflows, from {@code client.workflows()}, built only on the public API of the
 * client. Each has a blocking form and a {@code CompletableFuture} form; cancelling the future stops
 * the step in flight (an upload, the chat stream, the polling or the download). A chat message and
 * an export are never sent twice: a session is replaced only when it is gone before the message was
 * sent.
 */
public interface WorkflowsApi {

    /**
     * Runs a quick edit and waits for the downloaded file.
     *
     * @param edit what to edit, how, and where the result goes
     * @return what was done
     * @throws dev.nemo.sdk.error.AgentErrorException when the agent answered with an error (nothing is exported)
     * @throws dev.nemo.sdk.error.NemoException       the typed error of the step that failed
     */
    QuickEditResult quickEdit(QuickEdit edit);

    /**
     * Asynchronous {@link #quickEdit(QuickEdit)}.
     *
     * @param edit what to edit, how, and where the result goes
     * @return the result; cancel it to stop the step in flight
     */
    CompletableFuture<QuickEditResult> quickEditAsync(QuickEdit edit);

    /**
     * Runs a batch: every file uploaded into one session, then each processed with its own
     * instruction and rendered on its own. A failing item does not stop the others unless
     * {@link BatchEdit.Builder#stopOnFailure(boolean)} asks for it.
     *
     * @param batch the files, their instructions and outputs
     * @return one result per item, in order
     */
    BatchResult batch(BatchEdit batch);

    /**
     * Asynchronous {@link #batch(BatchEdit)}.
     *
     * @param batch the files, their instructions and outputs
     * @return the results; cancel it to stop the step in flight
     */
    CompletableFuture<BatchResult> batchAsync(BatchEdit batch);

    /**
     * Starts an iterative edit: a new session holding {@code files}, in the language of
     * {@code firstWords} (or the JVM's when {@code null}).
     *
     * @param files      the media to work on
     * @param firstWords the user's first instruction, to pick the session language, or {@code null}
     * @param options    chat options for every instruction (watchdogs, settle schedule); their
     *                   {@link ChatOptions#request()} is the request options of every call of the
     *                   conversation, as {@link QuickEdit.Builder#request} describes
     * @param listener   follows every step of the conversation
     * @return the conversation
     */
    Conversation startConversation(List<MediaSource> files, @Nullable String firstWords, ChatOptions options,
                                   WorkflowListener listener);

    /**
     * Asynchronous {@link #startConversation}.
     *
     * @param files      the media to work on
     * @param firstWords the user's first instruction, to pick the session language, or {@code null}
     * @param options    chat options for every instruction; their {@link ChatOptions#request()} is the
     *                   request options of every call of the conversation
     * @param listener   follows every step of the conversation
     * @return the conversation once its media is uploaded; cancel it to stop the step in flight
     */
    CompletableFuture<Conversation> startConversationAsync(List<MediaSource> files, @Nullable String firstWords,
                                                           ChatOptions options, WorkflowListener listener);

    /**
     * Asynchronous {@link #resumeConversation}.
     *
     * @param sessionId the session
     * @param options   chat options for every instruction; their {@link ChatOptions#request()} is the
     *                  request options of every call of the conversation
     * @param listener  follows every step of the conversation
     * @return the conversation once the session's state is read
     */
    CompletableFuture<Conversation> resumeConversationAsync(String sessionId, ChatOptions options,
                                                            WorkflowListener listener);

    /**
     * Continues an iterative edit in an existing session.
     *
     * @param sessionId the session
     * @param options   chat options for every instruction; their {@link ChatOptions#request()} is the
     *                  request options of every call of the conversation
     * @param listener  follows every step of the conversation
     * @return the conversation, holding the session's current state
     */
    Conversation resumeConversation(String sessionId, ChatOptions options, WorkflowListener listener);

    /**
     * Finishes an export another process submitted: polls the saved render id (never submits again)
     * and downloads the result.
     *
     * @param renderId the id handed out by {@link WorkflowListener#onRenderSubmitted}
     * @param output   where to save the result (a file, or an existing directory)
     * @param options  polling of the export; its {@link ExportOptions#request()} is the request options
     *                 of every poll (under the polling's own) and of the download
     * @param listener follows the polls and the download
     * @return the downloaded file
     */
    DownloadResult resumeExport(String renderId, Path output, ExportOptions options, WorkflowListener listener);
}
