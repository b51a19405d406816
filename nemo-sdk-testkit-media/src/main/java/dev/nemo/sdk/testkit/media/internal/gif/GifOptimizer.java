package dev.nemo.sdk.testkit.media.internal.gif;

/**
 * Turns a sequence of full canvases into GIF images the way gifsicle and gifski do: each frame is
 * compared with what the decoder already shows, pixels close enough to it become transparent
 * (they stay as they are), the image is cropped to the changed rectangle, mapped to the palette
 * (dithered when the palette says so), and LZW-encoded, lossily when a budget is set; an image of
 * few colours gets a local table of just those when that makes it smaller (narrower codes). Only the
 * rectangle a frame's source changed (plus what a clear uncovered) is examined.
 *
 * <p>Transparency is kept: when pixels that were drawn must become transparent, the image before
 * gets disposal "restore to background" over a rectangle that covers them, and the next image
 * redraws what that cleared. Frames that change nothing lengthen the image before, so the timing
 * is kept to the centisecond.
 */
public final class GifOptimizer {

    /**
     * What was written.
     *
     * @param images images in the file
     * @param durationCs the sum of their delays, in centiseconds
     */
    public record Result(int images, long durationCs) {
    }

    private record Pending(Rect rect, int delayCs, int disposal, int transparent, int minCodeSize, byte[] table,
            byte[] lzw) {
        Pending withDelay(int delay) {
            return new Pending(rect, delay, disposal, transparent, minCodeSize, table, lzw);
        }
    }

    /** An image's encoding: global or local table. */
    private record Coded(int transparent, int minCodeSize, byte[] table, byte[] lzw) {
    }

    /** Local tables are tried for images of at most this many colours (with the transparent index). */
    private static final int LOCAL_TABLE_MAX = 64;

    private final int width;
    private final int height;
    private final Palette palette;
    private final GifWriter writer;
    private final int budget;
    private final LzwEncoder lzw = new LzwEncoder();
    private final FramePixels pixels;
    private final Quantizer quantizer;
    private final int[] src;
    private final int[] out;
    private final int[] emitted;
    /** The source colour each pixel was last drawn for: while the source stays, its lossy error stays accepted. */
    private final int[] drawnFor;
    private boolean hasCurrent;
    private boolean first = true;
    private Rect currentDirty = Rect.EMPTY;
    private int currentDelay;
    private Rect clearedByPrevious = Rect.EMPTY;
    private Pending pending;
    private int images;
    private long durationCs;

    /**
     * An optimiser writing to an opened file.
     *
     * @param writer the file, its header written with {@code palette}
     * @param width canvas width
     * @param height canvas height
     * @param palette the colours
     * @param lossy 0 for exact colours, up to 200 for the largest error budget (about {@code lossy/6}
     *     levels per channel)
     */
    public GifOptimizer(GifWriter writer, int width, int height, Palette palette, int lossy) {
        this.writer = writer;
        this.width = width;
        this.height = height;
        this.palette = palette;
        double t = Math.max(0, lossy) / 6.0;
        this.budget = (int) Math.round(Colors.WEIGHT_SUM * t * t);
        int n = width * height;
        this.src = new int[n];
        this.out = new int[n];
        this.emitted = new int[n];
        this.drawnFor = new int[n];
        this.pixels = new FramePixels(palette, budget, n);
        this.quantizer = new Quantizer(palette, width);
    }

    /**
     * Takes the next frame.
     *
     * @param argb the whole canvas (transparent pixels have alpha 0); read during the call only
     * @param dirty where it may differ from the frame before (ignored for the first frame)
     * @param delayCs how long it shows, in centiseconds (at least 1)
     */
    public void frame(int[] argb, Rect dirty, int delayCs) {
        Rect d = dirty.clip(width, height);
        if (!hasCurrent) {
            System.arraycopy(argb, 0, src, 0, src.length);
            hasCurrent = true;
        } else {
            encodeCurrent(argb, d);
            copy(argb, src, d);
        }
        currentDirty = d;
        currentDelay = Math.max(1, delayCs);
    }

    /**
     * Encodes the last frame and writes every image still held.
     *
     * @return what was written
     */
    public Result finish() {
        if (hasCurrent) {
            encodeCurrent(null, Rect.EMPTY);
            hasCurrent = false;
        }
        flush();
        return new Result(images, durationCs);
    }

    private void encodeCurrent(int[] next, Rect nextDirty) {
        Rect full = new Rect(0, 0, width, height);
        Rect examine = first ? full : currentDirty;
        if (!clearedByPrevious.isEmpty()) {
            fill(out, clearedByPrevious, 0);
            fill(drawnFor, clearedByPrevious, 0);
            examine = examine.union(clearedByPrevious);
        }
        Rect toClear = next == null ? Rect.EMPTY : clearNeeded(next, nextDirty);
        Rect r = first ? full : changed(examine).union(toClear);
        if (r.isEmpty()) {
            if (clearedByPrevious.isEmpty() && pending != null) {
                pending = pending.withDelay(pending.delayCs() + currentDelay);
                return;
            }
            r = new Rect(0, 0, 1, 1);
        }
        Coded data = encode(r);
        int disposal = toClear.isEmpty() ? GifWriter.DISPOSE_KEEP : GifWriter.DISPOSE_BACKGROUND;
        clearedByPrevious = disposal == GifWriter.DISPOSE_BACKGROUND ? r : Rect.EMPTY;
        flush();
        pending = new Pending(r, currentDelay, disposal, data.transparent(), data.minCodeSize(), data.table(),
                data.lzw());
        first = false;
    }

    /** Where the next frame makes drawn pixels transparent: only a clear can do that. */
    private Rect clearNeeded(int[] next, Rect nextDirty) {
        BoundsBuilder b = new BoundsBuilder();
        for (int y = nextDirty.y(); y < nextDirty.y() + nextDirty.height(); y++) {
            int row = y * width;
            for (int x = nextDirty.x(); x < nextDirty.x() + nextDirty.width(); x++) {
                if (Colors.opaque(src[row + x]) && !Colors.opaque(next[row + x])) {
                    b.add(x, y);
                }
            }
        }
        return b.build();
    }

    private Rect changed(Rect examine) {
        BoundsBuilder b = new BoundsBuilder();
        for (int y = examine.y(); y < examine.y() + examine.height(); y++) {
            int row = y * width;
            for (int x = examine.x(); x < examine.x() + examine.width(); x++) {
                if (!kept(src[row + x], out[row + x], drawnFor[row + x])) {
                    b.add(x, y);
                }
            }
        }
        return b.build();
    }

    /** Whether what is shown may stay: transparent stays transparent, a colour stays when close enough. */
    private boolean kept(int s, int o, int drawnAs) {
        if (!Colors.opaque(s)) {
            return true;
        }
        if (!Colors.opaque(o)) {
            return false;
        }
        if (s == drawnAs) {
            return true;
        }
        int d = Colors.distance(s, o);
        return d <= budget || d <= Colors.distance(s, palette.color(palette.nearest(s)));
    }

    private Coded encode(Rect r) {
        int t = palette.transparent();
        quantizer.start(r.width());
        int i = 0;
        for (int y = r.y(); y < r.y() + r.height(); y++) {
            int row = y * width;
            for (int x = r.x(); x < r.x() + r.width(); x++, i++) {
                int s = src[row + x];
                int o = out[row + x];
                pixels.shown[i] = FramePixels.NOT_KEPT;
                if (!Colors.opaque(s)) {
                    pixels.wanted[i] = t;
                    pixels.reference[i] = FramePixels.RIGID;
                    quantizer.skip(x - r.x());
                } else if (kept(s, o, drawnFor[row + x])) {
                    pixels.wanted[i] = t;
                    pixels.reference[i] = s & 0xffffff;
                    pixels.shown[i] = o;
                    quantizer.skip(x - r.x());
                } else {
                    pixels.wanted[i] = quantizer.quantize(s, x - r.x());
                    pixels.reference[i] = s & 0xffffff;
                }
            }
            quantizer.nextRow();
        }
        pixels.size = i;
        Coded data = lzwWithBestTable();
        i = 0;
        for (int y = r.y(); y < r.y() + r.height(); y++) {
            int row = y * width;
            for (int x = r.x(); x < r.x() + r.width(); x++, i++) {
                if (emitted[i] != t) {
                    out[row + x] = palette.color(emitted[i]);
                    drawnFor[row + x] = src[row + x];
                }
            }
        }
        return data;
    }

    /** The global table, or a local one when it makes the image smaller; {@link #emitted} in global indices. */
    private Coded lzwWithBestTable() {
        Coded global = new Coded(palette.transparent(), palette.minCodeSize(), null,
                lzw.encode(palette.minCodeSize(), pixels, true, emitted));
        Coded best = global;
        ImageTransparent narrow = ImageTransparent.of(palette, pixels);
        if (narrow != null) {
            int[] narrowEmitted = new int[pixels.size];
            byte[] data = lzw.encode(narrow.minCodeSize(), narrow, true, narrowEmitted);
            if (data.length < global.lzw().length) {
                for (int k = 0; k < pixels.size; k++) {
                    emitted[k] = narrow.global(narrowEmitted[k]);
                }
                best = new Coded(narrow.transparent(), narrow.minCodeSize(), null, data);
            }
        }
        LocalTable local = LocalTable.of(palette, pixels, LOCAL_TABLE_MAX);
        if (local == null) {
            return best;
        }
        int[] localEmitted = new int[pixels.size];
        byte[] data = lzw.encode(local.minCodeSize(), local, true, localEmitted);
        byte[] table = local.table();
        if (data.length + table.length >= best.lzw().length) {
            return best;
        }
        for (int k = 0; k < pixels.size; k++) {
            emitted[k] = local.global(localEmitted[k]);
        }
        return new Coded(local.transparent(), local.minCodeSize(), table, data);
    }

    private void flush() {
        if (pending != null) {
            writer.image(pending.rect(), pending.delayCs(), pending.disposal(), pending.transparent(),
                    pending.minCodeSize(), pending.table(), pending.lzw());
            images++;
            durationCs += pending.delayCs();
            pending = null;
        }
    }

    private void copy(int[] from, int[] to, Rect r) {
        for (int y = r.y(); y < r.y() + r.height(); y++) {
            System.arraycopy(from, y * width + r.x(), to, y * width + r.x(), r.width());
        }
    }

    private void fill(int[] a, Rect r, int v) {
        for (int y = r.y(); y < r.y() + r.height(); y++) {
            java.util.Arrays.fill(a, y * width + r.x(), y * width + r.x() + r.width(), v);
        }
    }
}
