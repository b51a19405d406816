package dev.nemo.sdk.reactive.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Guards an operation that must run at most once (it costs money or cannot be repeated safely):
 * the first subscription runs it, any later one fails with {@link IllegalStateException} and
 * sends nothing.
 */
public final class SingleUse {
    private final AtomicBoolean used = new AtomicBoolean();
    private final String refusal;

    /** @param refusal the message of the error a second subscriber gets */
    public SingleUse(String refusal) {
        this.refusal = refusal;
    }

    /**
     * {@return a flux that runs the operation once}
     *
     * @param operation assembles the operation, called on the first subscription only
     * @param <T>       element type
     */
    public <T> Flux<T> flux(Supplier<Flux<T>> operation) {
        return Flux.defer(() ->
                used.compareAndSet(false, true) ? operation.get() : Flux.error(new IllegalStateException(refusal)));
    }

    /**
     * {@return a mono that runs the operation once}
     *
     * @param operation assembles the operation, called on the first subscription only
     * @param <T>       value type
     */
    public <T> Mono<T> mono(Supplier<Mono<T>> operation) {
        return Mono.defer(() ->
                used.compareAndSet(false, true) ? operation.get() : Mono.error(new IllegalStateException(refusal)));
    }
}
