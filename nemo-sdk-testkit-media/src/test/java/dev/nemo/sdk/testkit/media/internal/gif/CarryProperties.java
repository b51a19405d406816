package dev.nemo.sdk.testkit.media.internal.gif;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The packed colour error a lossy LZW string carries from pixel to pixel. */
class CarryProperties {

    @Property(tries = 200)
    void packsAndUnpacksEveryChannelExactly(@ForAll @IntRange(min = -1100, max = 1100) int r,
            @ForAll @IntRange(min = -1100, max = 1100) int g, @ForAll @IntRange(min = -1100, max = 1100) int b) {
        long c = Carry.of(r, g, b);
        assertThat(new int[] {Carry.red(c), Carry.green(c), Carry.blue(c)}).containsExactly(r, g, b);
        assertThat(c == Carry.NONE).isEqualTo(r == 0 && g == 0 && b == 0);
    }

    @Property(tries = 100)
    void decaysEachChannelToThreeQuarters(@ForAll @IntRange(min = -1100, max = 1100) int r,
            @ForAll @IntRange(min = -1100, max = 1100) int g, @ForAll @IntRange(min = -1100, max = 1100) int b) {
        long d = Carry.decayed(Carry.of(r, g, b));
        assertThat(new int[] {Carry.red(d), Carry.green(d), Carry.blue(d)})
                .containsExactly(r * 3 / 4, g * 3 / 4, b * 3 / 4);
    }
}
