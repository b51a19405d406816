package dev.nemo.sdk.internal.export;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.ExportFailedException;
import dev.nemo.sdk.error.ExportTimeoutException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportPoller;
import dev.nemo.sdk.export.ExportStatus;
import dev.nemo.sdk.export.ExportsApi;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.internal.api.DefaultExportsApi;
import dev.nemo.sdk.internal.http.TransportSettings;
import dev.nemo.sdk.internal.util.Futures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one render with the client's sleeper and clock. Each wait is an asynchronous loop: sleep,
 * poll, decide; the blocking methods await it.
 */
public final class DefaultExportPoller implements ExportPoller {
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.export");

    private final ExportsApi api;
    private final TransportSettings settings;
    private final String renderId;
    private final PollingStrategy polling;
    private final Duration firstDelay;
    private final AtomicReference<ExportJob> latest;
    private final List<Consumer<ExportJob>> listeners = new CopyOnWriteArrayList<>();
    private final Set<Wait> waits = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * Creates it from its parts.
     *
     * @param api        where polls go
     * @param settings   the client's sleeper and clock
     * @param renderId   the render
     * @param polling    how to wait
     * @param submitted  the submission's answer, or {@code null} when resuming
     * @param firstDelay wait before the first poll of a wait (the interval after a submission, zero on resume)
     */
    public DefaultExportPoller(ExportsApi api, TransportSettings settings, String renderId, PollingStrategy polling,
                               ExportJob submitted, Duration firstDelay) {
        this.api = api;
        this.settings = settings;
        this.renderId = Objects.requireNonNull(renderId, "renderId");
        this.polling = Objects.requireNonNull(polling, "polling");
        this.latest = new AtomicReference<>(submitted);
        this.firstDelay = firstDelay;
    }

    @Override
    public String renderId() {
        return renderId;
    }

    @Override
    public Optional<ExportJob> latest() {
        return Optional.ofNullable(latest.get());
    }

    @Override
    public ExportJob poll() {
        ExportJob job = Futures.await(api.pollAsync(renderId, RequestOptions.none()));
        record(job);
        return job;
    }

    @Override
    public ExportJob waitForCompletion() {
        return Futures.await(waitAsync(polling.timeout()));
    }

    @Override
    public ExportJob waitForCompletion(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        return Futures.await(waitAsync(timeout));
    }

    @Override
    public CompletableFuture<ExportJob> waitForCompletionAsync() {
        return waitAsync(polling.timeout());
    }

    @Override
    public void cancel() {
        api.cancel(renderId);
        cancelled.set(true);
        LOG.debug("Render {} was cancelled", renderId);
        for (Wait w : waits) {
            w.result.completeExceptionally(cancelledError());
        }
    }

    @Override
    public ExportPoller onProgress(Consumer<ExportJob> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Tells the listeners about a status.
     *
     * @param job the status
     */
    public void notifyListeners(ExportJob job) {
        for (Consumer<ExportJob> l : listeners) {
            try {
                l.accept(job);
            } catch (RuntimeException e) {
                LOG.warn("An export progress listener failed for render {}; ignoring it", renderId, e);
            }
        }
    }

    private void record(ExportJob job) {
        latest.set(job);
        LOG.debug("Render {}: {}{}", renderId, job.status(), job.progress().isPresent()
                ? " " + job.progress().getAsInt() + "%" : "");
        notifyListeners(job);
    }

    private CompletableFuture<ExportJob> waitAsync(Duration timeout) {
        Wait w = new Wait(settings.clock().instant().plus(timeout), timeout);
        ExportJob known = latest.get();
        if (cancelled.get()) {
            w.result.completeExceptionally(cancelledError());
        } else if (known != null && known.isTerminal()) {
            w.finish(known);
        } else {
            waits.add(w);
            Futures.onCompletion(w.result, (r, e) -> waits.remove(w));
            w.sleepThenPoll(firstDelay);
        }
        return w.result;
    }

    private ExportFailedException cancelledError() {
        return new ExportFailedException("Export " + renderId + " was cancelled", details(), renderId, null, true, null);
    }

    private ErrorDetails details() {
        return ErrorDetails.request("GET", DefaultExportsApi.pollPath(renderId));
    }

    /** One wait: polls until a terminal status, the poll limit or the deadline. */
    private final class Wait {
        final CompletableFuture<ExportJob> result = new CompletableFuture<>();
        final Instant deadline;
        final Duration timeout;
        int polls;
        NemoException lastError;
        volatile CompletableFuture<?> inFlight;

        Wait(Instant deadline, Duration timeout) {
            this.deadline = deadline;
            this.timeout = timeout;
            Futures.onCompletion(result, (r, e) -> {
                CompletableFuture<?> f = inFlight;
                if (f != null && result.isCancelled()) {
                    f.cancel(true);
                }
            });
        }

        void sleepThenPoll(Duration delay) {
            if (result.isDone()) {
                return;
            }
            if (polls >= polling.maxPolls()) {
                timeOut("after " + polls + (polls == 1 ? " poll" : " polls"));
                return;
            }
            Duration left = Duration.between(settings.clock().instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                timeOut("after " + human(timeout));
                return;
            }
            CompletableFuture<Void> sleep = settings.sleeper().sleep(delay.compareTo(left) < 0 ? delay : left)
                    .toCompletableFuture();
            inFlight = sleep;
            Futures.onCompletion(sleep, (v, e) -> {
                if (e != null) {
                    result.completeExceptionally(Futures.unwrap(e));
                } else {
                    pollNow();
                }
            });
        }

        void pollNow() {
            if (result.isDone()) {
                return;
            }
            polls++;
            CompletableFuture<ExportJob> p = api.pollAsync(renderId, RequestOptions.none());
            inFlight = p;
            Futures.onCompletion(p, (job, error) -> {
                if (result.isDone()) {
                    return;
                }
                if (error != null) {
                    Throwable e = Futures.unwrap(error);
                    if (e instanceof NemoException nemoException && retryable(nemoException)) {
                        lastError = nemoException;
                        LOG.debug("Poll {} of render {} failed ({}); polling the same id again", polls, renderId,
                                e.getClass().getSimpleName());
                        sleepThenPoll(polling.interval());
                    } else {
                        result.completeExceptionally(e);
                    }
                    return;
                }
                lastError = null;
                record(job);
                if (job.isTerminal()) {
                    finish(job);
                } else {
                    sleepThenPoll(polling.interval());
                }
            });
        }

        void finish(ExportJob job) {
            if (job.status() == ExportStatus.COMPLETED) {
                result.complete(job);
            } else {
                boolean wasCancelled = job.status() == ExportStatus.CANCELLED;
                String reason = job.error().orElse(null);
                result.completeExceptionally(new ExportFailedException("Export " + renderId
                        + (wasCancelled ? " was cancelled" : " failed") + (reason == null ? "" : ": " + reason),
                        details(), renderId, reason, wasCancelled, null));
            }
        }

        void timeOut(String when) {
            ExportJob last = latest.get();
            String status = last == null ? null : last.rawStatus().orElse(last.status().name().toLowerCase(java.util.Locale.ROOT));
            String message = "Export " + renderId + " is still running " + when
                    + (status == null ? "" : " (last status: " + status + ")")
                    + (lastError == null ? "" : "; the last poll failed: " + lastError.getMessage())
                    + ". The render goes on: resume it with client.exports().resume(\"" + renderId + "\")";
            result.completeExceptionally(new ExportTimeoutException(message, details(), renderId, status, lastError));
        }
    }

    /** Network errors and 5xx (and a 429 the transport already retried) poll the same id again. */
    private static boolean retryable(NemoException e) {
        if (e instanceof TransportException transportException) {
            return transportException.kind() != TransportException.Kind.INTERRUPTED;
        }
        return e.isTransient() && !(e instanceof ExportFailedException);
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 && s >= 60 ? (s / 60) + " min" : d.toMillis() % 1000 == 0 ? s + " s" : d.toMillis() + " ms";
    }
}
