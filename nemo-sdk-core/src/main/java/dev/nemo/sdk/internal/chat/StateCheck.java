package dev.nemo.sdk.internal.chat;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.Sleeper;
import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.NemoClientException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.internal.util.Futures;
import dev.nemo.sdk.state.SessionState;
import dev.nemo.sdk.state.StateApi;
import dev.nemo.sdk.state.StateDiff;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a stream that ended without text, or was interrupted, reads the session state and
 * compares it with the state read before the message (contract §3.4): once right away after a
 * silent end; after an interruption on the {@link ChatOptions#recheckDelays()} schedule, stopping
 * at the first change, because the agent may still be working.
 */
public final class StateCheck {
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.chat");

    private final StateApi state;
    private final Sleeper sleeper;

    /**
     * Creates it from its parts.
     *
     * @param state   reads session state
     * @param sleeper waits between checks
     */
    public StateCheck(StateApi state, Sleeper sleeper) {
        this.state = state;
        this.sleeper = sleeper;
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
     */
    public CompletableFuture<ChatResult> after(ChatResult result, String sessionId, SessionState before,
                                               NemoException beforeFailure, ChatOptions options,
                                               BooleanSupplier cancelled) {
        ChatEnd end = result.end();
        if (!options.stateCheck() || !(end == ChatEnd.COMPLETED_SILENTLY || end.interrupted())) {
            return CompletableFuture.completedFuture(result);
        }
        if (before == null) {
            return CompletableFuture.completedFuture(result.toBuilder().stateCheckFailure(beforeFailure).build());
        }
        List<Duration> waits = end == ChatEnd.COMPLETED_SILENTLY || options.recheckDelays().isEmpty()
                ? List.of(Duration.ZERO) : options.recheckDelays();
        return attempt(0, waits, result, sessionId, before, null, cancelled);
    }

    // handle(...) yields a future of a future, flattened by thenCompose(f -> f): JDK 17's way to compose on
    // both outcomes of a stage
    @SuppressWarnings("FutureReturnValueIgnored")
    private CompletableFuture<ChatResult> attempt(int i, List<Duration> waits, ChatResult result, String sessionId,
                                                  SessionState before, ChatResult lastGood, BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            return CompletableFuture.completedFuture(lastGood != null ? lastGood : result);
        }
        boolean last = i == waits.size() - 1;
        Duration wait = waits.get(i);
        CompletableFuture<Void> slept = wait.isZero() ? CompletableFuture.completedFuture(null)
                : sleeper.sleep(wait).toCompletableFuture();
        return slept
                .thenCompose(v -> state.getAsync(sessionId, RequestOptions.none()))
                .handle((after, error) -> {
                    if (error == null) {
                        StateDiff diff = StateDiff.between(before, after);
                        ChatResult checked = result.toBuilder().stateChange(diff).stateAfter(after)
                                .stateCheckFailure(null).build();
                        LOG.debug("chat state check {} of {} after {}: {}", i + 1, waits.size(), result.end(),
                                diff.isEmpty() ? "no change" : diff.changes().size() + " change(s)");
                        if (!diff.isEmpty() || last) {
                            return CompletableFuture.completedFuture(checked);
                        }
                        return attempt(i + 1, waits, result, sessionId, before, checked, cancelled);
                    }
                    NemoException failure = nemo(Futures.unwrap(error));
                    LOG.debug("chat state check {} of {} failed: {}", i + 1, waits.size(), failure.toString());
                    if (last) {
                        return CompletableFuture.completedFuture(lastGood != null ? lastGood
                                : result.toBuilder().stateCheckFailure(failure).build());
                    }
                    return attempt(i + 1, waits, result, sessionId, before, lastGood, cancelled);
                })
                .thenCompose(f -> f);
    }

    /**
     * {@return it as the SDK's typed error}
     *
     * @param error a failure
     */
    public static NemoException nemo(Throwable error) {
        return error instanceof NemoException nemoException ? nemoException
                : new NemoClientException("Reading the session state failed: " + error, ErrorDetails.none(), error);
    }
}
