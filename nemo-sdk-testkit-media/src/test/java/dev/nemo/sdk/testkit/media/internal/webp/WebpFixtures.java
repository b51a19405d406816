package dev.nemo.sdk.testkit.media.internal.webp;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** The animated WebP fixtures of {@code src/test/resources/webp} (see make-webp.py there) and their reference frames. */
final class WebpFixtures {

    /** The durations make-webp.py gives the five frames, in milliseconds. */
    static final List<Integer> DURATIONS = List.of(80, 120, 200, 40, 60);

    static final int WIDTH = 48;
    static final int HEIGHT = 32;

    private WebpFixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = WebpFixtures.class.getResourceAsStream("/webp/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /webp/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The five reference frames, as ARGB. */
    static List<int[]> referenceFrames() {
        List<int[]> frames = new ArrayList<>();
        for (int i = 0; i < DURATIONS.size(); i++) {
            try (InputStream in = WebpFixtures.class.getResourceAsStream("/webp/frame-" + i + ".png")) {
                BufferedImage img = ImageIO.read(in);
                frames.add(img.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return frames;
    }

    /** Every canvas of an animation, copied, with the durations. */
    record Played(List<int[]> canvases, List<Integer> durations) {}

    static Played play(byte[] file) {
        WebpAnimationReader r = WebpAnimationReader.open(file, dev.nemo.sdk.testkit.media.MediaLimits.defaults());
        List<int[]> canvases = new ArrayList<>();
        List<Integer> durations = new ArrayList<>();
        while (r.next()) {
            canvases.add(r.canvas().clone());
            durations.add(r.durationMs());
        }
        return new Played(canvases, durations);
    }
}
