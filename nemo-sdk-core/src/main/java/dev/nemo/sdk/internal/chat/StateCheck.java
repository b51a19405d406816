package dev.nemo.sdk.internal.chat;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.Sleeper;
import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatListener;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.chat.StateCheckProgress;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.NemoClientException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.internal.util.Futures;
import dev.nemo.sdk.state.SessionState;
import dev.nemo.sdk.state.StateApi;
import dev.nemo.sdk.state.StateDiff;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a stream that ended without text, or was interrupted, reads the session state and
 * compares it with the state read before the message (contract §3.4), stopping at the first
 * change: after a silent end on the {@link ChatOptions#settleDelays()} schedule, because the state
 * endpoint settles seconds after the stream; after an interruption on the longer
 * {@link ChatOptions#recheckDelays()} schedule, because the agent may still be working. Each read
 * is reported to {@link ChatListener#onStateCheck}.
 */
public final class StateCheck {
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.chat");

    private final StateApi state;
    private final Sleeper sleeper;
    private final boolean blocking;

    /**
     * Creates it from its parts.
     *
     * @param state   reads session state
     * @param sleeper waits between checks
     */
    public StateCheck(StateApi state, Sleeper sleeper) {
        this(state, sleeper, false);
    }

    private StateCheck(StateApi state, Sleeper sleeper, boolean blocking) {
        this.state = state;
        this.sleeper = sleeper;
        this.blocking = blocking;
    }

    /**
     * {@return the same checks for a caller that waits: each read is a blocking call on the calling thread, and each wait between reads is waited out there, so that no read runs on (or blocks) a pool or timer thread, and none starts a thread}
     */
    public StateCheck blocking() {
        return new StateCheck(state, sleeper, true);
    }

    /**
     * {@return the state before the message; fails with the typed error when it cannot be read}
     *
     * @param sessionId the session
     */
    public CompletableFuture<SessionState> before(String sessionId) {
        return state.getAsync(sessionId, RequestOptions.none());
    }

    /**
     * {@return the result with the state change, or unchanged when no check applies}
     *
     * @param result        the stream's result
     * @param sessionId     the session
     * @param before        the state before the message, or {@code null} when it could not be read
     * @param beforeFailure why it could not be read, or {@code null}
     * @param options       the chat options
     * @param cancelled     whether the caller gave up
     * @param listener      told about each read
     */
    public CompletableFuture<ChatResult> after(ChatResult result, String sessionId, @Nullable SessionState before,
                                               @Nullable NemoException beforeFailure, ChatOptions options,
                                               BooleanSupplier cancelled, ChatListener listener) {
        ChatEnd end = result.end();
        if (!options.stateCheck() || !(end == ChatEnd.COMPLETED_SILENTLY || end.interrupted())) {
            return CompletableFuture.completedFuture(result);
        }
        if (before == null) {
            return CompletableFuture.completedFuture(result.toBuilder().stateCheckFailure(beforeFailure).build());
        }
        List<Duration> waits = schedule(end, options);
        return new Run(waits, result, sessionId, before, RequestOptions.none(), cancelled, listener).attempt(0, null);
    }

    /**
     * Reads the state until it differs from {@code before}, whatever the stream's end (a workflow
     * exports only a settled draft, and a text answer does not prove the state caught up): on the
     * {@link ChatOptions#recheckDelays()} schedule after an interruption, else on
     * {@link ChatOptions#settleDelays()}.
     *
     * @param result    the stream's result
     * @param sessionId the session
     * @param before    the state before the message
     * @param options   the chat options
     * @param reads     the request options of each state read
     * @param cancelled whether the caller gave up
     * @param listener  told about each read
     * @return the result with the state change
     */
    public CompletableFuture<ChatResult> settle(ChatResult result, String sessionId, SessionState before,
                                                ChatOptions options, RequestOptions reads, BooleanSupplier cancelled,
                                                ChatListener listener) {
        if (result.stateChange().map(d -> !d.isEmpty()).orElse(false)) {
            return CompletableFuture.completedFuture(result);
        }
        return new Run(schedule(result.end(), options), result, sessionId, before, reads, cancelled, listener)
                .attempt(0, null);
    }

    private static List<Duration> schedule(ChatEnd end, ChatOptions options) {
        if (!end.interrupted()) {
            return options.settleDelays();
        }
        return options.recheckDelays().isEmpty() ? List.of(Duration.ZERO) : options.recheckDelays();
    }

    /** One schedule of reads for one message. */
    private final class Run {
        private final List<Duration> waits;
        private final ChatResult result;
        private final String sessionId;
        private final SessionState before;
        private final RequestOptions reads;
        private final BooleanSupplier cancelled;
        private final ChatListener listener;

        Run(List<Duration> waits, ChatResult result, String sessionId, SessionState before, RequestOptions reads,
            BooleanSupplier cancelled, ChatListener listener) {
            this.waits = waits;
            this.result = result;
            this.sessionId = sessionId;
            this.before = before;
            this.reads = reads;
            this.cancelled = cancelled;
            this.listener = listener;
        }

        CompletableFuture<ChatResult> attempt(int i, @Nullable ChatResult lastGood) {
            if (cancelled.getAsBoolean()) {
                return CompletableFuture.completedFuture(lastGood != null ? lastGood : result);
            }
            Duration wait = waits.get(i);
            return Futures.handleCompose(blocking ? readHere(wait) : readLater(wait),
                    (after, error) -> error == null ? read(i, Objects.requireNonNull(after, "state"))
                            : failed(i, nemo(Futures.unwrap(error)), lastGood));
        }

        private CompletableFuture<SessionState> readLater(Duration wait) {
            CompletableFuture<Void> slept = wait.isZero() ? CompletableFuture.completedFuture(null)
                    : sleeper.sleep(wait).toCompletableFuture();
            return slept.thenCompose(v -> state.getAsync(sessionId, reads));
        }

        private CompletableFuture<SessionState> readHere(Duration wait) {
            try {
                if (!wait.isZero()) {
                    Futures.await(sleeper.sleep(wait));
                }
                return CompletableFuture.completedFuture(state.get(sessionId, reads));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        private CompletableFuture<ChatResult> read(int i, SessionState after) {
            StateDiff diff = StateDiff.between(before, after);
            ChatResult checked = result.toBuilder().stateChange(diff).stateAfter(after).stateCheckFailure(null).build();
            boolean done = !diff.isEmpty() || i == waits.size() - 1;
            report(i, !diff.isEmpty(), done, null);
            return done ? CompletableFuture.completedFuture(checked) : attempt(i + 1, checked);
        }

        private CompletableFuture<ChatResult> failed(int i, NemoException failure, @Nullable ChatResult lastGood) {
            boolean last = i == waits.size() - 1;
            report(i, false, last, failure);
            if (last) {
                return CompletableFuture.completedFuture(lastGood != null ? lastGood
                        : result.toBuilder().stateCheckFailure(failure).build());
            }
            return attempt(i + 1, lastGood);
        }

        private void report(int i, boolean changed, boolean last, @Nullable NemoException failure) {
            StateCheckProgress p = new StateCheckProgress(i + 1, waits.size(), result.end(), changed,
                    last ? Optional.empty() : Optional.of(waits.get(i + 1)), Optional.ofNullable(failure));
            LOG.debug("chat state check after {}: {}", result.end(), p.describe());
            try {
                listener.onStateCheck(p);
            } catch (RuntimeException e) {
                LOG.warn("The chat listener failed in onStateCheck; the state checks go on", e);
            }
        }
    }

    /**
     * {@return it as the SDK's typed error}
     *
     * @param error a failure
     */
    public static NemoException nemo(Throwable error) {
        return error instanceof NemoException n ? n
                : new NemoClientException("Reading the session state failed: " + error, ErrorDetails.none(), error);
    }
}
