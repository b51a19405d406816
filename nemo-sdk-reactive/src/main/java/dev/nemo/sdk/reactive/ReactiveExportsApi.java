package dev.nemo.sdk.reactive;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.export.ExportPoller;
import dev.nemo.sdk.export.ExportProgressListener;
import dev.nemo.sdk.export.ExportsApi;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.reactive.internal.Calls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

/**
 * Exports as Reactor streams: {@link #export} is a {@code PollerFlux}-like {@link Flux} of the
 * render's states, ending with the completed job.
 *
 * <pre>{@code
 * reactive.exports().export(sessionId, draft)
 *         .doOnNext(job -> log.info("{} {}%", job.status(), job.progress().orElse(0)))
 *         .last()                                              // the completed job
 *         .flatMap(done -> reactive.exports().download(done, Path.of("out")));
 * }</pre>
 *
 * <p>Polling is the core's ({@link ExportsApi#resume}: same retry rules, limits and typed errors);
 * its waits run on the client's Reactor timer, so {@code StepVerifier.withVirtualTime} controls the
 * 30-second cadence. The strategy's overall timeout is read on the client's {@code Clock}.
 */
public final class ReactiveExportsApi {
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.export");

    private final ExportsApi exports;
    private final ReactorSleeper timer;

    ReactiveExportsApi(ExportsApi exports, ReactorSleeper timer) {
        this.exports = exports;
        this.timer = timer;
    }

    /**
     * {@return the states of a new render, with {@link ExportOptions#defaults()} and the request options of the subscriber's context for the submission and every poll}
     *
     * @param sessionId the session
     * @param draft     its draft, as read from the session state (sent whole)
     * @see #export(String, Draft, ExportOptions)
     */
    public Flux<ExportJob> export(String sessionId, Draft draft) {
        return Flux.deferContextual(context -> export(sessionId, draft, fromContext(context)));
    }

    /**
     * Submits a render and follows it. The first element is the submission's answer: save its
     * {@link ExportJob#renderId()} to {@link #resume} after a restart. Then, one interval after the
     * submission and every interval after that, each poll's result; the last element is the
     * completed job and the flux completes. A failed or cancelled render is emitted, then signalled
     * as {@link dev.nemo.sdk.error.ExportFailedException}; a render still running after the
     * strategy's last poll or deadline ends with {@link dev.nemo.sdk.error.ExportTimeoutException}
     * (the render goes on: resume it). Cancelling the subscription stops polling, not the render
     * ({@link #cancel} stops it).
     *
     * <p>Every subscription submits a new render (exports are free, but each is a new job): to
     * follow the same render again, use {@link #resume}.
     *
     * @param sessionId the session
     * @param draft     its draft, as read from the session state (sent whole)
     * @param options   output format, polling, progress listener and request options (the
     *                  context's are ignored)
     * @return the render's states
     */
    public Flux<ExportJob> export(String sessionId, Draft draft, ExportOptions options) {
        Objects.requireNonNull(options, "options");
        PollingStrategy polling = options.polling();
        return Flux.defer(() -> submit(sessionId, draft, options)
                .flatMapMany(submitted -> Flux.just(submitted).concatWith(follow(submitted.renderId(), polling,
                        submitted.isTerminal() ? Duration.ZERO : polling.interval())))
                .doOnNext(progress(options.progressListener())));
    }

    /**
     * {@return the submission's answer, with {@link ExportOptions#defaults()} and the request options of the subscriber's context}
     *
     * @param sessionId the session
     * @param draft     its draft (sent whole)
     * @see #submit(String, Draft, ExportOptions)
     */
    public Mono<ExportJob> submit(String sessionId, Draft draft) {
        return Mono.deferContextual(context -> submit(sessionId, draft, fromContext(context)));
    }

    /**
     * {@return the submission's answer; each subscription submits a new render. Fails with {@link dev.nemo.sdk.error.DraftNotExportableException}, sending nothing, when the draft has no track with segments}
     *
     * @param sessionId the session
     * @param draft     its draft (sent whole)
     * @param options   output format and request options (its progress listener is for
     *                  {@link #export}; the context's request options are ignored)
     */
    public Mono<ExportJob> submit(String sessionId, Draft draft, ExportOptions options) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(options, "options");
        ExportOptions quiet = options.toBuilder().onProgress(null).build();
        return Calls.future(() -> exports.submitAsync(sessionId, draft, quiet))
                .map(poller -> poller.latest().orElseThrow());
    }

    /**
     * {@return its states from now on, with {@link PollingStrategy#defaults()} and the request options of the subscriber's context for every poll}
     *
     * @param renderId a saved render id
     * @see #resume(String, PollingStrategy)
     */
    public Flux<ExportJob> resume(String renderId) {
        Objects.requireNonNull(renderId, "renderId");
        return Flux.deferContextual(context -> resume(renderId,
                PollingStrategy.builder().request(NemoContext.options(context)).build()));
    }

    /**
     * Follows a render submitted earlier (maybe by another process) without submitting again:
     * the first poll at once, then every interval, ending as {@link #export} does. Safe to
     * re-subscribe: each subscription polls the same render again.
     *
     * @param renderId a saved render id
     * @param polling  how often, how many polls, the deadline, and the request options of each
     *                 poll (the context's are ignored)
     * @return the render's states
     */
    public Flux<ExportJob> resume(String renderId, PollingStrategy polling) {
        Objects.requireNonNull(renderId, "renderId");
        Objects.requireNonNull(polling, "polling");
        return follow(renderId, polling, Duration.ZERO);
    }

    /**
     * {@return its state, polled once with the request options of the subscriber's context; a failed render is a job with status {@code FAILED}, not an error. Safe to re-subscribe}
     *
     * @param renderId the render
     */
    public Mono<ExportJob> poll(String renderId) {
        Objects.requireNonNull(renderId, "renderId");
        return Calls.mono(options -> exports.pollAsync(renderId, options));
    }

    /**
     * {@return its state, polled once}
     *
     * @param renderId the render
     * @param options  per-request overrides (the context's are ignored)
     */
    public Mono<ExportJob> poll(String renderId, RequestOptions options) {
        Objects.requireNonNull(renderId, "renderId");
        return Calls.mono(o -> exports.pollAsync(renderId, o), options);
    }

    /**
     * {@return completes when the render service accepted the cancellation (context options apply); a flux following the render then ends with a cancelled {@link dev.nemo.sdk.error.ExportFailedException}}
     *
     * @param renderId the render
     */
    public Mono<Void> cancel(String renderId) {
        Objects.requireNonNull(renderId, "renderId");
        return Calls.mono(options -> exports.cancelAsync(renderId, options));
    }

    /**
     * {@return completes when the render service accepted the cancellation}
     *
     * @param renderId the render
     * @param options  per-request overrides (the context's are ignored)
     */
    public Mono<Void> cancel(String renderId, RequestOptions options) {
        Objects.requireNonNull(renderId, "renderId");
        return Calls.mono(o -> exports.cancelAsync(renderId, o), options);
    }

    /**
     * Downloads a completed export (the CDN URL without credentials, else the authenticated
     * fallback), into a temporary file moved into place when complete. Runs its file-system work on
     * {@link Schedulers#boundedElastic()}. Cancelling stops the download and removes the temporary
     * file. Each subscription downloads again. The context's {@code timeout} is the deadline of the
     * whole download (default 10 minutes).
     *
     * @param job    a completed job
     * @param target a file to write, or an existing directory
     * @return the file written
     */
    public Mono<DownloadResult> download(ExportJob job, Path target) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(target, "target");
        return Mono.deferContextual(context -> download(job, target, NemoContext.options(context)));
    }

    /**
     * {@return the file written}
     *
     * @param job     a completed job
     * @param target  a file to write, or an existing directory
     * @param options {@code timeout} is the deadline of the whole download (the context's are ignored)
     */
    public Mono<DownloadResult> download(ExportJob job, Path target, RequestOptions options) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(target, "target");
        return Calls.mono(o -> exports.downloadAsync(job, target, o), options)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The core's poll loop, reporting each state it sees; cancelling the subscription stops it. */
    private Flux<ExportJob> follow(String renderId, PollingStrategy polling, Duration firstDelay) {
        Flux<ExportJob> polls = Flux.create(sink -> {
            ExportPoller poller = exports.resume(renderId, polling).onProgress(sink::next);
            CompletableFuture<ExportJob> wait = poller.waitForCompletionAsync();
            sink.onDispose(() -> wait.cancel(true));
            Calls.onCompletion(wait, (done, error) -> {
                if (error != null) {
                    sink.error(Calls.unwrap(error));
                } else {
                    sink.complete();
                }
            });
        }, FluxSink.OverflowStrategy.BUFFER);
        return firstDelay.isZero() ? polls
                : Mono.defer(() -> Mono.delay(firstDelay, timer.scheduler())).thenMany(polls);
    }

    /** The core's rule: a listener that throws is not called again, and the export goes on. */
    private static Consumer<ExportJob> progress(Optional<ExportProgressListener> listener) {
        if (listener.isEmpty()) {
            return job -> { };
        }
        AtomicBoolean failed = new AtomicBoolean();
        return job -> {
            if (!failed.get()) {
                try {
                    listener.get().onProgress(job);
                } catch (RuntimeException e) {
                    failed.set(true);
                    LOG.warn("The export progress listener failed; it is not called again for this export", e);
                }
            }
        };
    }

    private static ExportOptions fromContext(ContextView context) {
        RequestOptions options = NemoContext.options(context);
        return ExportOptions.builder().request(options)
                .polling(PollingStrategy.builder().request(options).build()).build();
    }
}
