package dev.nemo.sdk.testkit.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.function.ToLongBiFunction;
import org.junit.jupiter.api.Test;

class CrfSearchTest {

    private static final List<Size> LADDER =
            List.of(new Size(1280, 720), new Size(960, 540), new Size(640, 360), new Size(426, 240));

    /** A plausible encoder: size halves every 6 CRF (times a per-source slope) and scales with pixels^0.9. */
    private static ToLongBiFunction<CrfSearch.Step, Size> encoder(double bytesAt23Full, double slope) {
        return (step, size) -> {
            double pixels = Math.pow((double) size.pixels() / LADDER.get(0).pixels(), 0.9);
            if (step instanceof CrfSearch.CrfStep c) {
                return (long) (bytesAt23Full * pixels * Math.exp(-slope * (c.crf() - 23)));
            }
            return ((CrfSearch.TwoPassStep) step).bitsPerSecond() * 10 / 8; // 10 s at the bitrate
        };
    }

    private static CrfSearch run(long target, ToLongBiFunction<CrfSearch.Step, Size> encoder) {
        CrfSearch search = new CrfSearch(target, 23, LADDER, 10, 8);
        for (Optional<CrfSearch.Step> s = search.next(); s.isPresent(); s = search.next()) {
            search.record(
                    s.get(), encoder.applyAsLong(s.get(), LADDER.get(s.get().rung())));
        }
        return search;
    }

    @Test
    void acceptsTheFirstEncodeWhenItFits() {
        CrfSearch search = run(500_000, encoder(400_000, 0.115));
        assertThat(search.results()).hasSize(1);
        assertThat(search.best().orElseThrow().step()).isEqualTo(new CrfSearch.CrfStep(0, 23));
    }

    @Test
    void predictsTheCrfFromTheSlopeAndLandsUnderTheTarget() {
        CrfSearch search = run(500_000, encoder(900_000, 0.115));
        CrfSearch.Result best = search.best().orElseThrow();
        assertThat(best.bytes()).isLessThanOrEqualTo(500_000);
        assertThat(best.step().rung()).isZero();
        assertThat(((CrfSearch.CrfStep) best.step()).crf()).isBetween(24, 30);
        assertThat(search.results()).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void walksDownTheLadderWhenTheCrfWouldGetTooHigh() {
        CrfSearch search = run(500_000, encoder(2_000_000, 0.115));
        CrfSearch.Result best = search.best().orElseThrow();
        assertThat(best.bytes()).isLessThanOrEqualTo(500_000);
        assertThat(best.step().rung()).isBetween(1, 2);
        assertThat(best.step()).isInstanceOf(CrfSearch.CrfStep.class);
        assertThat(((CrfSearch.CrfStep) best.step()).crf()).isLessThanOrEqualTo(CrfSearch.MAX_CRF);
    }

    @Test
    void skipsRungsThatCannotFitWithoutEncodingThem() {
        CrfSearch search = run(500_000, encoder(8_000_000, 0.115));
        CrfSearch.Result best = search.best().orElseThrow();
        assertThat(best.bytes()).isLessThanOrEqualTo(500_000);
        assertThat(best.step().rung()).isEqualTo(3);
        assertThat(((CrfSearch.CrfStep) best.step()).crf()).isLessThanOrEqualTo(CrfSearch.MAX_CRF_LAST_RUNG);
        assertThat(search.results()).extracting(r -> r.step().rung()).doesNotContain(1);
        assertThat(search.results()).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void flatSlopeIsLearnedFromTwoAttempts() {
        // a source whose size falls slowly with CRF: the default slope underestimates the CRF needed
        CrfSearch search = run(500_000, encoder(950_000, 0.065));
        assertThat(search.best().orElseThrow().bytes()).isLessThanOrEqualTo(500_000);
        assertThat(search.results()).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void twoPassBitrateIsTheLastResort() {
        CrfSearch search = run(40_000, encoder(50_000_000, 0.115));
        assertThat(search.results()).anyMatch(r -> r.step() instanceof CrfSearch.TwoPassStep);
        assertThat(search.results().get(search.results().size() - 1).step()).isInstanceOf(CrfSearch.TwoPassStep.class);
        assertThat(search.best().orElseThrow().bytes()).isLessThanOrEqualTo(40_000);
    }

    @Test
    void anUnreachableTargetKeepsTheSmallestFile() {
        CrfSearch search = run(10, encoder(50_000_000, 0.115));
        long smallest = search.results().stream()
                .mapToLong(CrfSearch.Result::bytes)
                .min()
                .orElseThrow();
        assertThat(search.best().orElseThrow().bytes()).isEqualTo(smallest);
        assertThat(search.results()).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void preferTheLowestCrfThatFitsAtTheLargestSize() {
        CrfSearch search = new CrfSearch(1000, 23, LADDER, 10, 8);
        search.record(new CrfSearch.CrfStep(0, 23), 1500);
        search.record(new CrfSearch.CrfStep(0, 27), 900);
        search.record(new CrfSearch.CrfStep(0, 26), 990);
        search.record(new CrfSearch.CrfStep(1, 23), 500);
        assertThat(search.best().orElseThrow().step()).isEqualTo(new CrfSearch.CrfStep(0, 26));
    }
}
