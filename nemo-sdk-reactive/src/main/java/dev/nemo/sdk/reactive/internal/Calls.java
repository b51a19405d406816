package dev.nemo.sdk.reactive.internal;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.reactive.NemoContext;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

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
        while (isWrapper(t)) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean isWrapper(Throwable t) {
        return (t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null;
    }
}
