package dev.nemo.sdk.workflow;

import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportJob;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a batch did, one result per item, in order.
 *
 * @param sessionId the session holding every file
 * @param items     the results
 * @param notes     what the user should know
 */
public record BatchResult(String sessionId, List<ItemResult> items, List<String> notes) {

    /**
     * Checks and copies the values.
     *
     * @param sessionId the session holding every file
     * @param items     the results
     * @param notes     what the user should know
     */
    public BatchResult {
        Objects.requireNonNull(sessionId, "sessionId");
        items = List.copyOf(items);
        notes = List.copyOf(notes);
    }

    /** {@return how many items were rendered and downloaded} */
    public long succeeded() {
        return items.stream().filter(ItemResult::succeeded).count();
    }

    /**
     * One item's outcome: its render and file, or the typed error that stopped it, or neither when
     * an earlier failure stopped the batch ({@link BatchEdit#stopOnFailure()}).
     *
     * @param item     the item
     * @param chat     the agent's answer to its instruction, when it was sent
     * @param job      its finished render, when it got that far
     * @param download its downloaded file, on success
     * @param failure  why it failed, when it did
     */
    public record ItemResult(
            BatchEdit.Item item,
            Optional<ChatResult> chat,
            Optional<ExportJob> job,
            Optional<DownloadResult> download,
            Optional<NemoException> failure) {

        /**
         * Checks the values.
         *
         * @param item     the item
         * @param chat     the agent's answer to its instruction, when it was sent
         * @param job      its finished render, when it got that far
         * @param download its downloaded file, on success
         * @param failure  why it failed, when it did
         */
        public ItemResult {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(download, "download");
            Objects.requireNonNull(failure, "failure");
        }

        /** {@return whether the item was rendered and downloaded} */
        public boolean succeeded() {
            return download.isPresent();
        }
    }
}
