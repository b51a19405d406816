package dev.nemo.sdk.workflow;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.export.ExportFormat;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.upload.MediaSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One quick edit, the seed's main workflow: a new session, the upload, one instruction to the
 * agent, the session state read until the agent's change is visible, an export of that draft, the
 * render followed to the end, and the download. Immutable.
 *
 * <pre>{@code
 * QuickEditResult r = client.workflows().quickEdit(
 *         QuickEdit.builder(Path.of("party.gif"), "compress this GIF to under 500KB", Path.of("party.mp4"))
 *                 .listener(progressPrinter)
 *                 .build());
 * }</pre>
 */
public final class QuickEdit {
    private final List<MediaSource> inputs;
    private final String instruction;
    private final Path output;
    private final ExportOptions exportOptions;
    private final ChatOptions chatOptions;
    private final @Nullable String language;
    private final WorkflowListener listener;
    private final RequestOptions request;

    private QuickEdit(Builder b) {
        this.inputs = List.copyOf(b.inputs);
        this.instruction = b.instruction;
        this.output = b.output;
        this.exportOptions = b.exportOptions != null ? b.exportOptions
                : ExportOptions.builder().format(formatFor(b.output)).build();
        this.chatOptions = b.chatOptions;
        this.language = b.language;
        this.listener = b.listener;
        this.request = b.request;
    }

    /**
     * {@return a builder}
     *
     * @param input       the GIF, MP4, WebM or APNG to edit
     * @param instruction what to do, in words
     * @param output      where to save the result: a file, or an existing directory (the file is
     *                    then named after the input)
     */
    public static Builder builder(Path input, String instruction, Path output) {
        return builder(MediaSource.of(input), instruction, output);
    }

    /**
     * {@return a builder}
     *
     * @param input       what to upload (a file, a stream, a resource)
     * @param instruction what to do, in words
     * @param output      where to save the result: a file, or an existing directory
     */
    public static Builder builder(MediaSource input, String instruction, Path output) {
        return new Builder(List.of(Objects.requireNonNull(input, "input")), instruction, output);
    }

    /**
     * The export format an output file name asks for: {@code .gif} is a GIF, anything else an MP4.
     *
     * @param output the output path
     * @return the format
     */
    public static ExportFormat formatFor(Path output) {
        Path name = output.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".gif") ? ExportFormat.GIF
                : ExportFormat.MP4;
    }

    /** {@return a builder holding this quick edit's settings, to change some of them} */
    public Builder toBuilder() {
        Builder b = new Builder(inputs, instruction, output);
        b.exportOptions = exportOptions;
        b.chatOptions = chatOptions;
        b.language = language;
        b.listener = listener;
        b.request = request;
        return b;
    }

    /** {@return the media to upload, in order} */
    public List<MediaSource> inputs() {
        return inputs;
    }

    /** {@return the instruction for the agent} */
    public String instruction() {
        return instruction;
    }

    /** {@return where the result goes (a file, or an existing directory)} */
    public Path output() {
        return output;
    }

    /** {@return the export options: format (from the output's extension unless set), quality, polling} */
    public ExportOptions exportOptions() {
        return exportOptions;
    }

    /** {@return the chat options: watchdogs and the settle schedule} */
    public ChatOptions chatOptions() {
        return chatOptions;
    }

    /** {@return the session language, when set; else it is detected from the instruction} */
    public Optional<String> language() {
        return Optional.ofNullable(language);
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

    /** Builds a {@link QuickEdit}. */
    public static final class Builder {
        private final List<MediaSource> inputs;
        private final String instruction;
        private final Path output;
        private @Nullable ExportOptions exportOptions;
        private ChatOptions chatOptions = ChatOptions.defaults();
        private @Nullable String language;
        private WorkflowListener listener = WorkflowListener.none();
        private RequestOptions request = RequestOptions.none();

        private Builder(List<MediaSource> inputs, String instruction, Path output) {
            this.inputs = inputs;
            this.instruction = Objects.requireNonNull(instruction, "instruction");
            if (instruction.isBlank()) {
                throw new IllegalArgumentException("instruction must not be blank");
            }
            this.output = Objects.requireNonNull(output, "output");
        }

        /**
         * Sets {@code exportOptions}.
         *
         * @param options format, quality, resolution and polling of the export (default: the format
         *                the output's extension names, the contract's defaults otherwise)
         * @return this builder
         */
        public Builder exportOptions(ExportOptions options) {
            this.exportOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets {@code chatOptions}.
         *
         * @param options watchdogs and the settle schedule of the chat
         * @return this builder
         */
        public Builder chatOptions(ChatOptions options) {
            this.chatOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets {@code language}.
         *
         * @param language the session language (for example {@code "en"}, {@code "zh"}); by default it
         *                 is detected from the instruction's script
         * @return this builder
         */
        public Builder language(String language) {
            this.language = Objects.requireNonNull(language, "language");
            return this;
        }

        /**
         * Sets {@code listener}.
         *
         * @param listener follows the workflow
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

        /** {@return the quick edit} */
        public QuickEdit build() {
            return new QuickEdit(this);
        }
    }
}
