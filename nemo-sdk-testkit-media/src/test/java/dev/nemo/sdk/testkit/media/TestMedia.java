package dev.nemo.sdk.testkit.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Test helper: media generated in pure Java (a sine-wave WAV, animated GIFs). */
final class TestMedia {

    private TestMedia() {}

    /**
     * A 16-bit PCM stereo WAV with a sine wave.
     *
     * @param seconds its length
     * @param rate samples per second
     * @param hz the tone
     * @param amplitude 0..1 of full scale
     * @return the file's bytes
     */
    static byte[] sineWav(double seconds, int rate, double hz, double amplitude) {
        int channels = 2;
        int frames = (int) Math.round(seconds * rate);
        int dataBytes = frames * channels * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        b.put("fmt ".getBytes())
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) channels)
                .putInt(rate)
                .putInt(rate * channels * 2)
                .putShort((short) (channels * 2))
                .putShort((short) 16);
        b.put("data".getBytes()).putInt(dataBytes);
        for (int i = 0; i < frames; i++) {
            short v = (short) Math.round(Math.sin(2 * Math.PI * hz * i / rate) * amplitude * Short.MAX_VALUE);
            for (int c = 0; c < channels; c++) {
                b.putShort(v);
            }
        }
        return b.array();
    }

    /**
     * An animated GIF whose frames change colour.
     *
     * @param file where to write it
     * @param width its width
     * @param height its height
     * @param frames how many frames
     * @param delayCs each frame's delay, in centiseconds
     * @return the file
     */
    static Path gif(Path file, int width, int height, int frames, int delayCs) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.getHSBColor(i / (float) frames, 0.8f, 0.9f));
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.fillRect(i * width / frames, 0, Math.max(2, width / frames), height);
            g.dispose();
            images.add(img);
        }
        return write(file, images, delayCs);
    }

    /**
     * An animated GIF of random colours, a different picture every frame: nothing in it can be
     * predicted, so it shrinks only by losing quality.
     *
     * @param file where to write it
     * @param width its width
     * @param height its height
     * @param frames how many frames
     * @param delayCs each frame's delay, in centiseconds
     * @param seed the random seed (the same seed, the same file)
     * @return the file
     */
    static Path noiseGif(Path file, int width, int height, int frames, int delayCs, long seed) throws IOException {
        Random random = new Random(seed);
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    img.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
            images.add(img);
        }
        return write(file, images, delayCs);
    }

    private static Path write(Path file, List<BufferedImage> images, int delayCs) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage img : images) {
                IIOMetadata meta =
                        writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
                String format = meta.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
                IIOMetadataNode gce = child(root, "GraphicControlExtension");
                gce.setAttribute("disposalMethod", "none");
                gce.setAttribute("userInputFlag", "FALSE");
                gce.setAttribute("transparentColorFlag", "FALSE");
                gce.setAttribute("delayTime", Integer.toString(delayCs));
                gce.setAttribute("transparentColorIndex", "0");
                meta.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(img, null, meta), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return Files.write(file, bytes.toByteArray());
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
