package dev.nemo.sdk.testkit.media.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings a GIF render tries, in order. Without a size target: one encode at
 * {@link #DEFAULT_LOSSY}. With one: more lossiness first (cheapest in quality), then fewer colours
 * and frames, then the resolution ladder; the first encode under the target is kept.
 */
final class GifSearch {

    /** The lossy LZW budget of a GIF render without a size target. */
    static final int DEFAULT_LOSSY = 60;

    private GifSearch() {
    }

    static List<GifOutput.Plan> plans(boolean target, int rungs, double requestFps) {
        List<GifOutput.Plan> plans = new ArrayList<>();
        plans.add(new GifOutput.Plan(0, requestFps, 255, DEFAULT_LOSSY));
        if (!target) {
            return plans;
        }
        int last = rungs - 1;
        plans.add(new GifOutput.Plan(0, requestFps, 255, 120));
        plans.add(new GifOutput.Plan(0, requestFps, 255, 200));
        plans.add(new GifOutput.Plan(0, capped(15, requestFps), 128, 200));
        plans.add(new GifOutput.Plan(Math.min(1, last), capped(15, requestFps), 128, 200));
        plans.add(new GifOutput.Plan(Math.min(2, last), capped(12, requestFps), 64, 200));
        plans.add(new GifOutput.Plan(last, capped(10, requestFps), 64, 200));
        plans.add(new GifOutput.Plan(last, capped(8, requestFps), 32, 200));
        return plans;
    }

    /**
     * Where to go after a plan missed the target: lossiness alone rarely shrinks a file by more than
     * a third, so a file far over the target skips to the first plan that drops frames or pixels.
     *
     * @return the index of the plan tried last (the loop moves on from it)
     */
    static int skip(List<GifOutput.Plan> plans, int tried, long bytes, long target) {
        if (bytes <= target * 1.6) {
            return tried;
        }
        GifOutput.Plan p = plans.get(tried);
        int i = tried + 1;
        while (i < plans.size() - 1 && plans.get(i).rung() == p.rung() && plans.get(i).maxFps() == p.maxFps()) {
            i++;
        }
        return i - 1;
    }

    private static double capped(double fps, double requestFps) {
        return requestFps > 0 ? Math.min(fps, requestFps) : fps;
    }
}
