package dev.nemo.sdk.testkit.media.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_ALPHA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_PAL;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale;

import dev.nemo.sdk.testkit.media.MediaException;
import dev.nemo.sdk.testkit.media.MediaLimitExceededException;
import dev.nemo.sdk.testkit.media.MediaLimitExceededException.Limit;
import dev.nemo.sdk.testkit.media.MediaLimits;
import dev.nemo.sdk.testkit.media.MediaRejectedException;
import dev.nemo.sdk.testkit.media.MediaRejectedException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Demuxes and decodes the video of one input, under the {@link MediaLimits} guards, and gives
 * each frame its place on the source timeline: {@code pts} from 0 and {@code duration}, in the
 * stream's time base (GIF delays of 0 or 1 centiseconds count as 10, as browsers show them). Owns every native object it allocates; {@link #close()} frees them all.
 */
public final class SourceReader implements AutoCloseable {

    private final RenderContext ctx;
    private final MediaLimits limits;
    private final InputKind kind;
    private AVFormatContext fmt;
    private WebpFrameSource webp;
    private boolean opened;
    private AVCodecContext dec;
    private AVPacket pkt;
    private int streamIndex = -1;
    private int tbNum;
    private int tbDen;
    private long fallbackDuration;
    private long stillDuration;
    private long gifMinDelay;
    private long gifDefaultDelay;
    private boolean inputEnded;
    private boolean flushed;
    private long origin = AV_NOPTS_VALUE;
    private long end;
    private int frames;
    private long totalPixels;
    private int decodeErrors;
    private String lastDecodeError = "";

    private SourceReader(RenderContext ctx, InputKind kind) {
        this.ctx = ctx;
        this.limits = ctx.limits();
        this.kind = kind;
    }

    /**
     * Opens an input: checks its size and header, opens the one demuxer its type allows, finds
     * the video stream and opens its decoder.
     *
     * @param path the input
     * @param ctx the render's limits and budget
     * @param still how long a still picture is shown
     * @return the reader, positioned before the first frame
     * @throws MediaRejectedException if the input is not supported or cannot be opened
     * @throws MediaLimitExceededException if it is larger than the limits allow
     */
    public static SourceReader open(Path path, RenderContext ctx, Duration still) {
        FfmpegRuntime.require();
        ctx.check();
        InputSniffer.Sniffed sniffed;
        try {
            long bytes = Files.size(path);
            if (bytes > ctx.limits().maxInputBytes()) {
                throw new MediaLimitExceededException(
                        Limit.INPUT_BYTES,
                        "the input is " + bytes + " bytes, more than the limit of "
                                + ctx.limits().maxInputBytes());
            }
            sniffed = InputSniffer.sniff(path);
        } catch (IOException e) {
            throw new MediaException("cannot read " + path + ": " + e, e);
        }
        SourceReader r = new SourceReader(ctx, sniffed.kind());
        try {
            r.checkFrameSize(sniffed.declaredWidth(), sniffed.declaredHeight(), "the header declares a canvas of");
            if (sniffed.kind() == InputKind.ANIMATED_WEBP) {
                r.webp = WebpFrameSource.open(path, r.limits);
                r.tbNum = 1;
                r.tbDen = WebpFrameSource.TB_DEN;
                return r;
            }
            r.openInput(path);
            r.openDecoder(still);
            return r;
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    private void openInput(Path path) {
        fmt = avformat_alloc_context();
        if (fmt == null || fmt.isNull()) {
            throw new MediaException("out of memory opening " + path);
        }
        fmt.interrupt_callback().callback(RenderContext.interruptCallback());
        AVDictionary opts = new AVDictionary(null);
        try {
            av_dict_set(opts, "format_whitelist", kind.demuxer(), 0);
            av_dict_set(opts, "protocol_whitelist", "file", 0);
            if (kind == InputKind.GIF) {
                av_dict_set(opts, "min_delay", "2", 0);
                av_dict_set(opts, "default_delay", "10", 0);
                av_dict_set(opts, "ignore_loop", "1", 0);
            } else if (kind == InputKind.APNG) {
                av_dict_set(opts, "max_fps", "0", 0);
                av_dict_set(opts, "default_fps", "10", 0);
                av_dict_set(opts, "ignore_loop", "1", 0);
            }
            AVInputFormat in = av_find_input_format(kind.shortName());
            FfmpegRuntime.clearLastProblem();
            int rc;
            try (BytePointer url = new BytePointer("file:" + path.toAbsolutePath(), StandardCharsets.UTF_8)) {
                rc = avformat_open_input(fmt, url, in, opts);
            }
            if (rc < 0) {
                fmt = null; // freed by avformat_open_input
                throw new MediaRejectedException(
                        Reason.UNDECODABLE,
                        "cannot open the " + kind + " input: " + FfmpegRuntime.errorText(rc) + detail());
            }
            opened = true;
        } finally {
            av_dict_free(opts);
        }
        ctx.check();
        streamIndex = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
        if (streamIndex < 0) {
            throw new MediaRejectedException(Reason.NO_VIDEO, "the " + kind + " input has no video stream");
        }
        for (int i = 0; i < fmt.nb_streams(); i++) {
            if (i != streamIndex) {
                fmt.streams(i).discard(AVDISCARD_ALL);
            }
        }
        AVCodecParameters par = fmt.streams(streamIndex).codecpar();
        checkFrameSize(par.width(), par.height(), "the container declares frames of");
        if (kind != InputKind.GIF) {
            findStreamInfo();
            checkFrameSize(par.width(), par.height(), "the container declares frames of");
        }
    }

    /** Lets FFmpeg read ahead for missing parameters, with the same frame size cap on its decoders. */
    private void findStreamInfo() {
        int n = fmt.nb_streams();
        PointerPointer<AVDictionary> perStream = new PointerPointer<>(n);
        try {
            for (int i = 0; i < n; i++) {
                AVDictionary d = new AVDictionary(null);
                av_dict_set(d, "max_pixels", Long.toString(limits.maxFramePixels()), 0);
                av_dict_set(d, "threads", "1", 0);
                perStream.put(i, d);
            }
            FfmpegRuntime.clearLastProblem();
            int rc = avformat_find_stream_info(fmt, perStream);
            ctx.check();
            if (rc < 0) {
                throw new MediaRejectedException(
                        Reason.UNDECODABLE,
                        "cannot read the " + kind + " stream parameters: " + FfmpegRuntime.errorText(rc) + detail());
            }
        } finally {
            for (int i = 0; i < n; i++) {
                AVDictionary d = perStream.get(AVDictionary.class, i);
                if (d != null && !d.isNull()) {
                    av_dict_free(d);
                }
            }
            perStream.close();
        }
    }

    private void openDecoder(Duration still) {
        AVStream st = fmt.streams(streamIndex);
        AVCodecParameters par = st.codecpar();
        AVCodec codec = avcodec_find_decoder(par.codec_id());
        if (codec == null || codec.isNull()) {
            throw new MediaRejectedException(
                    Reason.UNSUPPORTED_FORMAT,
                    "no decoder for " + avcodec_get_name(par.codec_id()).getString() + " video");
        }
        dec = avcodec_alloc_context3(codec);
        if (dec == null || dec.isNull()) {
            throw new MediaException("out of memory allocating a decoder");
        }
        FfmpegRuntime.check(avcodec_parameters_to_context(dec, par), "copying decoder parameters");
        dec.pkt_timebase(st.time_base());
        dec.thread_count(1);
        dec.max_pixels(limits.maxFramePixels());
        FfmpegRuntime.clearLastProblem();
        int rc = avcodec_open2(dec, codec, (AVDictionary) null);
        if (rc < 0) {
            throw new MediaRejectedException(
                    Reason.UNDECODABLE,
                    "cannot open the " + avcodec_get_name(par.codec_id()).getString() + " decoder: "
                            + FfmpegRuntime.errorText(rc) + detail());
        }
        tbNum = st.time_base().num();
        tbDen = st.time_base().den();
        if (tbNum <= 0 || tbDen <= 0) {
            throw new MediaRejectedException(Reason.UNDECODABLE, "the video stream has an invalid time base");
        }
        long fps100 = st.avg_frame_rate().den() > 0 && st.avg_frame_rate().num() > 0
                ? av_rescale(
                        st.avg_frame_rate().den(),
                        tbDen,
                        (long) st.avg_frame_rate().num() * tbNum)
                : 0;
        fallbackDuration = fps100 > 0 ? fps100 : Math.max(1, av_rescale(100, tbDen, 1000L * tbNum));
        stillDuration = Math.max(1, av_rescale(still.toMillis(), tbDen, 1000L * tbNum));
        gifMinDelay = av_rescale(20, tbDen, 1000L * tbNum);
        gifDefaultDelay = Math.max(1, av_rescale(100, tbDen, 1000L * tbNum));
        pkt = av_packet_alloc();
        if (pkt == null || pkt.isNull()) {
            throw new MediaException("out of memory allocating a packet");
        }
    }

    /**
     * Decodes the next frame.
     *
     * @param frame receives the frame (unreferenced first); its {@code pts} is set from 0 on the
     *     source timeline and its {@code duration} to how long the source shows it
     * @return false at the end of the input
     * @throws MediaLimitExceededException if a limit is crossed
     * @throws MediaRejectedException if nothing could be decoded, or too many packets failed
     */
    public boolean next(AVFrame frame) {
        av_frame_unref(frame);
        if (webp != null) {
            ctx.check();
            if (!webp.next(frame)) {
                return finished();
            }
            accept(frame);
            return true;
        }
        while (true) {
            ctx.check();
            int rc = avcodec_receive_frame(dec, frame);
            if (rc >= 0) {
                accept(frame);
                return true;
            }
            if (rc == AVERROR_EOF) {
                return finished();
            }
            if (rc != AVERROR_EAGAIN()) {
                decodeError(rc);
                if (flushed) {
                    return finished();
                }
                continue;
            }
            if (inputEnded) {
                if (flushed) {
                    return finished();
                }
                flushed = true;
                avcodec_send_packet(dec, null);
                continue;
            }
            FfmpegRuntime.clearLastProblem();
            rc = av_read_frame(fmt, pkt);
            if (rc < 0) {
                ctx.check(); // an interrupted read is the budget or a cancellation
                inputEnded = true;
                continue;
            }
            try {
                if (pkt.stream_index() != streamIndex) {
                    continue;
                }
                FfmpegRuntime.clearLastProblem();
                rc = avcodec_send_packet(dec, pkt);
                if (rc < 0) {
                    decodeError(rc);
                }
            } finally {
                av_packet_unref(pkt);
            }
        }
    }

    private boolean finished() {
        if (frames == 0) {
            throw new MediaRejectedException(
                    Reason.UNDECODABLE,
                    "no frame of the " + kind + " input could be decoded"
                            + (lastDecodeError.isEmpty() ? "" : ": " + lastDecodeError));
        }
        return false;
    }

    private void decodeError(int rc) {
        decodeErrors++;
        String problem = FfmpegRuntime.lastProblem();
        lastDecodeError = FfmpegRuntime.errorText(rc) + (problem.isEmpty() ? "" : " (" + problem + ")");
        if (decodeErrors > limits.maxDecodeErrors()) {
            throw new MediaRejectedException(
                    Reason.UNDECODABLE,
                    "the " + kind + " input is corrupt: more than " + limits.maxDecodeErrors()
                            + " packets failed to decode; last: " + lastDecodeError);
        }
    }

    private void accept(AVFrame frame) {
        checkFrameSize(frame.width(), frame.height(), "a decoded frame is");
        frames++;
        if (frames > limits.maxFrames()) {
            throw new MediaLimitExceededException(
                    Limit.FRAME_COUNT, "the input has more than " + limits.maxFrames() + " frames");
        }
        totalPixels += (long) frame.width() * frame.height();
        if (totalPixels > limits.maxTotalPixels()) {
            throw new MediaLimitExceededException(
                    Limit.TOTAL_PIXELS,
                    "the input decodes to more than " + limits.maxTotalPixels() + " pixels in total");
        }
        long pts = frame.best_effort_timestamp();
        if (pts == AV_NOPTS_VALUE) {
            pts = frame.pts();
        }
        if (origin == AV_NOPTS_VALUE) {
            origin = pts == AV_NOPTS_VALUE ? 0 : pts;
        }
        long start = pts == AV_NOPTS_VALUE ? end : Math.max(0, pts - origin);
        long duration = kind.still() ? stillDuration : frame.duration() > 0 ? frame.duration() : fallbackDuration;
        if (kind == InputKind.GIF) {
            // browsers show GIF delays under 2 cs as 10 cs; FFmpeg's demuxer only fixes 0, so re-time
            // every frame from the fixed delays (a GIF frame starts where the previous one ended)
            start = end;
            if (duration < gifMinDelay) {
                duration = gifDefaultDelay;
            }
        }
        end = Math.max(end, start + duration);
        if (seconds(end) > limits.maxDuration().toMillis() / 1000.0) {
            throw new MediaLimitExceededException(
                    Limit.DURATION,
                    "the input is longer than " + limits.maxDuration().toSeconds() + " s");
        }
        frame.pts(start);
        frame.duration(duration);
    }

    private void checkFrameSize(int w, int h, String what) {
        if (w > limits.maxFrameSide() || h > limits.maxFrameSide() || (long) w * h > limits.maxFramePixels()) {
            throw new MediaLimitExceededException(
                    Limit.FRAME_SIZE,
                    what + " " + w + "x" + h
                            + " pixels, more than the limit of " + limits.maxFrameSide() + " px a side and "
                            + limits.maxFramePixels() + " px a frame");
        }
    }

    private static String detail() {
        String p = FfmpegRuntime.lastProblem();
        return p.isEmpty() ? "" : " (" + p + ")";
    }

    private double seconds(long ticks) {
        return (double) ticks * tbNum / tbDen;
    }

    /**
     * The input type.
     *
     * @return the kind the header identified
     */
    public InputKind kind() {
        return kind;
    }

    /**
     * The numerator of the time base of the frames' {@code pts} and {@code duration}.
     *
     * @return the numerator
     */
    public int timeBaseNum() {
        return tbNum;
    }

    /**
     * The denominator of the time base of the frames' {@code pts} and {@code duration}.
     *
     * @return the denominator
     */
    public int timeBaseDen() {
        return tbDen;
    }

    /**
     * Converts milliseconds to this reader's time base.
     *
     * @param millis the time
     * @return the time in ticks
     */
    public long ticks(long millis) {
        return av_rescale(millis, tbDen, 1000L * tbNum);
    }

    /**
     * Converts ticks of this reader's time base to microseconds.
     *
     * @param ticks the time in ticks
     * @return the time in microseconds
     */
    public long micros(long ticks) {
        return av_rescale(ticks, 1_000_000L * tbNum, tbDen);
    }

    /**
     * The pixel aspect ratio of the video (1 for square pixels).
     *
     * @return the ratio
     */
    public double sampleAspect() {
        if (fmt == null) {
            return 1.0;
        }
        var sar = fmt.streams(streamIndex).codecpar().sample_aspect_ratio();
        return sar.num() > 0 && sar.den() > 0 ? (double) sar.num() / sar.den() : 1.0;
    }

    /**
     * Frames decoded so far.
     *
     * @return the count
     */
    public int frames() {
        return frames;
    }

    /**
     * The end of the last frame on the source timeline: the source duration once all frames are read.
     *
     * @return the end in ticks
     */
    public long end() {
        return end;
    }

    /**
     * The length the container declares for the video, in this reader's time base: for MP4 the
     * movie duration (its edit list), which is the reliable length of a variable frame rate MP4
     * with B-frames, whose last frame FFmpeg's demuxer reports with a shortened duration.
     *
     * @return the declared length, or 0 if the container declares none
     */
    public long declaredDuration() {
        if (fmt == null) {
            return 0;
        }
        if (kind == InputKind.MP4 && !hasAudio() && fmt.duration() > 0) {
            return av_rescale(fmt.duration(), tbDen, 1_000_000L * tbNum);
        }
        long d = fmt.streams(streamIndex).duration();
        return d == AV_NOPTS_VALUE || d < 0 ? 0 : d;
    }

    /**
     * Whether the container also has an audio stream (which the engine does not carry over).
     *
     * @return true if there is audio
     */
    public boolean hasAudio() {
        if (fmt == null) {
            return false;
        }
        for (int i = 0; i < fmt.nb_streams(); i++) {
            if (fmt.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_AUDIO) {
                return true;
            }
        }
        return false;
    }

    /**
     * The container's name, for reports.
     *
     * @return the demuxer name
     */
    public String containerName() {
        if (fmt == null) {
            return "webp (animated, RIFF ANMF)";
        }
        return fmt.iformat().name().getString();
    }

    /**
     * The codec's name, for reports.
     *
     * @return the decoder name
     */
    public String codecName() {
        if (fmt == null) {
            return "webp (TwelveMonkeys imageio-webp)";
        }
        return avcodec_get_name(fmt.streams(streamIndex).codecpar().codec_id()).getString();
    }

    /**
     * Whether a pixel format can carry transparency (an alpha channel or a palette).
     *
     * @param pixFmt the format of a decoded frame
     * @return true if pixels may be transparent
     */
    public static boolean hasAlpha(int pixFmt) {
        AVPixFmtDescriptor d = av_pix_fmt_desc_get(pixFmt);
        return d != null && !d.isNull() && (d.flags() & (AV_PIX_FMT_FLAG_ALPHA | AV_PIX_FMT_FLAG_PAL)) != 0;
    }

    @Override
    public void close() {
        if (pkt != null) {
            av_packet_free(pkt);
            pkt = null;
        }
        if (dec != null) {
            avcodec_free_context(dec);
            dec = null;
        }
        if (fmt != null) {
            if (opened) {
                avformat_close_input(fmt);
            } else {
                avformat_free_context(fmt);
            }
            fmt = null;
        }
    }
}
