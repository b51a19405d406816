package dev.nemo.sdk.testing;

import dev.nemo.sdk.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock and a sleeper that share virtual time: every sleep completes at once and moves the
 * clock forward by its duration, and the requested durations are recorded for assertions.
 */
public final class VirtualTime extends Clock implements Sleeper {
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private volatile Instant now;

    /** @param start the initial instant */
    public VirtualTime(Instant start) {
        this.now = start;
    }

    /** @return virtual time starting at 2026-11-25T12:00:00Z */
    public static VirtualTime create() {
        return new VirtualTime(Instant.parse("2026-11-25T12:00:00Z"));
    }

    @Override
    public CompletionStage<Void> sleep(Duration duration) {
        sleeps.add(duration);
        if (!duration.isNegative()) {
            advance(duration);
        }
        return CompletableFuture.completedFuture(null);
    }

    /** @param d how far to move the clock */
    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    /** @return the sleeps requested so far, in order */
    public List<Duration> sleeps() {
        return new ArrayList<>(sleeps);
    }

    /** @return the sum of all sleeps */
    public Duration totalSlept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
