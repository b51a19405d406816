package dev.nemo.sdk.testkit.media.internal.gif;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a GIF89a file block by block: header with the global colour table, the loop extension,
 * then for each image its graphic control extension (delay, disposal, transparent index) and its
 * LZW data in sub-blocks.
 */
public final class GifWriter implements AutoCloseable {

    /** Leave the image in place (the next frame draws over it). */
    public static final int DISPOSE_KEEP = 1;
    /** Clear the image's rectangle to transparent before the next frame. */
    public static final int DISPOSE_BACKGROUND = 2;

    private final OutputStream out;
    private long bytes;

    private GifWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Starts a file: header, logical screen, global colour table, loop forever.
     *
     * @param file where to write
     * @param width canvas width
     * @param height canvas height
     * @param palette the global colour table
     * @return the writer
     */
    public static GifWriter open(Path file, int width, int height, Palette palette) {
        try {
            GifWriter w = new GifWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            w.ascii("GIF89a");
            w.u16(width);
            w.u16(height);
            w.u8(0x80 | 0x70 | (Integer.numberOfTrailingZeros(palette.tableSize()) - 1));
            w.u8(palette.transparent());
            w.u8(0);
            w.raw(palette.table());
            w.raw(new byte[] {0x21, (byte) 0xff, 11});
            w.ascii("NETSCAPE2.0");
            w.raw(new byte[] {3, 1, 0, 0, 0});
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one image.
     *
     * @param r where it goes on the canvas
     * @param delayCs how long it shows, in centiseconds
     * @param disposal {@link #DISPOSE_KEEP} or {@link #DISPOSE_BACKGROUND}
     * @param transparent the transparent index
     * @param minCodeSize the LZW minimum code size
     * @param lzw the LZW data
     */
    public void image(Rect r, int delayCs, int disposal, int transparent, int minCodeSize, byte[] lzw) {
        image(r, delayCs, disposal, transparent, minCodeSize, null, lzw);
    }

    /**
     * Writes one image, with a local colour table.
     *
     * @param r where it goes on the canvas
     * @param delayCs how long it shows, in centiseconds
     * @param disposal {@link #DISPOSE_KEEP} or {@link #DISPOSE_BACKGROUND}
     * @param transparent the transparent index
     * @param minCodeSize the LZW minimum code size
     * @param localTable RGB triplets (a power of two of them), or null for the global table
     * @param lzw the LZW data
     */
    public void image(
            Rect r, int delayCs, int disposal, int transparent, int minCodeSize, byte[] localTable, byte[] lzw) {
        try {
            raw(new byte[] {0x21, (byte) 0xf9, 4, (byte) (disposal << 2 | 1)});
            u16(Math.min(0xffff, delayCs));
            u8(transparent);
            u8(0);
            u8(0x2c);
            u16(r.x());
            u16(r.y());
            u16(r.width());
            u16(r.height());
            if (localTable == null) {
                u8(0);
            } else {
                u8(0x80 | (Integer.numberOfTrailingZeros(localTable.length / 3) - 1));
                raw(localTable);
            }
            u8(minCodeSize);
            for (int off = 0; off < lzw.length; off += 255) {
                int n = Math.min(255, lzw.length - off);
                u8(n);
                out.write(lzw, off, n);
                bytes += n;
            }
            u8(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Bytes written so far.
     *
     * @return the count
     */
    public long bytes() {
        return bytes;
    }

    /** Writes the trailer and closes the file. */
    @Override
    public void close() {
        try (OutputStream o = out) {
            u8(0x3b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ascii(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            u8(s.charAt(i));
        }
    }

    private void u8(int v) throws IOException {
        out.write(v);
        bytes++;
    }

    private void u16(int v) throws IOException {
        u8(v & 0xff);
        u8(v >> 8 & 0xff);
    }

    private void raw(byte[] b) throws IOException {
        out.write(b);
        bytes += b.length;
    }
}
