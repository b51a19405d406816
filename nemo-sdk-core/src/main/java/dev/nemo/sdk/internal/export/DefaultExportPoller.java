package dev.nemo.sdk.internal.export;

import dev.nemo.sdk.RequestListener;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.ExportFailedException;
import dev.nemo.sdk.error.ExportTimeoutException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportPoller;
import dev.nemo.sdk.export.ExportProgressListener;
import dev.nemo.sdk.export.ExportStatus;
import dev.nemo.sdk.export.ExportsApi;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.internal.api.DefaultExportsApi;
import dev.nemo.sdk.internal.http.Listeners;
import dev.nemo.sdk.internal.http.TransportSettings;
import dev.nemo.sdk.internal.util.Durations;
import dev.nemo.sdk.internal.util.Futures;
import dev.nemo.sdk.internal.util.ProgressReporter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one render with the client's sleeper and clock. Each wait is a loop: sleep, poll, decide;
 * asynchronous for {@code waitForCompletionAsync}, on the caller's thread for the blocking methods.
 */
public final class DefaultExportPoller implements ExportPoller {
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.export");

    private final ExportsApi api;
    private final TransportSettings settings;
    private final String renderId;
    private final PollingStrategy polling;
    private final Duration firstDelay;
    private final AtomicReference<ExportJob> latest;
    private final List<ProgressReporter<ExportProgressListener>> listeners = new CopyOnWriteArrayList<>();
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
                               @Nullable ExportJob submitted, Duration firstDelay) {
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
        ExportJob job = api.poll(renderId, polling.request());
        record(job);
        return job;
    }

    @Override
    public CompletableFuture<ExportJob> pollAsync() {
        return Futures.map(api.pollAsync(renderId, polling.request()), job -> {
            record(job);
            return job;
        });
    }

    @Override
    public ExportJob waitForCompletion() {
        return Futures.await(startWait(polling.timeout(), true));
    }

    @Override
    public ExportJob waitForCompletion(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        return Futures.await(startWait(timeout, true));
    }

    @Override
    public CompletableFuture<ExportJob> waitForCompletionAsync() {
        return waitAsync(polling.timeout());
    }

    @Override
    public void cancel() {
        api.cancel(renderId, polling.request());
        cancelled();
    }

    @Override
    public CompletableFuture<Void> cancelAsync() {
        return Futures.map(api.cancelAsync(renderId, polling.request()), accepted -> {
            cancelled();
            return null;
        });
    }

    /** The service accepted the cancellation: every wait in progress ends with it. */
    private void cancelled() {
        cancelled.set(true);
        LOG.debug("Render {} was cancelled", renderId);
        for (Wait w : waits) {
            w.fail(cancelledError());
        }
    }

    @Override
    public ExportPoller onProgress(ExportProgressListener listener) {
        listeners.add(new ProgressReporter<>(listener, "export"));
        return this;
    }

    /**
     * Tells the progress listeners about a status.
     *
     * @param job a status to tell the listeners about
     */
    public void notifyListeners(ExportJob job) {
        for (ProgressReporter<ExportProgressListener> l : listeners) {
            l.report(x -> x.onProgress(job));
        }
    }

    private void record(ExportJob job) {
        latest.set(job);
        LOG.debug("Render {}: {}{}", renderId, job.status(), job.progress().isPresent()
                ? " " + job.progress().getAsInt() + "%" : "");
        notifyListeners(job);
    }

    private CompletableFuture<ExportJob> waitAsync(Duration timeout) {
        return startWait(timeout, false);
    }

    /** Starts a wait; the blocking one has run to its end on the caller's thread when this returns. */
    private CompletableFuture<ExportJob> startWait(Duration timeout, boolean blocking) {
        Wait w = new Wait(settings.clock().instant().plus(timeout), timeout);
        ExportJob known = latest.get();
        if (cancelled.get()) {
            w.fail(cancelledError());
        } else if (known != null && known.isTerminal()) {
            w.finish(known);
        } else {
            waits.add(w);
            Futures.onCompletion(w.result, (r, e) -> waits.remove(w));
            if (blocking) {
                w.runBlocking(firstDelay);
            } else {
                w.sleepThenPoll(firstDelay);
            }
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
        final Instant started;
        int polls;
        @Nullable NemoException lastError;
        volatile @Nullable CompletableFuture<?> inFlight;

        Wait(Instant deadline, Duration timeout) {
            this.deadline = deadline;
            this.timeout = timeout;
            this.started = settings.clock().instant();
            Futures.onCompletion(result, (r, e) -> {
                CompletableFuture<?> f = inFlight;
                if (f != null && result.isCancelled()) {
                    f.cancel(true);
                }
                if (e != null && result.isCancelled()) {
                    finished(null, Futures.unwrap(e));
                }
            });
        }

        /** Reports the end to the listeners first, so a caller woken by the result sees the event. */
        void succeed(ExportJob job) {
            if (!result.isDone()) {
                finished(job, null);
            }
            result.complete(job);
        }

        void fail(Throwable error) {
            if (!result.isDone()) {
                finished(null, error);
            }
            result.completeExceptionally(error);
        }

        /** Tells the request listeners how the wait ended (no render id: it is not a metric tag). */
        private void finished(@Nullable ExportJob done, @Nullable Throwable error) {
            Listeners listeners = settings.listeners();
            if (listeners.isEmpty()) {
                return;
            }
            ExportJob last = done != null ? done : latest.get();
            ExportStatus status = last == null ? ExportStatus.UNKNOWN : last.status();
            String outcome = error == null ? "completed"
                    : error instanceof ExportTimeoutException ? "timeout"
                    : error instanceof ExportFailedException f ? (f.cancelled() ? "cancelled" : "failed")
                    : "error";
            RequestListener.ExportWaitFinished event = new RequestListener.ExportWaitFinished(status, outcome, polls,
                    Duration.between(started, settings.clock().instant()));
            listeners.emit("exportWaitFinished", l -> l.exportWaitFinished(event));
        }

        void sleepThenPoll(Duration delay) {
            CompletableFuture<Void> sleep = startSleep(delay);
            if (sleep == null) {
                return;
            }
            Futures.onCompletion(sleep, (v, e) -> {
                if (e != null) {
                    fail(Futures.unwrap(e));
                } else {
                    pollNow();
                }
            });
        }

        /** {@return the wait before the next poll, or {@code null} when the wait is over (timed out or done)} */
        private @Nullable CompletableFuture<Void> startSleep(Duration delay) {
            if (result.isDone()) {
                return null;
            }
            if (polls >= polling.maxPolls()) {
                timeOut("after " + polls + (polls == 1 ? " poll" : " polls"));
                return null;
            }
            Duration left = Duration.between(settings.clock().instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                timeOut("after " + Durations.human(timeout));
                return null;
            }
            CompletableFuture<Void> sleep = settings.sleeper().sleep(delay.compareTo(left) < 0 ? delay : left)
                    .toCompletableFuture();
            inFlight = sleep;
            return sleep;
        }

        void pollNow() {
            if (result.isDone()) {
                return;
            }
            polls++;
            CompletableFuture<ExportJob> p = api.pollAsync(renderId, polling.request());
            inFlight = p;
            Futures.onCompletion(p, (job, error) -> {
                if (polled(job, error)) {
                    sleepThenPoll(polling.interval());
                }
            });
        }

        /**
         * The blocking form of the loop: sleeps and polls on the caller's thread until the result is
         * decided. {@link #cancel()} from another thread ends the current sleep.
         */
        void runBlocking(Duration delay) {
            Futures.onCompletion(result, (r, e) -> {
                CompletableFuture<?> f = inFlight;
                if (f != null) {
                    f.cancel(true);
                }
            });
            Duration next = delay;
            while (true) {
                CompletableFuture<Void> sleep = startSleep(next);
                if (sleep == null || !slept(sleep) || result.isDone()) {
                    return;
                }
                polls++;
                ExportJob job = null;
                Throwable error = null;
                try {
                    job = api.poll(renderId, polling.request());   // the blocking form: on this thread
                } catch (RuntimeException e) {
                    error = Futures.unwrap(e);
                }
                if (!polled(job, error)) {
                    return;
                }
                next = polling.interval();
            }
        }

        private boolean slept(CompletableFuture<Void> sleep) {
            try {
                sleep.get();
                return true;
            } catch (InterruptedException e) {
                sleep.cancel(true);
                Thread.currentThread().interrupt();
                fail(new TransportException("Interrupted while waiting for export " + renderId,
                        details(), e, TransportException.Kind.INTERRUPTED, true));
            } catch (ExecutionException | CancellationException e) {
                fail(Futures.unwrap(e));
            }
            return false;
        }

        /** Decides after one poll; @return whether to poll again */
        private boolean polled(@Nullable ExportJob job, @Nullable Throwable failure) {
            if (result.isDone()) {
                return false;
            }
            if (failure != null) {
                Throwable e = Futures.unwrap(failure);
                if (e instanceof NemoException n && retryable(n)) {
                    lastError = n;
                    LOG.debug("Poll {} of render {} failed ({}); polling the same id again", polls, renderId,
                            e.getClass().getSimpleName());
                    return true;
                }
                fail(e);
                return false;
            }
            if (job == null) {
                fail(new IllegalStateException("Poll " + polls + " of render " + renderId + " returned no status"));
                return false;
            }
            lastError = null;
            record(job);
            if (job.isTerminal()) {
                finish(job);
                return false;
            }
            return true;
        }

        void finish(ExportJob job) {
            if (job.status() == ExportStatus.COMPLETED) {
                succeed(job);
            } else {
                boolean wasCancelled = job.status() == ExportStatus.CANCELLED;
                String reason = job.error().orElse(null);
                fail(new ExportFailedException("Export " + renderId
                        + (wasCancelled ? " was cancelled" : " failed") + (reason == null ? "" : ": " + reason),
                        details(), renderId, reason, wasCancelled, null));
            }
        }

        void timeOut(String when) {
            ExportJob last = latest.get();
            String status = last == null ? null : last.rawStatus().orElse(last.status().name().toLowerCase(Locale.ROOT));
            String message = "Export " + renderId + " is still running " + when
                    + (status == null ? "" : " (last status: " + status + ")")
                    + (lastError == null ? "" : "; the last poll failed: " + lastError.getMessage())
                    + ". The render goes on: resume it with client.exports().resume(\"" + renderId + "\")";
            fail(new ExportTimeoutException(message, details(), renderId, status, lastError));
        }
    }

    /** Network errors and 5xx (and a 429 the transport already retried) poll the same id again. */
    private static boolean retryable(NemoException e) {
        if (e instanceof TransportException t) {
            return t.kind() != TransportException.Kind.INTERRUPTED;
        }
        return e.isTransient() && !(e instanceof ExportFailedException);
    }
}
