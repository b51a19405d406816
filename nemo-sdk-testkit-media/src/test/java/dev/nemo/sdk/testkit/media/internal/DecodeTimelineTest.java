package dev.nemo.sdk.testkit.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecodeTimelineTest {

    @Test
    void spreadsTheLeadingDecodeTimestampsSoTheSampleTableSpansThePresentation() {
        // x264 with B-frames on a GIF whose frames last 10, 100, 100, 100, 100 cs (x128 ticks)
        long[] pts = {0, 1280, 14080, 39680, 26880};
        long[] dts = {-14080, -12800, 0, 1280, 14080};
        long[] dur = {1280, 12800, 12800, 12800, 12800};
        long[] fixed = DecodeTimeline.fix(pts, dts, dur);

        long end = 39680 + 12800;
        assertThat(fixed[4] + dur[4] - fixed[0]).isEqualTo(end);
        assertThat(fixed).isSorted().containsSubsequence(0L, 1280L, 14080L);
        for (int i = 0; i < fixed.length; i++) {
            assertThat(fixed[i]).isLessThanOrEqualTo(pts[i]);
        }
    }

    @Test
    void leavesStreamsWithoutReorderingAlone() {
        long[] pts = {0, 10, 20};
        long[] dts = {0, 10, 20};
        assertThat(DecodeTimeline.fix(pts, dts, new long[] {10, 10, 300})).containsExactly(0, 10, 20);
    }

    @Test
    void keepsDecodeTimestampsStrictlyIncreasingWhenTheSpanIsAlreadyLongEnough() {
        long[] pts = {0, 20, 10};
        long[] dts = {-100, 0, 10};
        long[] fixed = DecodeTimeline.fix(pts, dts, new long[] {10, 10, 10});
        assertThat(fixed[0]).isLessThan(fixed[1]);
        assertThat(fixed[1]).isEqualTo(0);
    }
}
