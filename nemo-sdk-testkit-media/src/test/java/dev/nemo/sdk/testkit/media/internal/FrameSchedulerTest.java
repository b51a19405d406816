package dev.nemo.sdk.testkit.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.testkit.media.internal.FrameScheduler.Action;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameSchedulerTest {

    /** Emitted (pts, duration) pairs of a run over frames given as (start, duration). */
    static List<long[]> run(FrameScheduler s, long[][] frames) {
        List<long[]> out = new ArrayList<>();
        for (long[] f : frames) {
            Action a = s.offer(f[0], f[1]);
            if (a == Action.EMIT_AND_HOLD) {
                out.add(new long[] {s.emitPts(), s.emitDuration()});
            }
            if (a == Action.STOP) {
                break;
            }
        }
        if (s.finish()) {
            out.add(new long[] {s.emitPts(), s.emitDuration()});
        }
        return out;
    }

    @Test
    void keepsVariableFrameDurationsExactly() {
        FrameScheduler s = new FrameScheduler(0, Long.MAX_VALUE, 0);
        List<long[]> out = run(s, new long[][] {{0, 10}, {10, 100}, {110, 3}, {113, 263}});
        assertThat(out).extracting(e -> e[1]).containsExactly(10L, 100L, 3L, 263L);
        assertThat(s.outputDuration()).isEqualTo(376);
    }

    @Test
    void trimShowsTheFrameVisibleAtTheStartAndCutsTheLastOne() {
        FrameScheduler s = new FrameScheduler(50, 250, 0);
        List<long[]> out = run(s, new long[][] {{0, 100}, {100, 100}, {200, 100}, {300, 100}});
        assertThat(out).extracting(e -> e[0]).containsExactly(0L, 50L, 150L);
        assertThat(out).extracting(e -> e[1]).containsExactly(50L, 100L, 50L);
        assertThat(s.outputDuration()).isEqualTo(200);
    }

    @Test
    void stopsReadingPastTheWindow() {
        FrameScheduler s = new FrameScheduler(0, 100, 0);
        assertThat(s.offer(0, 60)).isEqualTo(Action.HOLD);
        assertThat(s.offer(60, 60)).isEqualTo(Action.EMIT_AND_HOLD);
        assertThat(s.offer(120, 60)).isEqualTo(Action.STOP);
        assertThat(s.finish()).isTrue();
        assertThat(s.emitDuration()).isEqualTo(40);
    }

    @Test
    void frameRateCapDropsFramesAndLengthensTheKeptOnes() {
        FrameScheduler s = new FrameScheduler(0, Long.MAX_VALUE, 20);
        List<long[]> out = run(s, new long[][] {{0, 5}, {5, 5}, {10, 5}, {15, 5}, {20, 5}, {25, 5}, {30, 5}});
        assertThat(out).extracting(e -> e[0]).containsExactly(0L, 20L);
        assertThat(out).extracting(e -> e[1]).containsExactly(20L, 15L);
        assertThat(s.outputDuration()).isEqualTo(35);
    }

    @Test
    void aRepeatedTimestampReplacesTheHeldFrame() {
        FrameScheduler s = new FrameScheduler(0, Long.MAX_VALUE, 0);
        assertThat(s.offer(0, 10)).isEqualTo(Action.HOLD);
        assertThat(s.offer(0, 10)).isEqualTo(Action.REPLACE);
        assertThat(s.offer(10, 10)).isEqualTo(Action.EMIT_AND_HOLD);
        assertThat(s.emitPts()).isZero();
        assertThat(s.emitDuration()).isEqualTo(10);
    }

    @Test
    void aDeclaredEndLengthensTheLastFrame() {
        FrameScheduler s = new FrameScheduler(0, Long.MAX_VALUE, 0);
        s.offer(0, 10);
        s.offer(10, 1);
        s.extendTo(50);
        assertThat(s.finish()).isTrue();
        assertThat(s.emitDuration()).isEqualTo(40);
    }

    @Test
    void nothingHeldNothingEmitted() {
        FrameScheduler s = new FrameScheduler(100, 200, 0);
        assertThat(s.offer(0, 50)).isEqualTo(Action.DROP);
        assertThat(s.finish()).isFalse();
        assertThat(s.emittedFrames()).isZero();
    }

    @Test
    void rejectsAnEmptyWindow() {
        assertThatThrownBy(() -> new FrameScheduler(10, 10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
