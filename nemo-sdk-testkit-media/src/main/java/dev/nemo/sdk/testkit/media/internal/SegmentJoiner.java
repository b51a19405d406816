package dev.nemo.sdk.testkit.media.internal;

import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt;

import dev.nemo.sdk.testkit.media.MediaException;
import dev.nemo.sdk.testkit.media.RgbColor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Joins several video segments, one after another, into one near-lossless MP4 (H.264 at CRF 1:
 * the High profile the encoder sets has no lossless mode) that the engine then renders as a
 * single source. Every segment keeps its own frame timing (variable frame rate) and its trim; its
 * pictures are fitted, centred, into the first segment's frame size, transparency and margins in
 * the background colour.
 */
public final class SegmentJoiner {

    private static final int MICROS = 1_000_000;

    /**
     * One piece of the timeline.
     *
     * @param path the decoded file
     * @param in where in the file the segment begins
     * @param length how long it plays, or null for to the end
     */
    public record Segment(Path path, Duration in, Duration length) {
        /** Checks the values. */
        public Segment {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(in, "in");
        }
    }

    private Size box;
    private long offsetMicros;

    private SegmentJoiner() {}

    /**
     * Writes the joined segments.
     *
     * @param segments the segments, in timeline order
     * @param background the colour of transparent areas and margins
     * @param ctx the limits every segment is read under
     * @param out the MP4 to write
     * @return the joined duration
     * @throws MediaException if a segment cannot be read or selects no frame
     */
    public static Duration join(List<Segment> segments, RgbColor background, RenderContext ctx, Path out) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("no segments to join");
        }
        return new SegmentJoiner().run(segments, background, ctx, out);
    }

    private Duration run(List<Segment> segments, RgbColor background, RenderContext ctx, Path out) {
        VideoEncoder enc = null;
        try (Muxer mux = Muxer.create(out, "mp4")) {
            for (Segment s : segments) {
                Duration still = s.length() != null && !s.length().isZero() ? s.length() : Duration.ofSeconds(3);
                try (SourceReader src = SourceReader.open(s.path(), ctx, still)) {
                    long start = src.ticks(s.in().toMillis());
                    long end = s.length() == null || s.length().isZero()
                            ? Long.MAX_VALUE
                            : start + Math.max(1, src.ticks(s.length().toMillis()));
                    VideoEncoder[] encoder = {enc};
                    FramePump.Result r = FramePump.run(
                            src,
                            new FrameScheduler(start, end, 0),
                            in -> {
                                if (box == null) {
                                    box = new Size(Math.max(2, in.width() & ~1), Math.max(2, in.height() & ~1));
                                }
                                if (encoder[0] == null) {
                                    encoder[0] = open(mux);
                                }
                                return FilterGraph.create(spec(in, background));
                            },
                            g -> {},
                            (frame, pts, dur) -> {
                                long micros = src.micros(pts);
                                frame.pts(offsetMicros + micros);
                                frame.duration(Math.max(1, src.micros(pts + dur) - micros));
                                frame.pict_type(AV_PICTURE_TYPE_NONE);
                                encoder[0].encode(frame, mux::write);
                            });
                    enc = encoder[0];
                    offsetMicros += src.micros(r.duration());
                }
            }
            enc.flush(mux::write);
            mux.finish();
            return Duration.ofNanos(offsetMicros * 1000);
        } finally {
            if (enc != null) {
                enc.close();
            }
        }
    }

    private VideoEncoder open(Muxer mux) {
        VideoEncoder.H264 nearLossless = new VideoEncoder.H264(1, 0, 0, null, "ultrafast", 2, 25);
        VideoEncoder e = VideoEncoder.h264(box, 1, MICROS, nearLossless, mux.wantsGlobalHeader());
        mux.start(e.context(), Map.of());
        mux.holdUntilFinish();
        return e;
    }

    private String spec(FilterSpecs.Input in, RgbColor bg) {
        double scale = Math.min((double) box.width() / in.width(), (double) box.height() / in.height());
        Size fitted = new Size(
                Math.max(2, Math.min(box.width(), (int) Math.round(in.width() * scale)) & ~1),
                Math.max(2, Math.min(box.height(), (int) Math.round(in.height() * scale)) & ~1));
        boolean flatten = SourceReader.hasAlpha(av_get_pix_fmt(in.pixFmt()));
        String prepared = FilterSpecs.prepare(
                new FilterSpecs.Prepare(in, flatten, bg, fitted, null, 0, Double.POSITIVE_INFINITY));
        return prepared + ",format=rgb24,pad=" + box.width() + ":" + box.height() + ":(ow-iw)/2:(oh-ih)/2:color="
                + String.format(Locale.ROOT, "0x%02x%02x%02x", bg.red(), bg.green(), bg.blue())
                + ",scale=out_color_matrix=bt709:out_range=tv,format=yuv420p,buffersink@" + FilterSpecs.OUT;
    }
}
