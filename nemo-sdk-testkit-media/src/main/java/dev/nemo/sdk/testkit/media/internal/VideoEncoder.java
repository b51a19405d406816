package dev.nemo.sdk.testkit.media.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_PASS1;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_PASS2;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_PAL8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import dev.nemo.sdk.testkit.media.MediaException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * An opened video encoder: libx264 (CRF, or one pass of a two-pass bitrate encode) or GIF. Packets
 * get the duration of the frame they came from, so a variable frame rate reaches the muxer intact
 * (including the last frame's duration, which sets the file's duration).
 */
public final class VideoEncoder implements AutoCloseable {

    /**
     * How to run libx264.
     *
     * @param crf the constant rate factor, or -1 for a bitrate encode
     * @param bitrate bits per second for a bitrate encode
     * @param pass 0 for a single pass, 1 or 2 for a two-pass encode
     * @param stats the two-pass statistics file
     * @param preset the x264 preset
     * @param threads the encoder's thread count
     * @param fpsHint the average frame rate, for rate control (timestamps stay variable)
     */
    public record H264(int crf, long bitrate, int pass, Path stats, String preset, int threads, double fpsHint) {}

    private AVCodecContext enc;
    private AVPacket pkt;
    private final Map<Long, Long> durations = new HashMap<>();

    private VideoEncoder() {}

    /**
     * Opens libx264 for yuv420p frames of a size, in a time base.
     *
     * @param size the frame size (even)
     * @param tbNum time base numerator of the frames
     * @param tbDen time base denominator
     * @param h264 the settings
     * @param globalHeader whether the container wants global headers
     * @return the encoder
     */
    public static VideoEncoder h264(Size size, int tbNum, int tbDen, H264 h264, boolean globalHeader) {
        VideoEncoder e = new VideoEncoder();
        try {
            AVCodecContext c = e.alloc("libx264");
            c.width(size.width());
            c.height(size.height());
            c.pix_fmt(AV_PIX_FMT_YUV420P);
            setTimeBase(c, tbNum, tbDen);
            if (h264.fpsHint() > 0) {
                try (AVRational fr = new AVRational()) {
                    fr.num((int) Math.round(h264.fpsHint() * 1000)).den(1000);
                    c.framerate(fr);
                }
            }
            c.thread_count(h264.threads());
            c.colorspace(AVCOL_SPC_BT709);
            c.color_primaries(AVCOL_PRI_BT709);
            c.color_trc(AVCOL_TRC_BT709);
            c.color_range(AVCOL_RANGE_MPEG);
            if (globalHeader) {
                c.flags(c.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            Map<String, String> opts = new HashMap<>();
            opts.put("preset", h264.preset());
            opts.put("profile", "high");
            if (h264.crf() >= 0) {
                opts.put("crf", Integer.toString(h264.crf()));
            } else {
                c.bit_rate(h264.bitrate());
                c.flags(c.flags() | (h264.pass() == 1 ? AV_CODEC_FLAG_PASS1 : AV_CODEC_FLAG_PASS2));
                opts.put("stats", h264.stats().toAbsolutePath().toString());
            }
            e.open(opts);
            return e;
        } catch (RuntimeException ex) {
            e.close();
            throw ex;
        }
    }

    /**
     * Opens the GIF encoder for palettised frames, in centiseconds.
     *
     * @param size the frame size
     * @return the encoder
     */
    public static VideoEncoder gif(Size size) {
        VideoEncoder e = new VideoEncoder();
        try {
            AVCodecContext c = e.alloc("gif");
            c.width(size.width());
            c.height(size.height());
            c.pix_fmt(AV_PIX_FMT_PAL8);
            setTimeBase(c, 1, 100);
            c.thread_count(1);
            e.open(Map.of());
            return e;
        } catch (RuntimeException ex) {
            e.close();
            throw ex;
        }
    }

    private static void setTimeBase(AVCodecContext c, int num, int den) {
        try (AVRational tb = new AVRational()) {
            tb.num(num).den(den);
            c.time_base(tb);
        }
    }

    private AVCodecContext alloc(String name) {
        AVCodec codec = avcodec_find_encoder_by_name(name);
        if (codec == null || codec.isNull()) {
            throw new MediaException("this FFmpeg build has no " + name + " encoder");
        }
        enc = avcodec_alloc_context3(codec);
        if (enc == null || enc.isNull()) {
            throw new MediaException("out of memory allocating the " + name + " encoder");
        }
        pkt = av_packet_alloc();
        return enc;
    }

    private void open(Map<String, String> options) {
        AVDictionary opts = new AVDictionary(null);
        try {
            options.forEach((k, v) -> av_dict_set(opts, k, v, 0));
            FfmpegRuntime.clearLastProblem();
            FfmpegRuntime.check(avcodec_open2(enc, enc.codec(), opts), "opening the encoder");
        } finally {
            av_dict_free(opts);
        }
    }

    /**
     * The encoder's context (for the muxer's stream parameters).
     *
     * @return the context
     */
    public AVCodecContext context() {
        return enc;
    }

    /**
     * Encodes a frame whose {@code pts} and {@code duration} are in the encoder's time base.
     *
     * @param frame the frame (kept by the caller)
     * @param out receives each packet produced (then unreferenced)
     */
    public void encode(AVFrame frame, Consumer<AVPacket> out) {
        durations.put(frame.pts(), frame.duration());
        FfmpegRuntime.check(avcodec_send_frame(enc, frame), "encoding a frame");
        drain(out);
    }

    /**
     * Flushes the frames the encoder still holds.
     *
     * @param out receives each packet produced
     */
    public void flush(Consumer<AVPacket> out) {
        FfmpegRuntime.check(avcodec_send_frame(enc, null), "flushing the encoder");
        drain(out);
    }

    private void drain(Consumer<AVPacket> out) {
        while (true) {
            int rc = avcodec_receive_packet(enc, pkt);
            if (rc == AVERROR_EAGAIN() || rc == AVERROR_EOF) {
                return;
            }
            FfmpegRuntime.check(rc, "encoding");
            try {
                Long d = durations.remove(pkt.pts());
                if (d != null && d > 0) {
                    pkt.duration(d);
                }
                out.accept(pkt);
            } finally {
                av_packet_unref(pkt);
            }
        }
    }

    @Override
    public void close() {
        if (pkt != null) {
            av_packet_free(pkt);
            pkt = null;
        }
        if (enc != null) {
            avcodec_free_context(enc);
            enc = null;
        }
    }
}
