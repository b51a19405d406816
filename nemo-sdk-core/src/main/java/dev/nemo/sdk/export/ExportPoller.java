package dev.nemo.sdk.export;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

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
 * wait. Thread-safe.
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
     * @throws dev.nemo.sdk.error.ExportFailedException when the render service answers {@code success:false} for this id
     */
    ExportJob poll();

    /**
     * Waits with the poller's {@link PollingStrategy}.
     *
     * @return the completed job, with its output URL
     * @throws dev.nemo.sdk.error.ExportFailedException  when the render failed or was cancelled
     * @throws dev.nemo.sdk.error.ExportTimeoutException when it is still running after the last poll
     *                                                   or the deadline (resume it later)
     */
    ExportJob waitForCompletion();

    /**
     * Waits with the poller's strategy, but at most {@code timeout} on the client's clock.
     *
     * @param timeout overall deadline of this wait
     * @return the completed job
     * @throws dev.nemo.sdk.error.ExportFailedException  when the render failed or was cancelled
     * @throws dev.nemo.sdk.error.ExportTimeoutException when it is still running at the deadline
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
     * wait in progress then ends with an {@link dev.nemo.sdk.error.ExportFailedException} whose
     * {@code cancelled()} is {@code true}.
     */
    void cancel();

    /**
     * {@return this poller}
     *
     * @param listener told about every status this poller sees from now on (status and progress);
     *                 it runs on an SDK thread, and its exceptions are logged and ignored
     */
    ExportPoller onProgress(Consumer<ExportJob> listener);
}
