package dev.nemo.sdk.testkit.media.internal.webp;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import dev.nemo.sdk.testkit.media.MediaException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes one animation frame, wrapped as a still WebP, with TwelveMonkeys' {@code imageio-webp}
 * (VP8, VP8L and ALPH in pure Java) into non-premultiplied ARGB pixels. Any failure of the decoder
 * on damaged data becomes the engine's typed refusal.
 */
final class FrameDecoder {

    private static final WebPImageReaderSpi SPI = new WebPImageReaderSpi();

    private FrameDecoder() {}

    /**
     * Decodes a frame.
     *
     * @param bytes the animated file
     * @param frame the frame (its bitstream's declared size is already checked)
     * @param index the frame's position, for messages
     * @return {@code width × height} ARGB pixels, row by row
     * @throws dev.nemo.sdk.testkit.media.MediaRejectedException if the bitstream cannot be decoded
     */
    static int[] decode(byte[] bytes, AnmfFrame frame, int index) {
        byte[] still = StillWebp.of(bytes, frame);
        ImageReader reader = SPI.createReaderInstance(null);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(still))) {
            reader.setInput(in, true, true);
            BufferedImage img = reader.read(0);
            if (img.getWidth() != frame.width() || img.getHeight() != frame.height()) {
                throw AnmfFrame.bad("frame " + (index + 1) + " decodes to " + img.getWidth() + "x" + img.getHeight()
                        + ", not the " + frame.width() + "x" + frame.height() + " its header says");
            }
            return img.getRGB(0, 0, frame.width(), frame.height(), null, 0, frame.width());
        } catch (IOException | RuntimeException e) {
            if (e instanceof MediaException m) {
                throw m;
            }
            throw AnmfFrame.bad(
                    "frame " + (index + 1) + " (" + frame.image().fourcc().trim() + ") cannot be decoded: "
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            reader.dispose();
        }
    }
}
