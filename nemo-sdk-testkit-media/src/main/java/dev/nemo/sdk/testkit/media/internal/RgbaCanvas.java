package dev.nemo.sdk.testkit.media.internal;

import dev.nemo.sdk.testkit.media.internal.gif.Rect;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * The canvas the Java GIF encoder reads, loaded from FFmpeg's RGBA frames: alpha under 128 is
 * transparent (0), the rest opaque. Loading a frame says where it differs from the one before.
 */
final class RgbaCanvas {

    private final int width;
    private final int height;
    private final int[] argb;
    private final byte[] row;
    private boolean loaded;

    RgbaCanvas(Size size) {
        this.width = size.width();
        this.height = size.height();
        this.argb = new int[width * height];
        this.row = new byte[width * 4];
    }

    int[] argb() {
        return argb;
    }

    /** Copies an RGBA frame of the canvas size in, and returns the bounds of what changed. */
    Rect load(AVFrame frame) {
        BytePointer data = frame.data(0);
        int stride = frame.linesize(0);
        int x0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y0 = -1;
        int y1 = -1;
        for (int y = 0; y < height; y++) {
            data.position((long) y * stride).get(row, 0, width * 4);
            int base = y * width;
            for (int x = 0, k = 0; x < width; x++, k += 4) {
                int v = (row[k + 3] & 0xff) < 128
                        ? 0
                        : 0xff000000 | (row[k] & 0xff) << 16 | (row[k + 1] & 0xff) << 8 | (row[k + 2] & 0xff);
                if (argb[base + x] != v) {
                    argb[base + x] = v;
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = y0 < 0 ? y : y0;
                    y1 = y;
                }
            }
        }
        data.position(0);
        if (!loaded) {
            loaded = true;
            return new Rect(0, 0, width, height);
        }
        return x1 < 0 ? Rect.EMPTY : new Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }
}
