package dev.nemo.sdk.testkit.media.internal;

import dev.nemo.sdk.testkit.media.RgbColor;
import java.util.Locale;

/**
 * The filtergraph strings of the engine, built in one place. Every graph is closed: it starts at
 * {@code buffer@...} sources and ends at {@code buffersink@out}.
 *
 * <p>Transparency is flattened on the background colour by overlaying the frame on a copy of
 * itself turned into a solid background ({@code split}, {@code lutrgb}, {@code overlay}): both
 * inputs carry identical timestamps, so variable frame rate survives (a {@code color} source would
 * impose its own constant rate). RGB is converted to yuv420p with the BT.709 matrix, limited range,
 * and the H.264 stream is tagged so.
 */
public final class FilterSpecs {

    /** The main source's id: {@code buffer@src}. */
    public static final String SRC = "src";
    /** The title overlay's source id: {@code buffer@title}. */
    public static final String TITLE = "title";
    /** The palette's source id in the second GIF pass: {@code buffer@pal}. */
    public static final String PALETTE = "pal";
    /** The sink's id: {@code buffersink@out}. */
    public static final String OUT = "out";
    /** The SSIM graph's distorted input. */
    public static final String DIST = "dist";
    /** The SSIM graph's reference input. */
    public static final String REF = "ref";

    private static final String TO_YUV = "scale=out_color_matrix=bt709:out_range=tv,format=yuv420p";

    /**
     * The frames entering a graph.
     *
     * @param width frame width
     * @param height frame height
     * @param pixFmt FFmpeg pixel format name
     * @param tbNum time base numerator
     * @param tbDen time base denominator
     */
    public record Input(int width, int height, String pixFmt, int tbNum, int tbDen) {
        String buffer(String id) {
            return "buffer@" + id + "=video_size=" + width + "x" + height + ":pix_fmt=" + pixFmt + ":time_base=" + tbNum
                    + "/" + tbDen + ":pixel_aspect=1/1";
        }
    }

    /**
     * How a source becomes output frames.
     *
     * @param source the decoded frames
     * @param flatten whether to composite transparency on {@code background}
     * @param background the background colour
     * @param size the output size
     * @param title the title banner's frame, or null for none (overlaid at the top)
     * @param titleFrom when the title appears, in seconds of output time
     * @param titleUntil when it disappears, in seconds of output time ({@code Double.POSITIVE_INFINITY} for never)
     */
    public record Prepare(
            Input source,
            boolean flatten,
            RgbColor background,
            Size size,
            Input title,
            double titleFrom,
            double titleUntil) {}

    private FilterSpecs() {}

    /**
     * The source pipeline up to (and without) a sink: flatten, scale, title. Ends on an unlabelled
     * output in RGB or YUV.
     *
     * @param p what to do
     * @return the partial graph
     */
    static String prepare(Prepare p) {
        StringBuilder g = new StringBuilder(p.source().buffer(SRC));
        if (p.flatten()) {
            flatten(g, p.background());
        } else {
            g.append(',');
        }
        g.append("scale=")
                .append(p.size().width())
                .append(':')
                .append(p.size().height())
                .append(":flags=lanczos,setsar=1");
        if (p.title() != null) {
            g.append("[scaled];")
                    .append(p.title().buffer(TITLE))
                    .append("[ttl];[scaled][ttl]overlay=x=0:y=0:eof_action=repeat:format=auto");
            if (p.titleFrom() > 0 || Double.isFinite(p.titleUntil())) {
                g.append(":enable='")
                        .append(
                                Double.isFinite(p.titleUntil())
                                        ? String.format(
                                                Locale.ROOT, "between(t,%.3f,%.3f)", p.titleFrom(), p.titleUntil())
                                        : String.format(Locale.ROOT, "gte(t,%.3f)", p.titleFrom()))
                        .append('\'');
            }
        }
        return g.toString();
    }

    private static void flatten(StringBuilder g, RgbColor bg) {
        g.append(",format=rgba,split[fg][bgin];[bgin]lutrgb=r=")
                .append(bg.red())
                .append(":g=")
                .append(bg.green())
                .append(":b=")
                .append(bg.blue())
                .append(":a=255[bg];[bg][fg]overlay=format=rgb:eof_action=pass[flat];[flat]");
    }

    /**
     * Source to RGBA frames (transparency kept unless {@code p.flatten()}), for the Java GIF encoder.
     *
     * @param p what to do
     * @return the graph
     */
    public static String rgba(Prepare p) {
        return prepare(p) + ",format=rgba,buffersink@" + OUT;
    }

    /**
     * Source to yuv420p frames for H.264 (and the SSIM reference).
     *
     * @param p what to do
     * @return the graph
     */
    public static String yuv(Prepare p) {
        return prepare(p) + "," + TO_YUV + ",buffersink@" + OUT;
    }

    /**
     * First GIF pass: one palette frame at the end.
     *
     * @param p what to do
     * @param colors the palette size, 2..256
     * @return the graph
     */
    public static String palettegen(Prepare p, int colors) {
        return prepare(p) + ",palettegen=max_colors=" + colors + ":stats_mode=full,buffersink@" + OUT;
    }

    /**
     * Second GIF pass: frames mapped to the palette fed once to {@code buffer@pal}.
     *
     * @param p what to do
     * @param palette the palette frame's format
     * @return the graph
     */
    public static String paletteuse(Prepare p, Input palette) {
        return prepare(p) + "[v];" + palette.buffer(PALETTE)
                + "[p];[v][p]paletteuse=dither=bayer:bayer_scale=5:diff_mode=rectangle,buffersink@" + OUT;
    }

    /**
     * Output frames scaled to the reference size as yuv420p, for SSIM.
     *
     * @param output the decoded output frames
     * @param size the reference size
     * @param background the colour transparent output pixels are flattened on (as the reference is), or null
     *     when the output has no transparency
     * @return the graph
     */
    public static String distorted(Input output, Size size, RgbColor background) {
        StringBuilder g = new StringBuilder(output.buffer(SRC));
        if (background != null) {
            flatten(g, background);
        } else {
            g.append(',');
        }
        return g + "scale=" + size.width() + ':' + size.height()
                + ":flags=bicubic:out_color_matrix=bt709:out_range=tv,format=yuv420p,buffersink@" + OUT;
    }

    /**
     * The SSIM graph: distorted and reference frames in, the distorted frames out with
     * {@code lavfi.ssim.All} metadata.
     *
     * @param frames the yuv420p frames of both inputs
     * @return the graph
     */
    public static String ssim(Input frames) {
        return frames.buffer(DIST) + "[d];" + frames.buffer(REF) + "[r];[d][r]ssim,buffersink@" + OUT;
    }
}
