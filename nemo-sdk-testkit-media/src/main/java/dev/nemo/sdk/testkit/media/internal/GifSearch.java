package dev.nemo.sdk.testkit.media.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings a GIF render tries, in order. Without a size target: one encode at
 * {@link #DEFAULT_LOSSY}. With one: more lossiness first (cheapest in quality), then fewer colours
 * and frames, then the resolution ladder; the first encode under the target is kept.
 */
final class GifSearch {

    /** The lossy LZW budget of a GIF render without a size target. */
    static final int DEFAULT_LOSSY = 60;

    /**
     * Below this SSIM against the source a GIF is not watchable: a size target reached only below it
     * does not count as met.
     */
    static final double QUALITY_FLOOR = 0.80;

    private GifSearch() {}

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
        while (i < plans.size() - 1
                && plans.get(i).rung() == p.rung()
                && plans.get(i).maxFps() == p.maxFps()) {
            i++;
        }
        return i - 1;
    }

    /**
     * The other way to reach a size that plan {@code tried} reached: one rung down the resolution
     * ladder at the first plan's colours, frame rate and lossiness, when the plan dropped colours,
     * frames or exactness at the same resolution instead. SSIM decides between them.
     *
     * @return the plan, or empty when there is no other way
     */
    static Optional<GifOutput.Plan> alternative(List<GifOutput.Plan> plans, int tried, int rungs) {
        GifOutput.Plan p = plans.get(tried);
        GifOutput.Plan first = plans.get(0);
        if (tried == 0 || p.rung() + 1 >= rungs) {
            return Optional.empty();
        }
        GifOutput.Plan alt = new GifOutput.Plan(p.rung() + 1, first.maxFps(), first.colors(), first.lossy());
        return plans.subList(0, tried + 1).contains(alt) ? Optional.empty() : Optional.of(alt);
    }

    private static double capped(double fps, double requestFps) {
        return requestFps > 0 ? Math.min(fps, requestFps) : fps;
    }
}
