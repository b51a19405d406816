package dev.nemo.sdk.testkit.media.internal;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;

import dev.nemo.sdk.testkit.media.MediaLimits;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/** Test helper: decodes a file with FFmpeg and hands back frames as RGB images, with their timing. */
public final class DecodedFrames {

    /**
     * One decoded frame.
     *
     * @param image the pixels
     * @param startMicros when it is shown, from 0
     * @param durationMicros how long
     */
    public record Decoded(BufferedImage image, long startMicros, long durationMicros) {}

    private DecodedFrames() {}

    /**
     * Decodes frames of a file.
     *
     * @param file the file
     * @param maxFrames how many frames to convert to images (the rest are only timed)
     * @return the frames, in order
     */
    public static List<Decoded> decode(Path file, int maxFrames) {
        List<Decoded> out = new ArrayList<>();
        RenderContext ctx = new RenderContext(MediaLimits.DEFAULT);
        AVFrame frame = av_frame_alloc();
        AVFrame rgb = av_frame_alloc();
        try (SourceReader src = SourceReader.open(file, ctx, Duration.ofSeconds(3))) {
            FilterGraph g = null;
            try {
                while (src.next(frame)) {
                    long start = src.micros(frame.pts());
                    long dur = src.micros(frame.duration());
                    BufferedImage img = null;
                    if (out.size() < maxFrames) {
                        if (g == null) {
                            g = FilterGraph.create(new FilterSpecs.Input(
                                                    frame.width(),
                                                    frame.height(),
                                                    av_get_pix_fmt_name(frame.format())
                                                            .getString(),
                                                    src.timeBaseNum(),
                                                    src.timeBaseDen())
                                            .buffer(FilterSpecs.SRC)
                                    + ",format=rgb24,buffersink@out");
                        }
                        g.push(FilterSpecs.SRC, frame);
                        if (!g.pull(FilterSpecs.OUT, rgb)) {
                            throw new AssertionError("no RGB frame");
                        }
                        img = toImage(rgb);
                        org.bytedeco.ffmpeg.global.avutil.av_frame_unref(rgb);
                    }
                    out.add(new Decoded(img, start, dur));
                }
            } finally {
                if (g != null) {
                    g.close();
                }
            }
        } finally {
            av_frame_free(frame);
            av_frame_free(rgb);
        }
        return out;
    }

    private static BufferedImage toImage(AVFrame f) {
        int w = f.width();
        int h = f.height();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        BytePointer data = f.data(0);
        int stride = f.linesize(0);
        byte[] row = new byte[w * 3];
        for (int y = 0; y < h; y++) {
            data.position((long) y * stride).get(row);
            for (int x = 0; x < w; x++) {
                int r = row[x * 3] & 0xff;
                int g = row[x * 3 + 1] & 0xff;
                int b = row[x * 3 + 2] & 0xff;
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return img;
    }
}
