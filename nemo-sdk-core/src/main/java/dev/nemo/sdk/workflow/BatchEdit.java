package dev.nemo.sdk.workflow;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.upload.MediaSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A batch, as the seed describes it: several files uploaded into one session, each processed with
 * its own instruction and rendered on its own. Immutable.
 *
 * <pre>{@code
 * BatchResult r = client.workflows().batch(BatchEdit.builder()
 *         .item(Path.of("a.gif"), "compress a.gif to under 500KB", Path.of("out/a.mp4"))
 *         .item(Path.of("b.gif"), "make b.gif black and white", Path.of("out/b.mp4"))
 *         .build());
 * }</pre>
 */
public final class BatchEdit {
    private final List<Item> items;
    private final @Nullable ExportOptions exportOptions;
    private final ChatOptions chatOptions;
    private final @Nullable String language;
    private final boolean stopOnFailure;
    private final WorkflowListener listener;
    private final RequestOptions request;

    private BatchEdit(Builder b) {
        if (b.items.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one item");
        }
        this.items = List.copyOf(b.items);
        this.exportOptions = b.exportOptions;
        this.chatOptions = b.chatOptions;
        this.language = b.language;
        this.stopOnFailure = b.stopOnFailure;
        this.listener = b.listener;
        this.request = b.request;
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One file of a batch.
     *
     * @param input       the media
     * @param instruction what to do with it, in words (name the file: the session holds them all)
     * @param output      where its result goes (a file, or an existing directory)
     */
    public record Item(MediaSource input, String instruction, Path output) {
        /**
         * Checks the values.
         *
         * @param input       the media
         * @param instruction what to do with it, in words (name the file: the session holds them all)
         * @param output      where its result goes (a file, or an existing directory)
         */
        public Item {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(instruction, "instruction");
            Objects.requireNonNull(output, "output");
            if (instruction.isBlank()) {
                throw new IllegalArgumentException("instruction must not be blank");
            }
        }
    }

    /** {@return the items, in order} */
    public List<Item> items() {
        return items;
    }

    /** {@return the export options of every item, when set; else the format follows each output's extension} */
    public Optional<ExportOptions> exportOptions() {
        return Optional.ofNullable(exportOptions);
    }

    /** {@return the chat options of every instruction} */
    public ChatOptions chatOptions() {
        return chatOptions;
    }

    /** {@return the session language, when set; else detected from the first instruction} */
    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    /** {@return whether the first failing item stops the rest (default: no)} */
    public boolean stopOnFailure() {
        return stopOnFailure;
    }

    /**
     * {@return the request options of every call the workflow makes (see {@link Builder#request(RequestOptions)})}
     */
    public RequestOptions request() {
        return request;
    }

    /** {@return the listener} */
    public WorkflowListener listener() {
        return listener;
    }

    /** Builds a {@link BatchEdit}. */
    public static final class Builder {
        private final List<Item> items = new ArrayList<>();
        private @Nullable ExportOptions exportOptions;
        private ChatOptions chatOptions = ChatOptions.defaults();
        private @Nullable String language;
        private boolean stopOnFailure;
        private WorkflowListener listener = WorkflowListener.none();
        private RequestOptions request = RequestOptions.none();

        private Builder() {
        }

        /**
         * Sets {@code item}.
         *
         * @param input       the file
         * @param instruction what to do with it
         * @param output      where its result goes
         * @return this builder
         */
        public Builder item(Path input, String instruction, Path output) {
            return item(new Item(MediaSource.of(input), instruction, output));
        }

        /**
         * Sets {@code item}.
         *
         * @param item one more file
         * @return this builder
         */
        public Builder item(Item item) {
            items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /**
         * Sets {@code exportOptions}.
         *
         * @param options export options for every item (default: format from each output's extension)
         * @return this builder
         */
        public Builder exportOptions(ExportOptions options) {
            this.exportOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets {@code chatOptions}.
         *
         * @param options chat options for every instruction
         * @return this builder
         */
        public Builder chatOptions(ChatOptions options) {
            this.chatOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets {@code language}.
         *
         * @param language the session language; by default detected from the first instruction
         * @return this builder
         */
        public Builder language(String language) {
            this.language = Objects.requireNonNull(language, "language");
            return this;
        }

        /**
         * Sets {@code stopOnFailure}.
         *
         * @param stop whether the first failing item stops the rest
         * @return this builder
         */
        public Builder stopOnFailure(boolean stop) {
            this.stopOnFailure = stop;
            return this;
        }

        /**
         * Sets {@code listener}.
         *
         * @param listener follows the batch
         * @return this builder
         */
        public Builder listener(WorkflowListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The request options of every call the workflow makes: the session's creation, the
         * upload, the chat, each read of the session state, the export's submission, each poll and
         * the download. Each call takes the timeout (its own deadline), the attempt timeout, the
         * retry policy and the extra headers from here, unless its own options ({@link
         * #chatOptions(ChatOptions)}, {@link #exportOptions(ExportOptions)} and their polling)
         * set that value; extra headers add up, a call's own winning on the same name. A chat
         * message is still never sent twice, and a download sends neither these headers nor the
         * credentials to a CDN (see {@code ExportsApi.download}). Default {@link RequestOptions#none()}.
         *
         * @param request the request options
         * @return this builder
         */
        public Builder request(RequestOptions request) {
            this.request = Objects.requireNonNull(request, "request");
            return this;
        }

        /** {@return the batch} */
        public BatchEdit build() {
            return new BatchEdit(this);
        }
    }
}
