package dev.nemo.sdk.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.error.DecodeException;
import dev.nemo.sdk.error.DraftNotExportableException;
import dev.nemo.sdk.error.ExportFailedException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.NemoServiceException;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.export.ExportPoller;
import dev.nemo.sdk.export.ExportStatus;
import dev.nemo.sdk.export.ExportsApi;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.internal.draft.DraftTrees;
import dev.nemo.sdk.internal.export.DefaultExportPoller;
import dev.nemo.sdk.internal.export.Downloader;
import dev.nemo.sdk.internal.export.RenderIds;
import dev.nemo.sdk.internal.http.ApiRequest;
import dev.nemo.sdk.internal.http.HttpPipeline;
import dev.nemo.sdk.internal.json.Json;
import dev.nemo.sdk.internal.json.JsonNodes;
import dev.nemo.sdk.internal.json.JsonValues;
import dev.nemo.sdk.internal.util.Futures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The render proxy: {@code /api/render/proxy/lambda[/<id>[/cancel]]} and {@code /api/render/proxy/<id>/download}. */
public final class DefaultExportsApi implements ExportsApi {
    /** Submission endpoint. */
    public static final String SUBMIT_PATH = "/api/render/proxy/lambda";

    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.export");

    private final HttpPipeline transport;
    private final Downloader downloader;

    /** @param transport the transport */
    public DefaultExportsApi(HttpPipeline transport) {
        this.transport = transport;
        this.downloader = new Downloader(transport);
    }

    /**
     * {@return its poll path}
     *
     * @param renderId a render id
     */
    public static String pollPath(String renderId) {
        return SUBMIT_PATH + "/" + PathEncoding.segment(renderId, "renderId");
    }

    /**
     * {@return its authenticated download path (no {@code /lambda/})}
     *
     * @param renderId a render id
     */
    public static String downloadPath(String renderId) {
        return "/api/render/proxy/" + PathEncoding.segment(renderId, "renderId") + "/download";
    }

    @Override
    public ExportPoller submit(String sessionId, Draft draft, ExportOptions options) {
        return poller(Futures.await(submit(sessionId, draft, options, true)), options);
    }

    @Override
    public CompletableFuture<ExportPoller> submitAsync(String sessionId, Draft draft, ExportOptions options) {
        return Futures.map(submit(sessionId, draft, options, false), submitted -> poller(submitted, options));
    }

    /** The poller of a render just submitted, its progress listener told of the submission. */
    private DefaultExportPoller poller(ExportJob submitted, ExportOptions options) {
        DefaultExportPoller poller = new DefaultExportPoller(
                this,
                transport.settings(),
                submitted.renderId(),
                options.polling(),
                submitted,
                options.polling().interval());
        options.progressListener().ifPresent(poller::onProgress);
        poller.notifyListeners(submitted);
        return poller;
    }

    /**
     * The submission alone, in both forms: validates, then sends with a fresh render id. The
     * blocking form runs every step on the caller's thread and answers a complete future.
     */
    private CompletableFuture<ExportJob> submit(
            String sessionId, Draft draft, ExportOptions options, boolean blocking) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(options, "options");
        if (sessionId.isBlank()) {
            throw new IllegalArgumentException("sessionId must not be blank");
        }
        if (!draft.isExportable()) {
            return CompletableFuture.failedFuture(new DraftNotExportableException("This draft cannot be exported yet: "
                    + "it needs at least one track with segments (" + draft.summary() + "). Add media to the session "
                    + "and let the agent build the timeline first; nothing was sent."));
        }
        ObjectNode draftJson = DraftTrees.of(draft);
        ObjectNode output = JsonValues.toJackson(options.toOutputJson());
        return attempt(sessionId, draftJson, output, options.request(), true, blocking);
    }

    private CompletableFuture<ExportJob> attempt(
            String sessionId,
            ObjectNode draft,
            ObjectNode output,
            RequestOptions options,
            boolean mayRetryDuplicate,
            boolean blocking) {
        String id = RenderIds.next(transport.settings().clock());
        ObjectNode body = Json.newObject();
        body.put("id", id);
        body.put("sessionId", sessionId);
        body.set("draft", draft);
        body.set("output", output);
        byte[] bytes = Json.write(body);
        CompletableFuture<JsonNode> call =
                transport.json(ApiRequest.postJson(SUBMIT_PATH, bytes).withOptions(options), blocking);
        return Futures.propagateCancel(
                call.thenApply(payload -> submitted(id, payload)).exceptionallyCompose(error -> {
                    Throwable e = Futures.unwrap(error);
                    if (mayRetryDuplicate && e instanceof NemoException n && isDuplicateId(n)) {
                        LOG.debug(
                                "The render service refused render id {} as a duplicate; retrying once with a new id",
                                id);
                        return attempt(sessionId, draft, output, options, false, blocking);
                    }
                    return CompletableFuture.failedFuture(e);
                }),
                call);
    }

    private static ExportJob submitted(String id, JsonNode payload) {
        String serverId = JsonNodes.firstText(payload, "id", "render_id", "renderId", "taskId")
                .orElse(null);
        if (serverId != null && !serverId.equals(id)) {
            LOG.debug("The render service answered id {} for render {}; polling keeps the client's id", serverId, id);
        }
        ExportJob job = ExportJob.fromJson(id, JsonValues.fromJackson(payload));
        if (job.status() == ExportStatus.UNKNOWN && job.rawStatus().isEmpty()) {
            // the submission's answer often carries no status: the render is queued
            ObjectNode withStatus = payload instanceof ObjectNode o ? o.deepCopy() : Json.newObject();
            withStatus.put("status", "pending");
            return ExportJob.fromJson(id, JsonValues.fromJackson(withStatus));
        }
        return job;
    }

    /** A refusal that names the id as already used: HTTP 409, or a message saying so. */
    static boolean isDuplicateId(NemoException e) {
        if (e.httpStatus() == 409) {
            return true;
        }
        if (e.getClass() != NemoServiceException.class) {
            return false;
        }
        String text = (e.getMessage() + " " + e.bodyExcerpt().orElse("")).toLowerCase(Locale.ROOT);
        return text.contains("duplicate")
                || text.contains("already exist")
                || text.contains("already in use")
                || text.contains("already used")
                || text.contains("already taken");
    }

    @Override
    public ExportPoller resume(String renderId, PollingStrategy polling) {
        PathEncoding.segment(renderId, "renderId");
        Objects.requireNonNull(polling, "polling");
        return new DefaultExportPoller(this, transport.settings(), renderId, polling, null, Duration.ZERO);
    }

    @Override
    public ExportJob poll(String renderId, RequestOptions options) {
        return Futures.await(poll(renderId, options, true));
    }

    @Override
    public CompletableFuture<ExportJob> pollAsync(String renderId, RequestOptions options) {
        return poll(renderId, options, false);
    }

    /**
     * Polls once in either form.
     *
     * @param renderId the render id
     * @param options  per-call options
     * @param blocking whether the caller waits on its own thread (the answer is then complete)
     * @return the job
     */
    public CompletableFuture<ExportJob> poll(String renderId, RequestOptions options, boolean blocking) {
        String path = pollPath(renderId);
        Objects.requireNonNull(options, "options");
        CompletableFuture<JsonNode> call = transport.json(ApiRequest.get(path).withOptions(options), blocking);
        return Futures.propagateCancel(
                call.thenApply(payload -> ExportJob.fromJson(renderId, JsonValues.fromJackson(payload)))
                        .exceptionallyCompose(error -> {
                            Throwable e = Futures.unwrap(error);
                            if (isRefusalForThisRender(e)) {
                                NemoException n = (NemoException) e;
                                return CompletableFuture.failedFuture(new ExportFailedException(
                                        "The render service reports a " + "failure for " + renderId + ": "
                                                + n.getMessage(),
                                        n.details(),
                                        renderId,
                                        null,
                                        false,
                                        n));
                            }
                            return CompletableFuture.failedFuture(e);
                        }),
                call);
    }

    /** A 2xx {@code {"success":false,"error":…}}: the render proxy's own failure answer. */
    private static boolean isRefusalForThisRender(Throwable e) {
        return e instanceof NemoServiceException n
                && n.getClass() == NemoServiceException.class
                && n.httpStatus() >= 200
                && n.httpStatus() <= 299
                && n.apiCode().isEmpty();
    }

    @Override
    public void cancel(String renderId, RequestOptions options) {
        Futures.await(cancel(renderId, options, true));
    }

    @Override
    public CompletableFuture<Void> cancelAsync(String renderId, RequestOptions options) {
        return cancel(renderId, options, false);
    }

    private CompletableFuture<Void> cancel(String renderId, RequestOptions options, boolean blocking) {
        String path = pollPath(renderId) + "/cancel";
        Objects.requireNonNull(options, "options");
        CompletableFuture<JsonNode> call =
                transport.json(ApiRequest.postJson(path, null).withOptions(options), blocking);
        return Futures.propagateCancel(
                call.<Void>thenApply(payload -> null).exceptionallyCompose(error -> {
                    Throwable e = Futures.unwrap(error);
                    // an accepted cancellation may come back as 204 or an empty 200: nothing to decode
                    if (e instanceof DecodeException d && d.httpStatus() / 100 == 2) {
                        return CompletableFuture.completedFuture(null);
                    }
                    return CompletableFuture.failedFuture(e);
                }),
                call);
    }

    @Override
    public DownloadResult download(ExportJob job, Path target, RequestOptions options) {
        return Futures.await(download(job, target, options, true));
    }

    @Override
    public CompletableFuture<DownloadResult> downloadAsync(ExportJob job, Path target, RequestOptions options) {
        return download(job, target, options, false);
    }

    private CompletableFuture<DownloadResult> download(
            ExportJob job, Path target, RequestOptions options, boolean blocking) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        return downloader.download(job, downloadPath(job.renderId()), target, options, blocking);
    }
}
