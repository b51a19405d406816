package dev.nemo.sdk.testkit.media.internal;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_clone;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale;

import dev.nemo.sdk.testkit.media.MediaException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.BytePointer;

/**
 * Writes one video stream into a file (MP4 or GIF). Created before the encoder, because the
 * encoder must know whether the container wants global headers.
 */
public final class Muxer implements AutoCloseable {

    private AVFormatContext ctx;
    private AVStream stream;
    private boolean ioOpen;
    private int encTbNum;
    private int encTbDen;
    private final Path path;
    private final List<AVPacket> held = new ArrayList<>();
    private boolean holdUntilFinish;

    private Muxer(Path path) {
        this.path = path;
    }

    /**
     * Allocates the container.
     *
     * @param path the file to write
     * @param format the FFmpeg muxer name ({@code mp4}, {@code gif})
     * @return the muxer, before its stream is added
     */
    public static Muxer create(Path path, String format) {
        Muxer m = new Muxer(path);
        m.ctx = new AVFormatContext(null);
        try (BytePointer name = new BytePointer(format);
                BytePointer url = url(path)) {
            FfmpegRuntime.check(
                    avformat_alloc_output_context2(m.ctx, null, name, url), "creating the " + format + " muxer");
        }
        return m;
    }

    private static BytePointer url(Path path) {
        return new BytePointer("file:" + path.toAbsolutePath(), StandardCharsets.UTF_8);
    }

    /**
     * Whether the container wants codec headers in the stream parameters (MP4 does).
     *
     * @return true if the encoder must set {@code AV_CODEC_FLAG_GLOBAL_HEADER}
     */
    public boolean wantsGlobalHeader() {
        return (ctx.oformat().flags() & AVFMT_GLOBALHEADER) != 0;
    }

    /**
     * Adds the stream of an opened encoder, opens the file and writes the header.
     *
     * @param enc the opened encoder
     * @param options muxer options ({@code movflags=+faststart}, {@code loop=0})
     */
    public void start(AVCodecContext enc, Map<String, String> options) {
        stream = avformat_new_stream(ctx, null);
        if (stream == null || stream.isNull()) {
            throw new MediaException("out of memory adding a stream");
        }
        FfmpegRuntime.check(avcodec_parameters_from_context(stream.codecpar(), enc), "copying encoder parameters");
        stream.time_base(enc.time_base());
        encTbNum = enc.time_base().num();
        encTbDen = enc.time_base().den();
        AVIOContext pb = new AVIOContext(null);
        try (BytePointer url = url(path)) {
            FfmpegRuntime.check(avio_open(pb, url, AVIO_FLAG_WRITE), "opening " + path + " for writing");
        }
        ctx.pb(pb);
        ioOpen = true;
        AVDictionary opts = new AVDictionary(null);
        try {
            options.forEach((k, v) -> av_dict_set(opts, k, v, 0));
            FfmpegRuntime.check(avformat_write_header(ctx, opts), "writing the header of " + path);
        } finally {
            av_dict_free(opts);
        }
    }

    /**
     * Holds every packet until {@link #finish()} and then fixes the leading decode timestamps with
     * {@link DecodeTimeline} (for MP4 with B-frames). Costs the compressed stream in memory.
     */
    public void holdUntilFinish() {
        this.holdUntilFinish = true;
    }

    /**
     * Writes a packet whose timestamps are in the encoder's time base.
     *
     * @param pkt the packet; consumed
     */
    public void write(AVPacket pkt) {
        if (holdUntilFinish) {
            AVPacket copy = av_packet_clone(pkt);
            if (copy == null || copy.isNull()) {
                throw new MediaException("out of memory holding a packet");
            }
            held.add(copy);
            return;
        }
        writeNow(pkt);
    }

    private void writeNow(AVPacket pkt) {
        int stNum = stream.time_base().num();
        int stDen = stream.time_base().den();
        if (stNum != encTbNum || stDen != encTbDen) {
            long mul = (long) encTbNum * stDen;
            long div = (long) encTbDen * stNum;
            if (pkt.pts() != AV_NOPTS_VALUE) {
                pkt.pts(av_rescale(pkt.pts(), mul, div));
            }
            if (pkt.dts() != AV_NOPTS_VALUE) {
                pkt.dts(av_rescale(pkt.dts(), mul, div));
            }
            pkt.duration(av_rescale(pkt.duration(), mul, div));
        }
        pkt.stream_index(stream.index());
        FfmpegRuntime.check(av_interleaved_write_frame(ctx, pkt), "writing a packet to " + path);
    }

    /** Writes the held packets and the trailer (for MP4 with {@code +faststart}, moves the index to the front). */
    public void finish() {
        if (!held.isEmpty()) {
            int n = held.size();
            long[] pts = new long[n];
            long[] dts = new long[n];
            long[] dur = new long[n];
            for (int i = 0; i < n; i++) {
                pts[i] = held.get(i).pts();
                dts[i] = held.get(i).dts();
                dur[i] = held.get(i).duration();
            }
            long[] fixed = DecodeTimeline.fix(pts, dts, dur);
            for (int i = 0; i < n; i++) {
                AVPacket p = held.get(i);
                p.dts(fixed[i]);
                writeNow(p);
                av_packet_free(p);
                held.set(i, null);
            }
            held.clear();
        }
        FfmpegRuntime.check(av_write_trailer(ctx), "finishing " + path);
    }

    @Override
    public void close() {
        for (AVPacket p : held) {
            if (p != null) {
                av_packet_free(p);
            }
        }
        held.clear();
        if (ctx != null && !ctx.isNull()) {
            if (ioOpen) {
                avio_closep(ctx.pb());
                ioOpen = false;
            }
            avformat_free_context(ctx);
        }
        ctx = null;
    }
}
