package dev.nemo.sdk.testkit.media.internal.webp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.testkit.media.MediaException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Hostile input: whatever the bytes, reading an animated WebP either plays every frame or ends in
 * the engine's typed refusal ({@link MediaException}), never another exception, a hang or a huge
 * allocation.
 */
class WebpAnimationReaderProperties {

    private static final byte[] VALID = WebpFixtures.bytes("anim-lossless.webp");
    private static final byte[] LOSSY = WebpFixtures.bytes("anim-lossy.webp");

    /** What happened: the frames played, or -1 for a typed refusal. */
    private static int outcome(byte[] file) {
        try {
            return WebpFixtures.play(file).canvases().size();
        } catch (MediaException e) {
            assertThat(e.getMessage()).isNotBlank();
            return -1;
        }
    }

    @Property(tries = 300)
    void randomBytesAfterAnAnimatedHeaderAreRefusedOrPlayed(@ForAll @Size(max = 600) byte[] tail) {
        byte[] head = Arrays.copyOf(VALID, 30 + 14); // RIFF, VP8X and ANIM of the fixture
        byte[] file = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, file, head.length, tail.length);

        assertThat(outcome(file)).isBetween(-1, 600);
    }

    @Provide
    Arbitrary<byte[]> fixtures() {
        return Arbitraries.of(VALID, LOSSY);
    }

    @Property(tries = 200)
    void mutatedFilesAreRefusedOrPlayed(
            @ForAll("fixtures") byte[] fixture,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 1_000_000) Integer> positions,
            @ForAll @Size(min = 8, max = 8) byte[] values,
            @ForAll @IntRange(min = 0, max = 1_000_000) int cut) {
        byte[] file = fixture.clone();
        for (int i = 0; i < positions.size(); i++) {
            file[positions.get(i) % file.length] = values[i];
        }
        file = Arrays.copyOf(file, file.length - cut % 64);

        assertThat(outcome(file)).isBetween(-1, 5);
    }

    @Property(tries = 100)
    void mutatedHeadersNeverAskForMoreThanTheLimits(
            @ForAll @IntRange(min = 12, max = 59) int position, @ForAll byte value) {
        byte[] file = VALID.clone();
        file[position] = value; // VP8X, ANIM and the first ANMF header: canvas, offsets, sizes

        assertThat(outcome(file)).isBetween(-1, 5);
    }
}
