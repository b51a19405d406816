package dev.nemo.sdk.reactive;

import dev.nemo.sdk.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A {@link Sleeper} that waits on a Reactor {@link Scheduler}, so that the core's waits (retry
 * backoff, {@code Retry-After} after a 429) run on Reactor's timers and obey
 * {@code StepVerifier.withVirtualTime}.
 *
 * <p>{@link #parallel()} looks {@link Schedulers#parallel()} up at every wait, not once: a
 * {@code VirtualTimeScheduler} installed after the client was built (as
 * {@code StepVerifier.withVirtualTime} does) still takes over the waits that start while it is
 * installed. Cancelling the returned stage cancels the timer.
 *
 * <pre>{@code
 * NemoClient core = client.toBuilder().sleeper(ReactorSleeper.parallel()).build();
 * }</pre>
 */
public final class ReactorSleeper implements Sleeper {
    private final Supplier<Scheduler> scheduler;

    private ReactorSleeper(Supplier<Scheduler> scheduler) {
        this.scheduler = scheduler;
    }

    /** {@return a sleeper on {@link Schedulers#parallel()}, resolved at each wait} */
    public static ReactorSleeper parallel() {
        return new ReactorSleeper(Schedulers::parallel);
    }

    /**
     * {@return a sleeper on that scheduler}
     *
     * @param scheduler the scheduler to wait on
     */
    public static ReactorSleeper on(Scheduler scheduler) {
        Objects.requireNonNull(scheduler, "scheduler");
        return new ReactorSleeper(() -> scheduler);
    }

    /** {@return the scheduler the next wait will use} */
    public Scheduler scheduler() {
        return scheduler.get();
    }

    @Override
    public CompletionStage<Void> sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return CompletableFuture.completedFuture(null);
        }
        return Mono.delay(duration, scheduler.get()).then().toFuture();
    }

    @Override
    public String toString() {
        return "ReactorSleeper{" + scheduler.get() + '}';
    }
}
