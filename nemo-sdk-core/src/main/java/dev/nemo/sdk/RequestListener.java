package dev.nemo.sdk;

import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.export.ExportStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Observes the client's HTTP traffic and long-running operations, for metrics and traces, without
 * the SDK depending on any metrics library (like OkHttp's {@code EventListener} or the AWS SDK's
 * {@code MetricPublisher}). Set it with {@link NemoClient.Builder#requestListener(RequestListener)};
 * several listeners may be set and are called in that order.
 *
 * <p>Every event is an immutable record with low-cardinality tags only: the {@linkplain
 * RequestStarted#operation() operation} (for example {@code "credits.balance"}), the HTTP method
 * and a path template without ids ({@code /api/state/nemo_agent/me/{sessionId}/latest}). No event
 * carries a token, a client id, a session id, a render id, a query string or a body.
 *
 * <p>Methods are called on the thread that observed the event (the caller's thread for blocking
 * calls, an HTTP client thread for asynchronous ones): keep them short and non-blocking. An
 * exception thrown by a listener is logged (logger {@code dev.nemo.sdk.listener}, level WARN) and
 * never changes the outcome of the call.
 *
 * <p>Each logical call (one SDK method's HTTP exchange, with its retries, token renewal and
 * redirects) is framed by {@link #callStarted} and {@link #callEnded}; its attempts in between carry
 * the same {@code callId}, so a listener can time the whole call or keep a tracing span open across
 * it. The id only correlates events: it is unique per client process and must not become a metric
 * tag.
 *
 * <p>Operation names: {@code auth.anonymousToken}, {@code sessions.create}, {@code credits.balance},
 * {@code state.get}, {@code chat.stream}, {@code uploads.upload}, {@code exports.submit},
 * {@code exports.poll}, {@code exports.cancel}, {@code exports.download}; anything else is
 * {@code other}.
 */
public interface RequestListener {

    /** A listener that ignores every event. */
    RequestListener NONE = new RequestListener() {};

    /**
     * A call starts, before its token is obtained and its first attempt is sent.
     *
     * @param event the call
     */
    default void callStarted(CallStarted event) {}

    /**
     * A call ended: answered, failed after its last attempt, or cancelled. Sent exactly once per
     * {@link #callStarted}; for a streamed call (a chat stream, a download) when the response head
     * is accepted, before the body is read.
     *
     * @param event how it ended
     */
    default void callEnded(CallEnded event) {}

    /**
     * An HTTP attempt is about to be sent.
     *
     * @param event what is sent
     */
    default void requestStarted(RequestStarted event) {}

    /**
     * A failed attempt will be retried after a wait.
     *
     * @param event the retry
     */
    default void retryScheduled(RetryScheduled event) {}

    /**
     * The server answered an attempt, successfully or with a typed error.
     *
     * @param event the answer
     */
    default void responseReceived(ResponseReceived event) {}

    /**
     * An attempt got no usable answer: a network failure, a timeout, an unreadable body, a cancellation.
     *
     * @param event the failure
     */
    default void requestFailed(RequestFailed event) {}

    /**
     * The first event of a chat stream arrived.
     *
     * @param event the time to first event
     */
    default void chatFirstEvent(ChatFirstEvent event) {}

    /**
     * A chat stream ended, however it ended.
     *
     * @param event how and after how long
     */
    default void chatStreamEnded(ChatStreamEnded event) {}

    /**
     * A wait for an export (polling until a terminal status) finished.
     *
     * @param event the outcome
     */
    default void exportWaitFinished(ExportWaitFinished event) {}

    /**
     * A call starts.
     *
     * @param callId       the id its attempts and its end carry (correlation only, never a tag)
     * @param operation    low-cardinality operation name, for example {@code "credits.balance"}
     * @param method       HTTP method
     * @param pathTemplate the path with ids replaced by placeholders
     */
    record CallStarted(long callId, String operation, String method, String pathTemplate) {}

    /**
     * A call ended.
     *
     * @param callId       the id of its {@link CallStarted}
     * @param operation    operation name
     * @param method       HTTP method
     * @param pathTemplate path template
     * @param attempts     attempts sent (1 without retry; 0 when none was, for example when no token
     *                     could be obtained)
     * @param status       the HTTP status of the last answer, empty when no usable answer came
     * @param error        the typed error the call ended with, empty on success (its message holds no secret)
     * @param duration     from {@link CallStarted} to the end, retry waits included
     */
    record CallEnded(
            long callId,
            String operation,
            String method,
            String pathTemplate,
            int attempts,
            OptionalInt status,
            Optional<NemoException> error,
            Duration duration) {
        /**
         * The retries of the call, for a low-cardinality tag.
         *
         * @return {@code attempts - 1}, at least 0
         */
        public int retries() {
            return Math.max(0, attempts - 1);
        }
    }

    /**
     * An HTTP attempt is about to be sent.
     *
     * @param callId       the id of the call's {@link CallStarted}
     * @param operation    low-cardinality operation name, for example {@code "exports.poll"}
     * @param method       HTTP method
     * @param pathTemplate the path with ids replaced by placeholders, for example
     *                     {@code /api/render/proxy/lambda/{renderId}}; {@code {outputUrl}} for a
     *                     download from the render's output URL
     * @param attempt      1 for the first attempt of a call, then 2, 3, … for retries and replays
     */
    record RequestStarted(long callId, String operation, String method, String pathTemplate, int attempt) {
        /**
         * Requires every tag.
         *
         * @param callId       the id of the call's {@link CallStarted}
         * @param operation    low-cardinality operation name, for example {@code "exports.poll"}
         * @param method       HTTP method
         * @param pathTemplate the path with ids replaced by placeholders, for example
         *                     {@code /api/render/proxy/lambda/{renderId}}; {@code {outputUrl}} for a
         *                     download from the render's output URL
         * @param attempt      1 for the first attempt of a call, then 2, 3, … for retries and replays
         */
        public RequestStarted {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pathTemplate, "pathTemplate");
        }
    }

    /**
     * A failed attempt will be retried.
     *
     * @param callId       the id of the call's {@link CallStarted}
     * @param operation    operation name
     * @param method       HTTP method
     * @param pathTemplate path template
     * @param attempt      the attempt that failed
     * @param delay        the wait before the next attempt
     * @param cause        why (a typed error; its message holds no secret)
     */
    record RetryScheduled(
            long callId,
            String operation,
            String method,
            String pathTemplate,
            int attempt,
            Duration delay,
            NemoException cause) {}

    /**
     * The server answered.
     *
     * @param callId       the id of the call's {@link CallStarted}
     * @param operation    operation name
     * @param method       HTTP method
     * @param pathTemplate path template
     * @param attempt      attempt number
     * @param status       HTTP status
     * @param apiCode      the body {@code code} of an error answer, when it had one
     * @param duration     from sending the attempt to the mapped answer (headers and body)
     */
    record ResponseReceived(
            long callId,
            String operation,
            String method,
            String pathTemplate,
            int attempt,
            int status,
            OptionalInt apiCode,
            Duration duration) {}

    /**
     * An attempt got no usable answer.
     *
     * @param callId         the id of the call's {@link CallStarted}
     * @param operation      operation name
     * @param method         HTTP method
     * @param pathTemplate   path template
     * @param attempt        attempt number
     * @param error          the typed error (a {@code NemoClientException}; its message holds no secret)
     * @param duration       from sending the attempt to the failure
     * @param outcomeUnknown whether the request may have reached the server
     */
    record RequestFailed(
            long callId,
            String operation,
            String method,
            String pathTemplate,
            int attempt,
            NemoException error,
            Duration duration,
            boolean outcomeUnknown) {}

    /**
     * The first event of a chat stream (heartbeats included) was decoded.
     *
     * @param sinceStart from opening the stream to the first event
     */
    record ChatFirstEvent(Duration sinceStart) {}

    /**
     * A chat stream ended.
     *
     * @param end      how it ended
     * @param duration from opening the stream to its end
     * @param events   events delivered
     */
    record ChatStreamEnded(ChatEnd end, Duration duration, long events) {}

    /**
     * A wait for an export finished. The render id is deliberately absent (unbounded cardinality).
     *
     * @param status   the last known status ({@link ExportStatus#UNKNOWN} when no poll answered)
     * @param outcome  {@code "completed"}, {@code "failed"}, {@code "cancelled"}, {@code "timeout"} or
     *                 {@code "error"}
     * @param polls    polls made by this wait
     * @param duration how long the wait took (on the client's clock, so virtual in tests)
     */
    record ExportWaitFinished(ExportStatus status, String outcome, int polls, Duration duration) {}
}
