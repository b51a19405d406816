package dev.nemo.sdk.testkit.media.internal;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_DEBUG;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import dev.nemo.sdk.testkit.media.MediaException;
import dev.nemo.sdk.testkit.media.MediaUnavailableException;
import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avfilter;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the FFmpeg natives once, routes FFmpeg's log to slf4j (logger
 * {@code dev.nemo.sdk.testkit.media.ffmpeg}, DEBUG) and remembers, per thread, the last error
 * FFmpeg logged so that a rejection can say what the decoder saw.
 */
public final class FfmpegRuntime {

    private static final Logger FFMPEG_LOG = LoggerFactory.getLogger("dev.nemo.sdk.testkit.media.ffmpeg");
    private static final ThreadLocal<String> LAST_PROBLEM = new ThreadLocal<>();
    // held for the life of the JVM: FFmpeg keeps calling it
    private static LogCallback logCallback;

    /** Loads on first use; class initialisation makes it once and thread-safe. */
    private static final class Holder {
        static final Status STATUS = load();
    }

    /**
     * Whether the natives are usable, and which FFmpeg this is.
     *
     * @param available true if FFmpeg loaded and has what the engine needs
     * @param description the FFmpeg version, or why it is unavailable
     * @param failure the loading failure, or null
     */
    public record Status(boolean available, String description, Throwable failure) {}

    private FfmpegRuntime() {}

    /**
     * Loads the natives on first use.
     *
     * @return the status, cached
     */
    public static Status status() {
        return Holder.STATUS;
    }

    /**
     * Throws if the natives are unavailable.
     *
     * @throws MediaUnavailableException if they are
     */
    public static void require() {
        Status s = status();
        if (!s.available()) {
            throw new MediaUnavailableException("FFmpeg natives are unavailable: " + s.description(), s.failure());
        }
    }

    private static Status load() {
        try {
            Loader.load(avutil.class);
            Loader.load(avcodec.class);
            Loader.load(avformat.class);
            Loader.load(swscale.class);
            Loader.load(avfilter.class);
            av_log_set_level(AV_LOG_WARNING);
            logCallback = new LogCallback() {
                @Override
                public void call(int level, BytePointer msg) {
                    onLog(level, msg);
                }
            };
            avutil.setLogCallback(logCallback);
            String missing = missingPieces();
            if (!missing.isEmpty()) {
                return new Status(false, "this FFmpeg build lacks " + missing, null);
            }
            return new Status(
                    true,
                    "FFmpeg " + avutil.av_version_info().getString()
                            + " (libavcodec " + version(avcodec.avcodec_version()) + ", libx264) via JavaCPP "
                            + Loader.getVersion() + " on " + Loader.getPlatform(),
                    null);
        } catch (Throwable t) { // UnsatisfiedLinkError, ExceptionInInitializerError, SecurityException...
            return new Status(false, t.getClass().getSimpleName() + ": " + t.getMessage(), t);
        }
    }

    private static String missingPieces() {
        StringBuilder missing = new StringBuilder();
        if (avcodec.avcodec_find_encoder_by_name("libx264") == null) {
            missing.append(" libx264");
        }
        if (avcodec.avcodec_find_encoder_by_name("gif") == null) {
            missing.append(" the gif encoder");
        }
        for (String f : new String[] {
            "buffer", "buffersink", "scale", "overlay", "lutrgb", "split", "palettegen", "paletteuse", "ssim", "format"
        }) {
            if (avfilter.avfilter_get_by_name(f) == null) {
                missing.append(" the ").append(f).append(" filter");
            }
        }
        return missing.toString().trim();
    }

    private static String version(int v) {
        return (v >> 16) + "." + (v >> 8 & 0xff) + "." + (v & 0xff);
    }

    private static void onLog(int level, BytePointer msg) {
        if (level > AV_LOG_DEBUG || msg == null) {
            return;
        }
        String text = msg.getString(StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return;
        }
        if (level <= AV_LOG_WARNING) {
            LAST_PROBLEM.set(text);
        }
        if (level <= AV_LOG_ERROR) {
            FFMPEG_LOG.debug("ffmpeg error: {}", text);
        } else if (FFMPEG_LOG.isTraceEnabled()) {
            FFMPEG_LOG.trace("ffmpeg: {}", text);
        }
    }

    /**
     * Forgets the last problem logged on this thread (call before an operation whose failure you
     * want to explain).
     */
    public static void clearLastProblem() {
        LAST_PROBLEM.remove();
    }

    /**
     * The last warning or error FFmpeg logged on this thread.
     *
     * @return the message, or an empty string
     */
    public static String lastProblem() {
        String s = LAST_PROBLEM.get();
        return s == null ? "" : s;
    }

    /**
     * FFmpeg's text for an error code.
     *
     * @param code a negative AVERROR
     * @return the text
     */
    public static String errorText(int code) {
        byte[] buf = new byte[256];
        if (av_strerror(code, buf, buf.length) < 0) {
            return "error " + code;
        }
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * Throws a {@link MediaException} if a call failed.
     *
     * @param code the call's return value
     * @param what what was being done, for the message
     * @return the code, when not negative
     */
    public static int check(int code, String what) {
        if (code < 0) {
            String detail = lastProblem();
            throw new MediaException(
                    what + " failed: " + errorText(code) + (detail.isEmpty() ? "" : " (" + detail + ")"));
        }
        return code;
    }
}
