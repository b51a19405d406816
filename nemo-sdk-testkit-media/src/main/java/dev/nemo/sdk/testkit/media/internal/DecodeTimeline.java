package dev.nemo.sdk.testkit.media.internal;

/**
 * Rewrites the decode timestamps of the leading packets of a B-frame stream so that an MP4's
 * sample table spans exactly the presentation.
 *
 * <p>With B-frames, x264 starts the decode timeline before the first presentation time by
 * extrapolating the first frame interval. In an MP4 the sum of the sample durations ({@code stts})
 * is then {@code lastDts + lastDuration - firstDts}, which differs from the presentation length
 * whenever the frame durations vary (a GIF's long last frame, say): players that trust the sample
 * table (FFmpeg-based ones among them) would cut the end short. Spreading the leading decode
 * timestamps so that the decode timeline is as long as the presentation fixes it without touching
 * any presentation timestamp.
 */
public final class DecodeTimeline {

    private DecodeTimeline() {}

    /**
     * Computes decode timestamps for packets in decode order.
     *
     * @param pts presentation timestamps
     * @param dts decode timestamps as the encoder gave them (increasing)
     * @param duration presentation durations
     * @return the decode timestamps to write (the same array contents when nothing needs fixing)
     */
    public static long[] fix(long[] pts, long[] dts, long[] duration) {
        int n = pts.length;
        long[] out = dts.clone();
        if (n < 2) {
            return out;
        }
        long firstPts = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            firstPts = Math.min(firstPts, pts[i]);
            end = Math.max(end, pts[i] + duration[i]);
        }
        int lead = 0;
        while (lead < n && dts[lead] < firstPts) {
            lead++;
        }
        if (lead == 0 || lead == n) {
            return out;
        }
        long first = dts[n - 1] + duration[n - 1] - (end - firstPts);
        first = Math.min(first, dts[lead] - lead);
        long span = dts[lead] - first;
        for (int j = 0; j < lead; j++) {
            out[j] = first + span * j / lead;
        }
        return out;
    }
}
