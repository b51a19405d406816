package dev.nemo.sdk.testkit.media.internal.gif;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The LZW encoder, lossless and lossy, against the JDK's own GIF decoder. */
class LzwEncoderProperties {

    /** An image's indices over a palette of some size. */
    record Indexed(int colors, int width, int[] indices) {
    }

    @Provide
    Arbitrary<Indexed> images() {
        Arbitrary<Integer> colors = Arbitraries.of(1, 2, 3, 7, 15, 16, 100, 255);
        Arbitrary<Integer> width = Arbitraries.integers().between(1, 97);
        Arbitrary<Integer> height = Arbitraries.integers().between(1, 80);
        Arbitrary<Boolean> runs = Arbitraries.of(true, false);
        return Combinators.combine(colors, width, height, runs, Arbitraries.longs())
                .as(LzwEncoderProperties::image);
    }

    private static Indexed image(int colors, int width, int height, boolean runs, long seed) {
        java.util.Random r = new java.util.Random(seed);
        int[] idx = new int[width * height];
        int alphabet = colors + 1; // the transparent index is a valid index too
        for (int i = 0; i < idx.length; i++) {
            idx[i] = runs && i > 0 && r.nextInt(4) != 0 ? idx[i - 1] : r.nextInt(alphabet);
        }
        return new Indexed(colors, width, idx);
    }

    @Property(tries = 60)
    void losslessOutputDecodesToTheInputIndices(@ForAll("images") Indexed img) throws IOException {
        assertThat(decode(img)).isEqualTo(img.indices());
    }

    @Property(tries = 3)
    void aLongImageSpansSeveralDictionaryClears(@ForAll("images") Indexed small) throws IOException {
        Indexed big = image(255, 400, 300, false, small.indices().length);
        assertThat(decode(big)).isEqualTo(big.indices());
    }

    @Property(tries = 40)
    void lossyOutputDecodesToWhatTheEncoderSaysAndStaysWithinTheBudget(@ForAll("images") Indexed img,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 6) int tolerance) throws IOException {
        Palette palette = palette(img.colors());
        int[] emitted = new int[img.indices().length];
        byte[] lzw = new LzwEncoder().encode(palette.minCodeSize(), near(img.indices(), img.colors(), tolerance),
                true, emitted);
        int[] decoded = decode(img.width(), img.indices().length / img.width(), palette, lzw);
        assertThat(decoded).isEqualTo(emitted);
        for (int i = 0; i < emitted.length; i++) {
            assertThat(Math.abs(emitted[i] - img.indices()[i])).isLessThanOrEqualTo(tolerance);
        }
    }

    @Property(tries = 3)
    void aLongLossyImageKeepsAFullDictionaryAndStillDecodes(@ForAll("images") Indexed small) throws IOException {
        Indexed big = image(255, 400, 300, true, small.indices().length);
        Palette palette = palette(255);
        int[] emitted = new int[big.indices().length];
        byte[] lzw = new LzwEncoder().encode(palette.minCodeSize(), near(big.indices(), 255, 3), true, emitted);
        assertThat(decode(400, 300, palette, lzw)).isEqualTo(emitted);
    }

    @Property(tries = 5)
    void aRunOfOneColourGrowsItsStringsByOnePixelACode(@ForAll @IntRange(min = 0, max = 254) int index)
            throws IOException {
        int[] run = new int[200 * 100];
        java.util.Arrays.fill(run, index);
        Palette palette = palette(255);
        for (boolean lossy : new boolean[] {false, true}) {
            int[] emitted = new int[run.length];
            byte[] lzw = new LzwEncoder().encode(palette.minCodeSize(), exact(run), lossy, emitted);
            // strings of 1, 2, 3 ... pixels: k codes cover k(k+1)/2 pixels, so 20,000 pixels take 200 codes
            // of 9 bits (a dictionary that lagged one string behind would need about twice as many)
            assertThat(lzw.length).isLessThan(200 * 9 / 8 + 8);
            assertThat(decode(200, 100, palette, lzw)).isEqualTo(run);
        }
    }

    private static Palette palette(int colors) {
        int[] rgb = new int[colors];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = i * 0x010203;
        }
        return new Palette(rgb, false);
    }

    private static int[] decode(Indexed img) throws IOException {
        Palette palette = palette(img.colors());
        int height = img.indices().length / img.width();
        int[] emitted = new int[img.indices().length];
        byte[] lzw = new LzwEncoder().encode(palette.minCodeSize(), exact(img.indices()), false, emitted);
        assertThat(emitted).isEqualTo(img.indices());
        return decode(img.width(), height, palette, lzw);
    }

    private static int[] decode(int width, int height, Palette palette, byte[] lzw) throws IOException {
        Path file = Files.createTempFile("lzw", ".gif");
        try {
            try (GifWriter w = GifWriter.open(file, width, height, palette)) {
                w.image(new Rect(0, 0, width, height), 10, GifWriter.DISPOSE_KEEP, palette.transparent(),
                        palette.minCodeSize(), lzw);
            }
            BufferedImage decoded = ImageIO.read(file.toFile());
            return decoded.getRaster().getSamples(0, 0, width, height, 0, new int[width * height]);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Any opaque index within {@code tolerance} of the wanted one is acceptable; the transparent one only exactly. */
    private static LzwEncoder.Pixels near(int[] indices, int colors, int tolerance) {
        return new LzwEncoder.Pixels() {
            @Override
            public int size() {
                return indices.length;
            }

            @Override
            public int wanted(int i) {
                return indices[i];
            }

            @Override
            public int cost(int i, int index) {
                int d = Math.abs(index - indices[i]);
                return indices[i] < colors && index < colors && d <= tolerance ? d : -1;
            }

            @Override
            public int[] near(int i) {
                return java.util.stream.IntStream.rangeClosed(indices[i] - tolerance, indices[i] + tolerance)
                        .filter(k -> k >= 0 && k < colors).toArray();
            }
        };
    }

    /** Only the wanted index: no opaque colour is near any other. */
    private static LzwEncoder.Pixels exact(int[] indices) {
        return near(indices, 0, 0);
    }
}
