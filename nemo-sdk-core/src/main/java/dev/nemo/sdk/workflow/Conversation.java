package dev.nemo.sdk.workflow;

import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.state.SessionState;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * An iterative edit, as the seed describes it: one session, several instructions, each applied on
 * top of the last, with a render whenever the user wants to see the result. The conversation keeps
 * the session and its last settled state. Instances are safe for use by one thread at a time.
 */
public interface Conversation {

    /** {@return the session} */
    String sessionId();

    /** {@return the session state after the last instruction had settled (or when the conversation began)} */
    SessionState state();

    /**
     * Sends one instruction and waits until its change is visible in the session state.
     *
     * @param instruction what to change, in words
     * @return the agent's answer, with {@link ChatResult#stateChange()} saying what changed
     * @throws dev.nemo.sdk.error.AgentErrorException when the agent answered with an error
     */
    ChatResult say(String instruction);

    /**
     * Asynchronous {@link #say(String)}.
     *
     * @param instruction what to change, in words
     * @return the answer; cancel it to close the stream
     */
    CompletableFuture<ChatResult> sayAsync(String instruction);

    /**
     * Renders the current draft and downloads it.
     *
     * @param output  where to save the result (a file, or an existing directory)
     * @param options format, quality and polling
     * @return the downloaded file
     */
    DownloadResult export(Path output, ExportOptions options);

    /**
     * Asynchronous {@link #export(Path, ExportOptions)}.
     *
     * @param output  where to save the result
     * @param options format, quality and polling
     * @return the downloaded file; cancel it to stop polling or downloading
     */
    CompletableFuture<DownloadResult> exportAsync(Path output, ExportOptions options);
}
