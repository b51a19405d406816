package dev.nemo.sdk.testkit.internal;

import dev.nemo.sdk.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's default clock: the system clock plus every wait its own clients asked for. A
 * client built by the emulator waits through {@link #sleep(Duration)}, which moves this clock
 * forward at once instead of sleeping, so a 30 s export poll costs no real time while the emulator
 * (render pacing, token expiry, {@code Retry-After}) sees the 30 s pass.
 */
public final class FastForwardClock extends Clock implements Sleeper {
    private final Clock base;
    private final AtomicLong skippedNanos;

    /** A clock that starts at the system time. */
    public FastForwardClock() {
        this(Clock.systemUTC(), new AtomicLong());
    }

    private FastForwardClock(Clock base, AtomicLong skippedNanos) {
        this.base = base;
        this.skippedNanos = skippedNanos;
    }

    /** @return how far this clock is ahead of the system clock */
    public Duration skipped() {
        return Duration.ofNanos(skippedNanos.get());
    }

    @Override
    public CompletionStage<Void> sleep(Duration duration) {
        if (!duration.isNegative() && !duration.isZero()) {
            skippedNanos.addAndGet(duration.toNanos());
        }
        // completes on another thread, as a real wait would, so callers never recurse
        return CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS));
    }

    @Override
    public Instant instant() {
        return base.instant().plusNanos(skippedNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(base.getZone()) ? this : new FastForwardClock(base.withZone(zone), skippedNanos);
    }

    @Override
    public String toString() {
        return "FastForwardClock{skipped=" + skipped() + ", zone="
                + (base.getZone() == null ? ZoneOffset.UTC : base.getZone()) + '}';
    }
}
