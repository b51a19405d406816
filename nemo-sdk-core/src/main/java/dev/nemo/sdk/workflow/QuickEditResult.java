package dev.nemo.sdk.workflow;

import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.state.StateDiff;
import dev.nemo.sdk.upload.UploadResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a quick edit did.
 *
 * @param sessionId the session it used (a new one replaces a session that was gone before the
 *                  message was sent)
 * @param upload    the uploaded files
 * @param chat      the agent's answer, with the state change it made
 * @param change    what changed in the draft and media; empty when the agent's change never became
 *                  visible in the state (then the draft was exported as it was, and a note says so)
 * @param job       the finished render
 * @param download  the downloaded file
 * @param notes     what the user should know (also given to {@link WorkflowListener#onNote})
 * @param elapsed   how long the whole workflow took
 */
public record QuickEditResult(
        String sessionId,
        UploadResult upload,
        ChatResult chat,
        StateDiff change,
        ExportJob job,
        DownloadResult download,
        List<String> notes,
        Duration elapsed) {

    /**
     * Checks and copies the values.
     *
     * @param sessionId the session it used (a new one replaces a session that was gone before the
     *                  message was sent)
     * @param upload    the uploaded files
     * @param chat      the agent's answer, with the state change it made
     * @param change    what changed in the draft and media; empty when the agent's change never became
     *                  visible in the state (then the draft was exported as it was, and a note says so)
     * @param job       the finished render
     * @param download  the downloaded file
     * @param notes     what the user should know (also given to {@link WorkflowListener#onNote})
     * @param elapsed   how long the whole workflow took
     */
    public QuickEditResult {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(download, "download");
        notes = List.copyOf(notes);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** {@return whether the instruction visibly changed the session before the export} */
    public boolean changed() {
        return !change.isEmpty();
    }
}
