package dev.nemo.sdk.testkit.media.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_clone;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import dev.nemo.sdk.testkit.media.MediaException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/**
 * Adds a background-music track to a rendered, video-only MP4: the video packets are copied as
 * they are, the music is decoded ({@code amovie} with the one demuxer of its type), cut to the
 * segment ({@code atrim}), resampled to 48 kHz stereo ({@code aresample}, {@code aformat}), scaled
 * by the segment's volume, delayed to the segment's start, padded with silence and cut to the
 * video's length, then encoded with FFmpeg's native AAC encoder. The audio stream therefore spans
 * exactly the video.
 */
public final class BackgroundMusic {

    private static final int SAMPLE_RATE = 48_000;
    private static final long BIT_RATE = 128_000;
    private static final String SINK = "bgm";

    /**
     * What to mix.
     *
     * @param audio the file with the music (audio, or video with an audio stream)
     * @param demuxer the FFmpeg demuxer that may open it ({@code wav}, {@code mp3}, {@code mov}, ...)
     * @param in where in the music to begin
     * @param start where on the timeline the music begins
     * @param length how long it plays, or null for until the music or the video ends
     * @param volume the gain, 0 to 1
     */
    public record Track(Path audio, String demuxer, Duration in, Duration start, Duration length, double volume) {
        /** Checks the values. */
        public Track {
            Objects.requireNonNull(audio, "audio");
            Objects.requireNonNull(demuxer, "demuxer");
            Objects.requireNonNull(in, "in");
            Objects.requireNonNull(start, "start");
            if (!(volume >= 0 && volume <= 1)) {
                throw new IllegalArgumentException("volume must be within 0..1: " + volume);
            }
            if (!demuxer.matches("[a-z0-9_]{1,16}")) {
                throw new IllegalArgumentException("not a demuxer name: " + demuxer);
            }
        }
    }

    private BackgroundMusic() {}

    /**
     * The FFmpeg demuxer for an uploaded file's MIME type, if music can be read from it.
     *
     * @param mimeType the sniffed MIME type
     * @return the demuxer name, or null
     */
    public static String demuxerFor(String mimeType) {
        return switch (mimeType.toLowerCase(Locale.ROOT)) {
            case "audio/wav", "audio/x-wav", "audio/wave" -> "wav";
            case "audio/mpeg", "audio/mp3" -> "mp3";
            case "audio/mp4", "audio/m4a", "audio/x-m4a", "video/mp4", "video/quicktime" -> "mov";
            case "audio/aac" -> "aac";
            case "video/webm", "audio/webm" -> "matroska";
            default -> null;
        };
    }

    /**
     * Writes {@code out}: the video of {@code video} with the music as a second (AAC) stream.
     *
     * @param video the rendered MP4, video only
     * @param videoLength the video's duration
     * @param music what to mix
     * @param out the file to write (not {@code video})
     * @throws MediaException if the music cannot be decoded or the file cannot be written
     */
    public static void mix(Path video, Duration videoLength, Track music, Path out) {
        FfmpegRuntime.require();
        try (FilterGraph graph = FilterGraph.create(filters(music, videoLength));
                Output output = new Output(out)) {
            AVCodecContext enc = output.openAudioEncoder();
            graph.audioFrameSize(SINK, enc.frame_size() > 0 ? enc.frame_size() : 1024);
            output.copyVideoFrom(video);
            output.start();
            output.copyVideoPackets(videoLength);
            AVFrame frame = av_frame_alloc();
            try {
                AVRational sinkTb = new AVRational().num(1).den(SAMPLE_RATE);
                long next = 0;
                while (graph.pullAudio(SINK, frame)) {
                    // Sample-exact timestamps: the filters' own may drift by a sample at segment joins.
                    frame.pts(av_rescale_q(next, sinkTb, enc.time_base()));
                    next += frame.nb_samples();
                    output.encode(frame);
                    av_frame_unref(frame);
                }
                output.encode(null);
            } finally {
                av_frame_free(frame);
            }
            output.finish();
        }
    }

    static String filters(Track m, Duration videoLength) {
        String path = m.audio().toAbsolutePath().toString();
        if (!path.matches("[A-Za-z0-9/._+-]+")) {
            throw new MediaException("the music's temporary path cannot be named in a filter graph: " + path);
        }
        StringBuilder f = new StringBuilder();
        f.append("amovie=filename=").append(path).append(":format_name=").append(m.demuxer());
        f.append(",atrim=start=").append(seconds(m.in()));
        if (m.length() != null && !m.length().isZero()) {
            f.append(":duration=").append(seconds(m.length()));
        }
        f.append(",asetpts=PTS-STARTPTS");
        f.append(",aresample=").append(SAMPLE_RATE);
        f.append(",aformat=sample_fmts=fltp:sample_rates=").append(SAMPLE_RATE).append(":channel_layouts=stereo");
        f.append(",volume=volume=").append(String.format(Locale.ROOT, "%.4f", m.volume()));
        if (!m.start().isZero()) {
            f.append(",adelay=delays=").append(m.start().toMillis()).append(":all=1");
        }
        long samples = Math.max(1, Math.round(videoLength.toNanos() / 1e9 * SAMPLE_RATE));
        f.append(",apad,atrim=end_sample=").append(samples);
        f.append(",abuffersink@").append(SINK);
        return f.toString();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.6f", d.toNanos() / 1e9);
    }

    /** The output file: a copied video stream and an encoded audio stream. */
    private static final class Output implements AutoCloseable {
        private final Path path;
        private AVFormatContext ctx = new AVFormatContext(null);
        private AVFormatContext input;
        private AVCodecContext enc;
        private AVStream videoOut;
        private AVStream audioOut;
        private int videoIn = -1;
        private boolean ioOpen;
        private final AVPacket pkt = av_packet_alloc();

        Output(Path path) {
            this.path = path;
            try (BytePointer name = new BytePointer("mp4");
                    BytePointer url = url(path)) {
                FfmpegRuntime.check(avformat_alloc_output_context2(ctx, null, name, url), "creating the mp4 muxer");
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        AVCodecContext openAudioEncoder() {
            AVCodec codec = avcodec_find_encoder_by_name("aac");
            if (codec == null || codec.isNull()) {
                throw new MediaException("this FFmpeg build has no AAC encoder");
            }
            enc = avcodec_alloc_context3(codec);
            if (enc == null || enc.isNull()) {
                throw new MediaException("out of memory allocating the AAC encoder");
            }
            enc.sample_fmt(AV_SAMPLE_FMT_FLTP);
            enc.sample_rate(SAMPLE_RATE);
            av_channel_layout_default(enc.ch_layout(), 2);
            enc.bit_rate(BIT_RATE);
            enc.time_base(new AVRational().num(1).den(SAMPLE_RATE));
            enc.thread_count(1);
            if ((ctx.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
                enc.flags(enc.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            FfmpegRuntime.check(avcodec_open2(enc, codec, (AVDictionary) null), "opening the AAC encoder");
            return enc;
        }

        void copyVideoFrom(Path video) {
            input = new AVFormatContext(null);
            AVInputFormat mp4 = av_find_input_format("mp4");
            int rc;
            try (BytePointer url = url(video)) {
                rc = avformat_open_input(input, url, mp4, null);
            }
            if (rc < 0) {
                input = null; // freed by avformat_open_input
                FfmpegRuntime.check(rc, "reopening the rendered video");
            }
            FfmpegRuntime.check(avformat_find_stream_info(input, (AVDictionary) null), "reading the rendered video");
            for (int i = 0; i < input.nb_streams(); i++) {
                if (input.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                    videoIn = i;
                    break;
                }
            }
            if (videoIn < 0) {
                throw new MediaException("the rendered file has no video stream");
            }
            AVStream in = input.streams(videoIn);
            videoOut = newStream();
            FfmpegRuntime.check(
                    avcodec_parameters_copy(videoOut.codecpar(), in.codecpar()), "copying the video parameters");
            videoOut.codecpar().codec_tag(0);
            videoOut.time_base(in.time_base());
            audioOut = newStream();
            FfmpegRuntime.check(
                    avcodec_parameters_from_context(audioOut.codecpar(), enc), "copying the AAC parameters");
            audioOut.time_base(enc.time_base());
        }

        private AVStream newStream() {
            AVStream s = avformat_new_stream(ctx, null);
            if (s == null || s.isNull()) {
                throw new MediaException("out of memory adding a stream");
            }
            return s;
        }

        void start() {
            AVIOContext pb = new AVIOContext(null);
            try (BytePointer url = url(path)) {
                FfmpegRuntime.check(avio_open(pb, url, AVIO_FLAG_WRITE), "opening " + path + " for writing");
            }
            ctx.pb(pb);
            ioOpen = true;
            AVDictionary opts = new AVDictionary(null);
            try {
                av_dict_set(opts, "movflags", "+faststart", 0);
                FfmpegRuntime.check(avformat_write_header(ctx, opts), "writing the header of " + path);
            } finally {
                av_dict_free(opts);
            }
        }

        /**
         * Copies the video packets. The demuxer does not give the last sample its own duration back
         * (it reads a default), so the last packet is held and given what makes the sample table
         * span {@code length} again, as the renderer wrote it.
         */
        void copyVideoPackets(Duration length) {
            AVRational inTb = input.streams(videoIn).time_base();
            AVPacket last = null;
            long firstDts = AV_NOPTS_VALUE;
            try {
                while (true) {
                    int rc = av_read_frame(input, pkt);
                    if (rc == AVERROR_EOF) {
                        break;
                    }
                    FfmpegRuntime.check(rc, "reading the rendered video");
                    if (pkt.stream_index() != videoIn) {
                        av_packet_unref(pkt);
                        continue;
                    }
                    if (firstDts == AV_NOPTS_VALUE) {
                        firstDts = pkt.dts();
                    }
                    if (last != null) {
                        writeVideo(last, inTb);
                        av_packet_free(last);
                    }
                    last = av_packet_clone(pkt);
                    av_packet_unref(pkt);
                    if (last == null || last.isNull()) {
                        throw new MediaException("out of memory holding a packet");
                    }
                }
                if (last != null) {
                    long end = av_rescale_q(
                            length.toNanos() / 1000, new AVRational().num(1).den(1_000_000), inTb);
                    long span = last.dts() != AV_NOPTS_VALUE && firstDts != AV_NOPTS_VALUE ? last.dts() - firstDts : 0;
                    if (end - span > last.duration()) {
                        last.duration(end - span);
                    }
                    writeVideo(last, inTb);
                }
            } finally {
                if (last != null) {
                    av_packet_free(last);
                }
            }
        }

        private void writeVideo(AVPacket p, AVRational inTb) {
            av_packet_rescale_ts(p, inTb, videoOut.time_base());
            p.stream_index(videoOut.index());
            p.pos(-1);
            FfmpegRuntime.check(av_interleaved_write_frame(ctx, p), "writing a video packet to " + path);
        }

        void encode(AVFrame frame) {
            FfmpegRuntime.check(
                    avcodec_send_frame(enc, frame), frame == null ? "flushing the AAC encoder" : "encoding audio");
            while (true) {
                int rc = avcodec_receive_packet(enc, pkt);
                if (rc == AVERROR_EAGAIN() || rc == AVERROR_EOF) {
                    return;
                }
                FfmpegRuntime.check(rc, "encoding audio");
                if (pkt.pts() != AV_NOPTS_VALUE) {
                    av_packet_rescale_ts(pkt, enc.time_base(), audioOut.time_base());
                }
                pkt.stream_index(audioOut.index());
                FfmpegRuntime.check(av_interleaved_write_frame(ctx, pkt), "writing an audio packet to " + path);
                av_packet_unref(pkt);
            }
        }

        void finish() {
            FfmpegRuntime.check(av_write_trailer(ctx), "finishing " + path);
        }

        private static BytePointer url(Path p) {
            return new BytePointer("file:" + p.toAbsolutePath(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            av_packet_free(pkt);
            if (enc != null) {
                avcodec_free_context(enc);
                enc = null;
            }
            if (input != null) {
                avformat_close_input(input);
                input = null;
            }
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
}
