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

/** The LZW encoder, lossless, against the JDK's own GIF decoder. */
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

    private static int[] decode(Indexed img) throws IOException {
        int[] rgb = new int[img.colors()];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = i * 0x010203;
        }
        Palette palette = new Palette(rgb, false);
        int height = img.indices().length / img.width();
        int[] emitted = new int[img.indices().length];
        byte[] lzw = new LzwEncoder().encode(palette.minCodeSize(), exact(img.indices()), false, emitted);
        assertThat(emitted).isEqualTo(img.indices());
        Path file = Files.createTempFile("lzw", ".gif");
        try {
            try (GifWriter w = GifWriter.open(file, img.width(), height, palette)) {
                w.image(new Rect(0, 0, img.width(), height), 10, GifWriter.DISPOSE_KEEP, palette.transparent(),
                        palette.minCodeSize(), lzw);
            }
            BufferedImage decoded = ImageIO.read(file.toFile());
            return decoded.getRaster().getSamples(0, 0, img.width(), height, 0, new int[img.indices().length]);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static LzwEncoder.Pixels exact(int[] indices) {
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
                return -1;
            }
        };
    }
}
