package dev.nemo.sdk.testkit.media.internal;

import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.FloatPointer;

/** Test helper: what an MP4's streams say about themselves, and the loudness of its decoded audio. */
public final class AudioProbe {

    /**
     * The streams of a file, re-demuxed.
     *
     * @param audioCodec the audio stream's codec name, or null without one
     * @param audioSeconds the audio stream's duration
     * @param videoSeconds the video stream's duration
     * @param streams how many streams
     */
    public record Streams(String audioCodec, double audioSeconds, double videoSeconds, int streams) {}

    private AudioProbe() {}

    /**
     * Re-demuxes an MP4.
     *
     * @param mp4 the file
     * @return what its streams say
     */
    public static Streams streams(Path mp4) {
        FfmpegRuntime.require();
        AVFormatContext ctx = new AVFormatContext(null);
        try (var url = new org.bytedeco.javacpp.BytePointer("file:" + mp4.toAbsolutePath(), StandardCharsets.UTF_8)) {
            FfmpegRuntime.check(avformat_open_input(ctx, url, av_find_input_format("mp4"), null), "opening");
        }
        try {
            FfmpegRuntime.check(avformat_find_stream_info(ctx, (AVDictionary) null), "probing");
            String codec = null;
            double audio = 0;
            double video = 0;
            for (int i = 0; i < ctx.nb_streams(); i++) {
                AVStream s = ctx.streams(i);
                double seconds = s.duration()
                        * (double) s.time_base().num()
                        / s.time_base().den();
                if (s.codecpar().codec_type() == AVMEDIA_TYPE_AUDIO) {
                    codec = avcodec.avcodec_get_name(s.codecpar().codec_id()).getString();
                    audio = seconds;
                } else if (s.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                    video = seconds;
                }
            }
            return new Streams(codec, audio, video, ctx.nb_streams());
        } finally {
            avformat_close_input(ctx);
        }
    }

    /**
     * The root mean square of the decoded audio's samples, over every channel.
     *
     * @param mp4 the file
     * @return the RMS of the samples (full scale 1.0)
     */
    public static double rms(Path mp4) {
        FfmpegRuntime.require();
        double sum = 0;
        long n = 0;
        AVFrame frame = av_frame_alloc();
        try (FilterGraph g = FilterGraph.create("amovie=filename=" + mp4.toAbsolutePath() + ":format_name=mp4"
                + ",aformat=sample_fmts=flt,abuffersink@probe")) {
            while (g.pullAudio("probe", frame)) {
                int count = frame.nb_samples() * frame.ch_layout().nb_channels();
                FloatPointer samples = new FloatPointer(frame.data(0)).capacity(count);
                for (int i = 0; i < count; i++) {
                    double v = samples.get(i);
                    sum += v * v;
                }
                n += count;
                av_frame_unref(frame);
            }
        } finally {
            av_frame_free(frame);
        }
        return n == 0 ? 0 : Math.sqrt(sum / n);
    }
}
