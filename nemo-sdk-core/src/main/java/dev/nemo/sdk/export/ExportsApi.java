package dev.nemo.sdk.export;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.error.DraftNotExportableException;
import dev.nemo.sdk.error.ExportFailedException;
import dev.nemo.sdk.error.ExportNotAllowedException;
import dev.nemo.sdk.internal.util.Futures;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Exports a session's draft to a video file: submit a render, poll it, download the result.
 *
 * <pre>{@code
 * Draft draft = client.state().get(sessionId).draft().orElseThrow();
 * ExportJob done = client.exports().submit(sessionId, draft).waitForCompletion();
 * DownloadResult file = client.exports().download(done, Path.of("out"));   // a directory or a file
 * }</pre>
 *
 * <p>Rules the SDK keeps for you:
 * <ul>
 *   <li>a draft that is not exportable (no track with segments) is refused before any request,
 *       with {@link DraftNotExportableException};</li>
 *   <li>each submission gets a fresh render id {@code render_<epochMillis>_<random>}; a
 *       duplicate-id rejection gets a new id and one retry; a submission whose outcome is unknown
 *       (a cut connection) is never sent again automatically;</li>
 *   <li>the whole draft is sent as it was read, unknown fields included;</li>
 *   <li>the bearer token and the {@code X-Skill-*} headers go only to the API's own origin: a CDN
 *       output URL gets a plain GET, also after redirects; when it fails, the authenticated
 *       {@code GET /api/render/proxy/<id>/download} serves the file;</li>
 *   <li>a download is written to a temporary file next to the target and moved into place
 *       atomically, so a cut download never leaves a partial file.</li>
 * </ul>
 *
 * <p>Every operation comes in the same forms: blocking and {@code …Async}, each with and without
 * its options ({@link ExportOptions} for a submission, {@link PollingStrategy} for a resumed wait,
 * {@link RequestOptions} for one poll, a cancellation or a download). The asynchronous methods
 * send nothing until they are called.
 */
public interface ExportsApi {

    /**
     * Submits with {@link ExportOptions#defaults()}.
     *
     * @param sessionId the session
     * @param draft     its draft, as read from the session state
     * @return a poller of the new render
     */
    default ExportPoller submit(String sessionId, Draft draft) {
        return submit(sessionId, draft, ExportOptions.defaults());
    }

    /**
     * Submits a render: {@code POST /api/render/proxy/lambda}.
     *
     * @param sessionId the session
     * @param draft     its draft, as read from the session state (sent whole)
     * @param options   output format, polling, progress listener and the submission's request options
     * @return a poller of the new render (its {@link ExportPoller#latest()} is the submission's answer)
     * @throws DraftNotExportableException when the draft has no track with segments
     * @throws ExportNotAllowedException   on HTTP 402 (free plan, or missing attribution)
     */
    default ExportPoller submit(String sessionId, Draft draft, ExportOptions options) {
        return Futures.await(submitAsync(sessionId, draft, options));
    }

    /**
     * {@return a poller of the new render, asynchronously}
     *
     * @param sessionId the session
     * @param draft     its draft (sent whole)
     * @see #submitAsync(String, Draft, ExportOptions)
     */
    default CompletableFuture<ExportPoller> submitAsync(String sessionId, Draft draft) {
        return submitAsync(sessionId, draft, ExportOptions.defaults());
    }

    /**
     * {@link #submit(String, Draft, ExportOptions)} without blocking.
     *
     * @param sessionId the session
     * @param draft     its draft (sent whole)
     * @param options   output format, polling, progress listener and the submission's request options
     * @return a poller of the new render, whose {@link ExportPoller#latest()} is the submission's
     *         answer; fails with {@link DraftNotExportableException} without sending anything when
     *         the draft is not exportable
     */
    CompletableFuture<ExportPoller> submitAsync(String sessionId, Draft draft, ExportOptions options);

    /**
     * Follows a render submitted earlier, maybe by another process, without submitting again.
     * Sends nothing by itself (the poller polls when asked), so it has no asynchronous form.
     *
     * @param renderId the saved render id
     * @return a poller whose first poll happens at once, with {@link PollingStrategy#defaults()}
     */
    default ExportPoller resume(String renderId) {
        return resume(renderId, PollingStrategy.defaults());
    }

    /**
     * {@return a poller whose first poll happens at once}
     *
     * @param renderId the saved render id
     * @param polling  how to wait, and the request options of each poll
     */
    ExportPoller resume(String renderId, PollingStrategy polling);

    /**
     * One poll, blocking.
     *
     * @param renderId the render
     * @return its state (a failed render is a job with status {@code FAILED}, not an error)
     * @throws ExportFailedException when the service answers {@code success:false} for this id
     */
    default ExportJob poll(String renderId) {
        return poll(renderId, RequestOptions.none());
    }

    /**
     * One poll, blocking: {@code GET /api/render/proxy/lambda/<id>}.
     *
     * @param renderId the render
     * @param options  per-request overrides
     * @return its state (a failed render is a job with status {@code FAILED}, not an error)
     * @throws ExportFailedException when the service answers {@code success:false} for this id
     */
    default ExportJob poll(String renderId, RequestOptions options) {
        return Futures.await(pollAsync(renderId, options));
    }

    /**
     * {@return its state, asynchronously}
     *
     * @param renderId the render
     * @see #pollAsync(String, RequestOptions)
     */
    default CompletableFuture<ExportJob> pollAsync(String renderId) {
        return pollAsync(renderId, RequestOptions.none());
    }

    /**
     * One poll: {@code GET /api/render/proxy/lambda/<id>}. Network errors and 5xx are retried with
     * the same id under the retry policy; HTTP 400 and 401 fail.
     *
     * @param renderId the render
     * @param options  per-request overrides
     * @return its state (a failed render is a job with status {@code FAILED}, not an error); fails
     *         with {@link ExportFailedException} when the service answers {@code success:false} for
     *         this id
     */
    CompletableFuture<ExportJob> pollAsync(String renderId, RequestOptions options);

    /**
     * Asks the render service to cancel a render.
     *
     * @param renderId the render
     */
    default void cancel(String renderId) {
        cancel(renderId, RequestOptions.none());
    }

    /**
     * Asks the render service to cancel a render:
     * {@code POST /api/render/proxy/lambda/<id>/cancel}.
     *
     * @param renderId the render
     * @param options  per-request overrides
     */
    default void cancel(String renderId, RequestOptions options) {
        Futures.await(cancelAsync(renderId, options));
    }

    /**
     * {@return completes when the service accepted the cancellation}
     *
     * @param renderId the render
     */
    default CompletableFuture<Void> cancelAsync(String renderId) {
        return cancelAsync(renderId, RequestOptions.none());
    }

    /**
     * {@return completes when the service accepted the cancellation}
     *
     * @param renderId the render
     * @param options  per-request overrides
     */
    CompletableFuture<Void> cancelAsync(String renderId, RequestOptions options);

    /**
     * Downloads a completed export with a 10-minute deadline.
     *
     * @param job    a completed job
     * @param target a file to write, or an existing directory (the file is then named after the
     *               output URL, else after the render id)
     * @return the file written
     */
    default DownloadResult download(ExportJob job, Path target) {
        return download(job, target, RequestOptions.none());
    }

    /**
     * {@return the file written}
     *
     * @param job     a completed job
     * @param target  a file, or an existing directory
     * @param options {@code timeout} is the deadline of the whole download, body included
     *                (default 10 minutes); {@code attemptTimeout} bounds each attempt up to the
     *                response head; the retry policy and the extra headers apply to requests to the
     *                API's origin only, like the credentials: the output URL on a CDN gets neither
     *                (it is tried once, then the API's download endpoint), nor does a redirect that
     *                leaves the API's origin
     */
    default DownloadResult download(ExportJob job, Path target, RequestOptions options) {
        return Futures.await(downloadAsync(job, target, options));
    }

    /**
     * {@return the file written, asynchronously}
     *
     * @param job    a completed job
     * @param target a file, or an existing directory
     * @see #downloadAsync(ExportJob, Path, RequestOptions)
     */
    default CompletableFuture<DownloadResult> downloadAsync(ExportJob job, Path target) {
        return downloadAsync(job, target, RequestOptions.none());
    }

    /**
     * {@return the file written; cancelling the future stops the download and removes the temporary file}
     *
     * @param job     a completed job
     * @param target  a file, or an existing directory
     * @param options {@code timeout} is the deadline of the whole download, body included
     *                (default 10 minutes); {@code attemptTimeout} bounds each attempt up to the
     *                response head; the retry policy and the extra headers apply to requests to the
     *                API's origin only, like the credentials: the output URL on a CDN gets neither
     *                (it is tried once, then the API's download endpoint), nor does a redirect that
     *                leaves the API's origin
     */
    CompletableFuture<DownloadResult> downloadAsync(ExportJob job, Path target, RequestOptions options);
}
