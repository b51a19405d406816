package dev.nemo.sdk.testkit.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FitGeometryTest {

    @Test
    void fitsInsideTheBoxKeepingAspectWithEvenSides() {
        assertThat(FitGeometry.fit(1734, 1083, 1, 1280, 720)).isEqualTo(new Size(1152, 720));
        assertThat(FitGeometry.fit(1600, 1040, 1, 1280, 720)).isEqualTo(new Size(1108, 720));
        assertThat(FitGeometry.fit(1776, 764, 1, 1280, 720)).isEqualTo(new Size(1280, 550));
    }

    @Test
    void neverUpscalesAndRoundsOddSidesDown() {
        assertThat(FitGeometry.fit(245, 245, 1, 1280, 720)).isEqualTo(new Size(244, 244));
        assertThat(FitGeometry.fit(480, 270, 1, 1280, 720)).isEqualTo(new Size(480, 270));
        assertThat(FitGeometry.fit(1, 1, 1, 1280, 720)).isEqualTo(new Size(2, 2));
    }

    @Test
    void portraitBoxForStories() {
        assertThat(FitGeometry.fit(1920, 1080, 1, 1080, 1920)).isEqualTo(new Size(1080, 608));
        assertThat(FitGeometry.fit(1080, 1920, 1, 1080, 1920)).isEqualTo(new Size(1080, 1920));
    }

    @Test
    void appliesThePixelAspectRatio() {
        // 720x576 anamorphic 16:9 (SAR 64/45) displays as 1024x576
        assertThat(FitGeometry.fit(720, 576, 64.0 / 45, 1280, 720)).isEqualTo(new Size(1024, 576));
    }

    @Test
    void ladderWalksDownTheRungsAndSkipsNearDuplicates() {
        List<Size> ladder = FitGeometry.ladder(1920, 1080, 1, 1280, 720);
        assertThat(ladder)
                .containsExactly(new Size(1280, 720), new Size(960, 540), new Size(640, 360), new Size(426, 240));
        // 1018x552: the 540 rung (960x520) would save 11% of the pixels, so it is skipped
        assertThat(FitGeometry.ladder(1018, 552, 1, 1280, 720))
                .containsExactly(new Size(1018, 552), new Size(640, 346), new Size(426, 232));
        // already small: only the 240 rung is below it
        assertThat(FitGeometry.ladder(480, 270, 1, 1280, 720)).containsExactly(new Size(480, 270), new Size(426, 240));
        assertThat(FitGeometry.ladder(100, 100, 1, 1280, 720)).containsExactly(new Size(100, 100));
    }
}
