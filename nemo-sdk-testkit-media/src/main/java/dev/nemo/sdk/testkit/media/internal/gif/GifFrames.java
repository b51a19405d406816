package dev.nemo.sdk.testkit.media.internal.gif;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * Reads a GIF with the JDK's ImageIO reader, image by image as stored (sub-rectangles stay
 * sub-rectangles), and composes the canvas the way browsers show it: disposal "background" clears
 * to transparent, "previous" restores, delays under 2 cs count as 10. Each frame's dirty
 * rectangle is its own image plus what the disposal before it touched, so a frame that changes
 * a few lines costs a few lines.
 */
public final class GifFrames {

    private static final String IMAGE_FORMAT = "javax_imageio_gif_image_1.0";
    private static final String STREAM_FORMAT = "javax_imageio_gif_stream_1.0";

    /**
     * The canvas size of a GIF.
     *
     * @param width logical screen width
     * @param height logical screen height
     */
    public record Canvas(int width, int height) {}

    private record Image(Rect rect, String disposal, int transparent, int delayCs) {}

    private GifFrames() {}

    /**
     * Reads every frame.
     *
     * @param file the GIF
     * @param maxFrames fail beyond this many images
     * @param check called before every image (budget and cancellation)
     * @param sink receives the canvases
     * @return the canvas size
     * @throws IOException if the file cannot be read as a GIF
     */
    public static Canvas read(Path file, int maxFrames, Runnable check, FrameSink sink) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("gif");
        if (!readers.hasNext()) {
            throw new IOException("no ImageIO GIF reader");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, false);
            IIOMetadataNode screen = child(
                    (IIOMetadataNode) reader.getStreamMetadata().getAsTree(STREAM_FORMAT), "LogicalScreenDescriptor");
            Canvas c = new Canvas(intAttr(screen, "logicalScreenWidth"), intAttr(screen, "logicalScreenHeight"));
            if (c.width() < 1 || c.height() < 1) {
                throw new IOException("GIF canvas " + c.width() + "x" + c.height());
            }
            compose(reader, c, maxFrames, check, sink);
            return c;
        } finally {
            reader.dispose();
        }
    }

    private static void compose(ImageReader reader, Canvas c, int maxFrames, Runnable check, FrameSink sink)
            throws IOException {
        int[] canvas = new int[c.width() * c.height()];
        int[] saved = null;
        Image prev = null;
        Rect full = new Rect(0, 0, c.width(), c.height());
        for (int i = 0; ; i++) {
            check.run();
            BufferedImage img;
            try {
                img = reader.read(i);
            } catch (IndexOutOfBoundsException e) {
                return;
            }
            if (i >= maxFrames) {
                throw new IOException("more than " + maxFrames + " images");
            }
            Image meta = image((IIOMetadataNode) reader.getImageMetadata(i).getAsTree(IMAGE_FORMAT));
            Rect dirty = meta.rect().clip(c.width(), c.height());
            if (prev != null && prev.disposal().equals("restoreToBackgroundColor")) {
                fill(canvas, c.width(), prev.rect(), 0);
                dirty = dirty.union(prev.rect());
            } else if (prev != null && prev.disposal().equals("restoreToPrevious") && saved != null) {
                restore(canvas, saved, c.width(), prev.rect());
                dirty = dirty.union(prev.rect());
            }
            if (meta.disposal().equals("restoreToPrevious")) {
                saved = canvas.clone();
            }
            draw(canvas, c.width(), img, meta);
            sink.frame(canvas, i == 0 ? full : dirty, meta.delayCs() < 2 ? 10 : meta.delayCs());
            prev = new Image(
                    meta.rect().clip(c.width(), c.height()), meta.disposal(), meta.transparent(), meta.delayCs());
        }
    }

    private static void draw(int[] canvas, int stride, BufferedImage img, Image meta) {
        Rect r = meta.rect();
        int[] lut = new int[256];
        if (img.getColorModel() instanceof IndexColorModel icm) {
            for (int k = 0; k < icm.getMapSize(); k++) {
                lut[k] = 0xff000000 | (icm.getRGB(k) & 0xffffff);
            }
        }
        Raster raster = img.getRaster();
        int w = Math.min(img.getWidth(), r.width());
        int h = Math.min(img.getHeight(), r.height());
        int[] row = new int[w];
        int canvasHeight = canvas.length / stride;
        for (int y = 0; y < h; y++) {
            int cy = r.y() + y;
            if (cy < 0 || cy >= canvasHeight) {
                continue;
            }
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int cx = r.x() + x;
                int idx = row[x];
                if (cx >= 0 && cx < stride && idx != meta.transparent()) {
                    canvas[cy * stride + cx] = lut[idx & 0xff];
                }
            }
        }
    }

    private static Image image(IIOMetadataNode root) {
        IIOMetadataNode d = child(root, "ImageDescriptor");
        Rect r = new Rect(
                intAttr(d, "imageLeftPosition"),
                intAttr(d, "imageTopPosition"),
                intAttr(d, "imageWidth"),
                intAttr(d, "imageHeight"));
        IIOMetadataNode g = child(root, "GraphicControlExtension");
        if (g == null) {
            return new Image(r, "none", -1, 0);
        }
        boolean transparent = "TRUE".equalsIgnoreCase(g.getAttribute("transparentColorFlag"));
        return new Image(
                r,
                g.getAttribute("disposalMethod"),
                transparent ? intAttr(g, "transparentColorIndex") : -1,
                intAttr(g, "delayTime"));
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(name)) {
                return (IIOMetadataNode) n;
            }
        }
        return null;
    }

    private static int intAttr(IIOMetadataNode n, String name) {
        return n == null ? 0 : Integer.parseInt(n.getAttribute(name));
    }

    private static void fill(int[] a, int stride, Rect r, int v) {
        for (int y = r.y(); y < r.y() + r.height(); y++) {
            java.util.Arrays.fill(a, y * stride + r.x(), y * stride + r.x() + r.width(), v);
        }
    }

    private static void restore(int[] a, int[] from, int stride, Rect r) {
        for (int y = r.y(); y < r.y() + r.height(); y++) {
            System.arraycopy(from, y * stride + r.x(), a, y * stride + r.x(), r.width());
        }
    }
}
