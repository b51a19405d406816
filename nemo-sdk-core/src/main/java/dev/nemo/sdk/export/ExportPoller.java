package dev.nemo.sdk.export;

import dev.nemo.sdk.error.ExportFailedException;
import dev.nemo.sdk.error.ExportTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Follows one render until it ends, in the style of Azure's {@code SyncPoller}.
 *
 * <pre>{@code
 * ExportPoller poller = client.exports().submit(sessionId, draft, ExportOptions.defaults());
 * saveSomewhere(poller.renderId());                 // to resume from another process
 * ExportJob done = poller.waitForCompletion();      // polls every 30 s, at most 10 times
 * client.exports().download(done, Path.of("out.mp4"));
 *
 * // later, elsewhere, without submitting again:
 * ExportJob job = client.exports().resume(savedId).waitForCompletion();
 * }</pre>
 *
 * <p>Waiting goes through the client's {@code Sleeper} and reads its {@code Clock}. A poll that
 * fails on the network or with a 5xx is retried with the same render id; HTTP 400 and 401 end the
 * wait. Polls and the cancellation send the {@link PollingStrategy#request()} options. Every
 * blocking method has an {@code …Async} form. Thread-safe.
 */
public interface ExportPoller {

    /** {@return the render id; save it to {@link ExportsApi#resume resume} later} */
    String renderId();

    /** {@return the last status seen (from the submission or a poll), if any} */
    Optional<ExportJob> latest();

    /**
     * Polls once, now. Does not throw for a failed render: look at {@link ExportJob#status()}.
     *
     * @return the current state
     * @throws ExportFailedException when the render service answers {@code success:false} for this id
     */
    ExportJob poll();

    /**
     * {@link #poll()} without blocking.
     *
     * @return the current state, or the failure {@link #poll()} would throw
     */
    CompletableFuture<ExportJob> pollAsync();

    /**
     * Waits with the poller's {@link PollingStrategy}.
     *
     * @return the completed job, with its output URL
     * @throws ExportFailedException  when the render failed or was cancelled
     * @throws ExportTimeoutException when it is still running after the last poll
     *                                                   or the deadline (resume it later)
     */
    ExportJob waitForCompletion();

    /**
     * Waits with the poller's strategy, but at most {@code timeout} on the client's clock.
     *
     * @param timeout overall deadline of this wait
     * @return the completed job
     * @throws ExportFailedException  when the render failed or was cancelled
     * @throws ExportTimeoutException when it is still running at the deadline
     */
    ExportJob waitForCompletion(Duration timeout);

    /**
     * The same wait without blocking a thread. Cancelling the returned future stops polling (the
     * render itself goes on; use {@link #cancel()} to stop it).
     *
     * @return the completed job, or the failure {@link #waitForCompletion()} would throw
     */
    CompletableFuture<ExportJob> waitForCompletionAsync();

    /**
     * Asks the render service to cancel ({@code POST /api/render/proxy/lambda/<id>/cancel}); a
     * wait in progress then ends with an {@link ExportFailedException} whose
     * {@code cancelled()} is {@code true}.
     */
    void cancel();

    /**
     * {@link #cancel()} without blocking.
     *
     * @return completes when the render service accepted the cancellation
     */
    CompletableFuture<Void> cancelAsync();

    /**
     * {@return this poller}
     *
     * @param listener told about every status this poller sees from now on (status and progress);
     *                 see {@link ExportProgressListener}
     */
    ExportPoller onProgress(ExportProgressListener listener);
}
