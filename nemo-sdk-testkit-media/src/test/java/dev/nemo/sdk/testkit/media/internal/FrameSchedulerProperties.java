package dev.nemo.sdk.testkit.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class FrameSchedulerProperties {

    @Property
    void outputCoversExactlyTheVisiblePartOfTheWindow(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 1, max = 300) Integer> durations,
            @ForAll @IntRange(min = 0, max = 2000) int trimStart,
            @ForAll @IntRange(min = 1, max = 4000) int trimLength,
            @ForAll @IntRange(min = 0, max = 120) int minInterval) {
        long[][] frames = new long[durations.size()][];
        long t = 0;
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new long[] {t, durations.get(i)};
            t += durations.get(i);
        }
        long total = t;
        FrameScheduler s = new FrameScheduler(trimStart, (long) trimStart + trimLength, minInterval);
        List<long[]> out = FrameSchedulerTest.run(s, frames);

        long visible = Math.max(0, Math.min(total, (long) trimStart + trimLength) - trimStart);
        if (visible == 0) {
            assertThat(out).isEmpty();
            return;
        }
        assertThat(out).isNotEmpty();
        assertThat(out.get(0)[0]).isZero();
        long sum = 0;
        for (int i = 0; i < out.size(); i++) {
            long[] e = out.get(i);
            assertThat(e[1]).isPositive();
            if (i > 0) {
                assertThat(e[0]).isEqualTo(out.get(i - 1)[0] + out.get(i - 1)[1]);
            }
            if (i < out.size() - 1) {
                assertThat(e[1]).isGreaterThanOrEqualTo(minInterval);
            }
            sum += e[1];
        }
        assertThat(sum).isEqualTo(visible).isEqualTo(s.outputDuration());
        assertThat(s.emittedFrames()).isEqualTo(out.size());
    }
}
