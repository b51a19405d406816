package dev.nemo.sdk.reactive.internal;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.reactive.NemoContext;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/** Turns the core's asynchronous calls into lazy monos. */
public final class Calls {
    private Calls() {
    }

    /**
     * {@return a mono that makes the call once per subscription; cancelling it cancels the call}
     *
     * @param call the core call, given the options from the subscriber's context
     * @param <T>  result type
     */
    public static <T> Mono<T> mono(Function<RequestOptions, CompletableFuture<T>> call) {
        return Mono.deferContextual(context -> mono(call, NemoContext.options(context)));
    }

    /**
     * {@return a mono that makes the call once per subscription; cancelling it cancels the call}
     *
     * @param call    the core call
     * @param options the overrides to pass it
     * @param <T>     result type
     */
    public static <T> Mono<T> mono(Function<RequestOptions, CompletableFuture<T>> call, RequestOptions options) {
        Objects.requireNonNull(options, "options");
        return future(() -> call.apply(options));
    }

    /**
     * {@return a mono that starts the call once per subscription; cancelling it cancels the call}
     *
     * @param call starts the core call
     * @param <T>  result type
     */
    public static <T> Mono<T> future(Supplier<CompletableFuture<T>> call) {
        return Mono.<T>fromFuture(call).onErrorMap(Calls::isWrapper, Calls::unwrap);
    }

    /**
     * {@return the failure inside {@link CompletionException} / {@link ExecutionException} wrappers}
     *
     * @param error a failure, possibly wrapped
     */
    public static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException || t instanceof ExecutionException) {
            Throwable cause = t.getCause();
            if (cause == null) {
                break;
            }
            t = cause;
        }
        return t;
    }

    /**
     * Runs {@code action} when {@code future} completes, for its effect only (typically handing the
     * outcome to a sink). Nothing waits for the action, so an exception it throws has no caller to
     * reach: it goes to Reactor's {@link Operators#onErrorDropped} hook instead of being lost.
     *
     * @param future the future to watch; its own outcome stays with whoever holds it
     * @param action what to do with its value (or {@code null}) and failure (or {@code null})
     * @param <T>    value type
     */
    public static <T> void onCompletion(CompletableFuture<T> future,
                                        BiConsumer<? super @Nullable T, ? super @Nullable Throwable> action) {
        // the stage whenComplete returns only repeats future's outcome: the action's failures are caught below
        CompletableFuture<T> unusedSameOutcome = future.whenComplete((value, failure) -> {
            try {
                action.accept(value, failure);
            } catch (RuntimeException e) {
                Operators.onErrorDropped(e, Context.empty());
            }
        });
    }

    private static boolean isWrapper(Throwable t) {
        return (t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null;
    }
}
