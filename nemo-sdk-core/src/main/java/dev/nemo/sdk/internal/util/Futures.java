package dev.nemo.sdk.internal.util;

import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.NemoClientException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.TransportException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Bridges the asynchronous core to the blocking API. */
public final class Futures {
    private static final Logger LOG = LoggerFactory.getLogger(Futures.class);

    private Futures() {
    }

    /**
     * {@return the failure inside {@link CompletionException} / {@link ExecutionException} wrappers}
     *
     * @param t a failure, possibly wrapped
     */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /**
     * Like {@link CompletableFuture#thenApply}, except that cancelling the returned future also
     * cancels {@code source}: a caller that gives up on a decoded result (a reactive subscriber
     * that cancels, a timeout) stops the exchange underneath instead of leaving it running.
     *
     * @param source the operation
     * @param fn     the mapping of its result
     * @param <T>    source type
     * @param <U>    result type
     * @return the mapped future
     */
    public static <T, U> CompletableFuture<U> map(CompletableFuture<T> source, Function<? super T, ? extends U> fn) {
        return propagateCancel(source.thenApply(fn), source);
    }

    /**
     * Makes cancelling {@code dependent} cancel {@code source} too.
     *
     * @param dependent a future derived from {@code source}
     * @param source    the operation underneath
     * @param <T>       dependent type
     * @return {@code dependent}
     */
    public static <T> CompletableFuture<T> propagateCancel(CompletableFuture<T> dependent, CompletableFuture<?> source) {
        onCompletion(dependent, (v, e) -> {
            if (dependent.isCancelled()) {
                source.cancel(true);
            }
        });
        return dependent;
    }

    /**
     * Runs {@code action} when {@code future} completes, for its effect only: nothing waits for the
     * action, so an exception it throws has no caller to reach and is logged instead of lost.
     *
     * @param future the future to watch; its own outcome stays with whoever holds it
     * @param action what to do with its value (or {@code null}) and failure (or {@code null})
     * @param <T>    value type
     */
    public static <T> void onCompletion(CompletableFuture<T> future,
                                        BiConsumer<? super @Nullable T, ? super @Nullable Throwable> action) {
        // the stage whenComplete returns only repeats future's outcome: the action cannot fail it
        CompletableFuture<T> unusedSameOutcome = future.whenComplete((value, failure) -> {
            try {
                action.accept(value, failure);
            } catch (RuntimeException e) {
                LOG.error("A completion callback failed", e);
            }
        });
    }

    /**
     * {@return whether it already completed normally}: a stage that only handles failures can hand
     * such a future on as it is (a blocking call's chain completes on the caller's thread).
     *
     * @param future a future
     */
    public static boolean succeeded(CompletableFuture<?> future) {
        return future.isDone() && !future.isCompletedExceptionally();
    }

    /**
     * Waits for a stage, responding to interruption by cancelling it. Typed SDK errors are
     * rethrown as they are, so callers catch {@link NemoException} subclasses directly.
     *
     * @param stage the operation
     * @param <T>   result type
     * @return the result
     */
    public static <T> T await(CompletionStage<T> stage) {
        CompletableFuture<T> f = stage.toCompletableFuture();
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException("Interrupted while waiting for the NemoVideo API", ErrorDetails.none(), e,
                    TransportException.Kind.INTERRUPTED, true);
        } catch (ExecutionException | CompletionException e) {
            throw rethrow(unwrap(e));
        } catch (CancellationException e) {
            throw new NemoClientException("The operation was cancelled", ErrorDetails.none(), e);
        }
    }

    /**
     * Like {@link CompletableFuture#handle} with a function that starts the next stage, without a
     * future of a future: the returned future completes as that next stage does (or fails with
     * what {@code fn} threw). A failure of the next stage is not handed to {@code fn} again.
     *
     * @param source the first stage
     * @param fn     the next stage, from the first one's value (or {@code null}) and failure (or {@code null})
     * @param <T>    first stage's type
     * @param <U>    result type
     * @return the outcome of the next stage
     */
    public static <T, U> CompletableFuture<U> handleCompose(CompletableFuture<T> source,
            BiFunction<? super @Nullable T, ? super @Nullable Throwable, ? extends CompletionStage<U>> fn) {
        CompletableFuture<U> out = new CompletableFuture<>();
        onCompletion(source, (value, failure) -> {
            CompletionStage<U> next;
            try {
                next = fn.apply(value, failure);
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
                return;
            }
            onCompletion(next.toCompletableFuture(), (result, error) -> {
                if (error != null) {
                    out.completeExceptionally(error);
                } else {
                    out.complete(result);
                }
            });
        });
        return out;
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof NemoException n) {
            // keep the caller's stack visible next to the async one
            n.addSuppressed(new CallerStack());
            return n;
        }
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new NemoClientException("Unexpected failure: " + cause, ErrorDetails.none(), cause);
    }

    /** Shows where the blocking call was made. */
    private static final class CallerStack extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallerStack() {
            super("called from here");
        }
    }
}
