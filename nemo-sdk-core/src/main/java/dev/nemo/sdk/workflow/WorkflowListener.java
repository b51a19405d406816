package dev.nemo.sdk.workflow;

import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.upload.UploadResult;

/**
 * Follows a workflow. Every method has an empty default, so an implementation overrides what it
 * shows. Calls come from the thread doing the work, one at a time; an exception thrown here is
 * logged and does not stop the workflow.
 */
public interface WorkflowListener {

    /** {@return a listener that ignores everything} */
    static WorkflowListener none() {
        return new WorkflowListener() {};
    }

    /**
     * Each step and each poll of the workflow.
     *
     * @param progress where the workflow is
     */
    default void onProgress(WorkflowProgress progress) {}

    /**
     * The media is in the session (called again if the session had to be replaced before the
     * instruction was sent).
     *
     * @param sessionId the session
     * @param upload    what the server stored
     */
    default void onUploaded(String sessionId, UploadResult upload) {}

    /**
     * An instruction is about to be sent to the agent (once per instruction: a batch calls this
     * for each item), so an app can show what the user asked next to the agent's answer.
     *
     * @param sessionId   the session
     * @param instruction the user's words
     */
    default void onInstruction(String sessionId, String instruction) {}

    /**
     * The agent's events as they stream (text, tool calls, errors).
     *
     * @param event the next event
     */
    default void onChatEvent(ChatEvent event) {}

    /**
     * The chat stream ended: its text so far ({@link ChatResult#textIsComplete()} says whether the
     * stream was cut). The message is never re-sent.
     *
     * @param soFar the result before the state checks
     */
    default void onChatEnded(ChatResult soFar) {}

    /**
     * The render was submitted. Save {@link ExportJob#renderId()} to resume the export from another
     * process with {@link WorkflowsApi#resumeExport}.
     *
     * @param job the submitted render
     */
    default void onRenderSubmitted(ExportJob job) {}

    /**
     * Each poll of the render (also reported as {@link WorkflowPhase#EXPORT} progress).
     *
     * @param job the render's latest status
     */
    default void onExportProgress(ExportJob job) {}

    /**
     * Something the user should know that is not an error, for example "the instruction made no
     * visible change; exporting the draft as it was".
     *
     * @param note the note, in words
     */
    default void onNote(String note) {}
}
