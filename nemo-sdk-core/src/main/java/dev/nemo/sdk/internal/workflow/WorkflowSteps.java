package dev.nemo.sdk.internal.workflow;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.chat.ChatApi;
import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.error.AgentErrorException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.SessionNotFoundException;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.export.ExportsApi;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.internal.chat.StateCheck;
import dev.nemo.sdk.internal.util.Futures;
import dev.nemo.sdk.session.CreateSessionRequest;
import dev.nemo.sdk.session.SessionsApi;
import dev.nemo.sdk.state.SessionState;
import dev.nemo.sdk.state.StateApi;
import dev.nemo.sdk.state.StateDiff;
import dev.nemo.sdk.upload.MediaSource;
import dev.nemo.sdk.upload.UploadResult;
import dev.nemo.sdk.upload.UploadsApi;
import dev.nemo.sdk.workflow.WorkflowPhase;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The steps every workflow is made of, each a call of the public API: place media in a session,
 * instruct the agent and wait for the change to settle, export and download. The session is
 * replaced (and the media uploaded again) only when it is gone before the message was sent.
 */
final class WorkflowSteps {
    private final SessionsApi sessions;
    private final UploadsApi uploads;
    private final ChatApi chat;
    private final StateApi state;
    private final ExportsApi exports;
    private final StateCheck stateCheck;

    WorkflowSteps(SessionsApi sessions, UploadsApi uploads, ChatApi chat, StateApi state, ExportsApi exports,
                  StateCheck stateCheck) {
        this.sessions = sessions;
        this.uploads = uploads;
        this.chat = chat;
        this.state = state;
        this.exports = exports;
        this.stateCheck = stateCheck;
    }

    /** A session holding the media, and its state before any instruction. */
    record Placed(String sessionId, UploadResult upload, SessionState before) {
    }

    /** An instruction's outcome: the chat, the settled state and what changed. */
    record Instructed(ChatResult chat, SessionState after, StateDiff change) {
    }

    /** A finished render and its file. */
    record Exported(ExportJob job, DownloadResult download) {
    }

    /** What follows an instruction: an export of the settled draft, or the next turn of a conversation. */
    enum Next {
        /**
         * An export: the state is read until the change shows, whatever the stream's end (a text
         * answer does not prove the state caught up).
         */
        EXPORT("exporting the draft as it is"),
        /**
         * The next turn: a text answer with no tool call changed nothing, so the state is not
         * read; every other end is settled as for an export.
         */
        CONVERSATION("the conversation keeps the state as it was");

        private final String noChange;

        Next(String noChange) {
            this.noChange = noChange;
        }
    }

    CompletableFuture<Placed> place(WorkflowRun run, String language, List<MediaSource> files) {
        return Futures.handleCompose(placeOnce(run, language, files), (placed, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(placed);
            }
            NemoException e = StateCheck.nemo(Futures.unwrap(error));
            if (e instanceof SessionNotFoundException && !run.isCancelled()) {
                run.note("The new session was gone before the instruction was sent (code 1002); created another "
                        + "one and uploaded the media again");
                return placeOnce(run, language, files);
            }
            return CompletableFuture.<Placed>failedFuture(e);
        });
    }

    private CompletableFuture<Placed> placeOnce(WorkflowRun run, String language, List<MediaSource> files) {
        run.progress(WorkflowPhase.SESSION, 0, "creating a session");
        return run.step(() -> sessions.createAsync(CreateSessionRequest.inLanguage(language), run.request()))
                .thenCompose(session -> {
                    String sid = session.sessionId();
                    run.progress(WorkflowPhase.UPLOAD, 5, "uploading " + names(files) + " to session " + sid);
                    return run.step(() -> uploads.uploadAsync(sid, files, RequestLayers.upload(run.request())))
                            .thenCompose(upload -> {
                                run.uploaded(sid, upload);
                                return run.step(() -> state.getAsync(sid, run.request()))
                                        .thenApply(before -> new Placed(sid, upload, before));
                            });
                });
    }

    /**
     * Sends one instruction and reads the state until the change is visible. An error event from
     * the agent stops the workflow ({@link AgentErrorException}); an interrupted stream with no
     * visible change stops it with the stream's typed error; a stream that ended normally with no
     * visible change goes on, with a note.
     */
    CompletableFuture<Instructed> instruct(WorkflowRun run, String sessionId, SessionState before, String instruction,
                                           ChatOptions options, Next next) {
        run.instruction(sessionId, instruction);
        run.progress(WorkflowPhase.CHAT, 20, "sending the instruction");
        var listener = run.chatListener(50);
        ChatOptions noCheck = RequestLayers.chat(run.request(), options).toBuilder().stateCheck(false)
                .onProgress(run.chatProgress(options.progressListener())).build();
        return run.step(() -> chat.sendAsync(sessionId, instruction, noCheck, listener))
                .thenCompose(result -> {
                    if (result.end() == ChatEnd.ERROR_EVENT) {
                        throw new AgentErrorException("The agent could not apply \"" + instruction + "\": "
                                + agentError(result) + (next == Next.EXPORT ? "; nothing was exported" : ""),
                                sessionId);
                    }
                    if (next == Next.CONVERSATION && result.end() == ChatEnd.COMPLETED_WITH_TEXT
                            && result.toolCalls().isEmpty()) {
                        return CompletableFuture.completedFuture(result.toBuilder()
                                .stateChange(StateDiff.between(before, before)).stateAfter(before).build());
                    }
                    run.progress(WorkflowPhase.SETTLE, 50, "checking that the change reached the session");
                    return run.step(() -> stateCheck.settle(result, sessionId, before, options, run.request(),
                            run::isCancelled, listener));
                })
                .thenApply(settled -> settledOrNote(run, sessionId, before, settled, next));
    }

    private static Instructed settledOrNote(WorkflowRun run, String sessionId, SessionState before,
                                            ChatResult settled, Next next) {
        StateDiff change = settled.stateChange().orElse(StateDiff.between(before, before));
        SessionState after = settled.stateAfter().orElse(before);
        if (change.isEmpty()) {
            if (settled.end().interrupted()) {
                throw settled.failure().orElseThrow();
            }
            if (next == Next.CONVERSATION && settled.hasText() && settled.toolCalls().isEmpty()) {
                return new Instructed(settled, before, change);   // an answer, not an edit
            }
            run.note("The instruction made no visible change to session " + sessionId
                    + settled.stateCheckFailure().map(f -> " (the state could not be read: " + f.getMessage() + ")")
                    .orElse("") + "; " + next.noChange);
        } else {
            run.progress(WorkflowPhase.SETTLE, 55, change.describe());
        }
        return new Instructed(settled, after, change);
    }

    CompletableFuture<Exported> export(WorkflowRun run, String sessionId, Draft draft, ExportOptions options,
                                       Function<ExportJob, Path> target) {
        run.progress(WorkflowPhase.EXPORT, 55, "submitting the render");
        return run.step(() -> exports.submitAsync(sessionId, draft, RequestLayers.export(run.request(), options)))
                .thenCompose(poller -> {
                    ExportJob submitted = poller.latest().orElseThrow();
                    run.renderSubmitted(submitted);
                    run.progress(WorkflowPhase.EXPORT, 56, "render " + submitted.renderId() + " submitted");
                    return follow(run, submitted.renderId(), options, target);
                });
    }

    /** Polls a submitted render (never submitting again) and downloads its file. */
    CompletableFuture<Exported> follow(WorkflowRun run, String renderId, ExportOptions options,
                                       Function<ExportJob, Path> target) {
        PollingStrategy polling = RequestLayers.export(run.request(), options).polling();
        return run.step(() -> exports.resume(renderId, polling)
                        .onProgress(job -> {
                            run.exportProgress(job);
                            run.progress(WorkflowPhase.EXPORT, 56 + job.progress().orElse(0) * 39 / 100,
                                    "render " + job.status().name().toLowerCase(Locale.ROOT)
                                            + job.progress().stream().mapToObj(p -> " " + p + "%").findFirst()
                                            .orElse(""));
                        })
                        .waitForCompletionAsync())
                .thenCompose(job -> {
                    Path file = target.apply(job);
                    run.progress(WorkflowPhase.DOWNLOAD, 95, "downloading to " + file);
                    return run.step(() -> exports.downloadAsync(job, file, run.request()))
                            .thenApply(download -> {
                                run.progress(WorkflowPhase.DONE, 100, "saved " + download.path() + " ("
                                        + download.bytes() + " bytes)");
                                return new Exported(job, download);
                            });
                });
    }

    CompletableFuture<SessionState> read(WorkflowRun run, String sessionId) {
        return run.step(() -> state.getAsync(sessionId, run.request()));
    }

    private static String agentError(ChatResult result) {
        for (ChatEvent e : result.errors()) {
            if (e instanceof ChatEvent.ModelError m) {
                String why = m.message() != null ? m.message() : m.code();
                return why != null ? why : "a model error";
            }
            if (e instanceof ChatEvent.StreamError s) {
                return s.message();
            }
        }
        return "an error event";
    }

    private static String names(List<MediaSource> files) {
        return files.size() == 1 ? files.get(0).fileName() : files.size() + " files";
    }
}
