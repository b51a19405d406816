package dev.nemo.sdk.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How an emulated render moves from {@code pending} through {@code processing} to
 * {@code completed}: after a number of polls, or after some time on the emulator's clock. Both are
 * deterministic (inject a virtual clock for the time-based form).
 */
public final class RenderPacing {
    private final Integer polls;
    private final Duration duration;

    private RenderPacing(Integer polls, Duration duration) {
        this.polls = polls;
        this.duration = duration;
    }

    /**
     * @param polls the poll that reports {@code completed} (1 = the first poll); earlier polls
     *              report {@code processing}
     * @return pacing by poll count
     */
    public static RenderPacing afterPolls(int polls) {
        if (polls < 1) {
            throw new IllegalArgumentException("polls must be at least 1");
        }
        return new RenderPacing(polls, null);
    }

    /**
     * @param duration how long after submission, on the emulator's clock, a render completes
     * @return pacing by time
     */
    public static RenderPacing afterTime(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative");
        }
        return new RenderPacing(null, duration);
    }

    /** @return the completing poll, when paced by polls */
    public OptionalInt polls() {
        return polls == null ? OptionalInt.empty() : OptionalInt.of(polls);
    }

    /** @return the render time, when paced by the clock */
    public Optional<Duration> duration() {
        return Optional.ofNullable(duration);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenderPacing
                && Objects.equals(polls, ((RenderPacing) o).polls)
                && Objects.equals(duration, ((RenderPacing) o).duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(polls, duration);
    }

    @Override
    public String toString() {
        return polls != null ? "afterPolls(" + polls + ")" : "afterTime(" + duration + ")";
    }
}
