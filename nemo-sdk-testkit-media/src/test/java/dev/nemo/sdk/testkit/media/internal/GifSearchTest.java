package dev.nemo.sdk.testkit.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The GIF search's plans and the alternative that SSIM decides against. */
class GifSearchTest {

    @Test
    void withoutATargetOnePlanAtTheDefaultLossiness() {
        assertThat(GifSearch.plans(false, 3, 0))
                .containsExactly(new GifOutput.Plan(0, 0, 255, GifSearch.DEFAULT_LOSSY));
    }

    @Test
    void aPlanThatDroppedColoursOrExactnessIsWeighedAgainstOneRungDownAtFullQuality() {
        List<GifOutput.Plan> plans = GifSearch.plans(true, 3, 0);
        assertThat(plans.get(1).lossy()).isGreaterThan(GifSearch.DEFAULT_LOSSY);
        assertThat(GifSearch.alternative(plans, 1, 3)).contains(new GifOutput.Plan(1, 0, 255, GifSearch.DEFAULT_LOSSY));
    }

    @Test
    void noAlternativeForTheFirstPlanNorAtTheBottomOfTheLadder() {
        List<GifOutput.Plan> plans = GifSearch.plans(true, 1, 0);
        assertThat(GifSearch.alternative(plans, 0, 1)).isEmpty();
        assertThat(GifSearch.alternative(plans, 2, 1)).isEmpty();
    }
}
