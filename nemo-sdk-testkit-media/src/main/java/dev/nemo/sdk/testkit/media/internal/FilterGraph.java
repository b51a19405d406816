package dev.nemo.sdk.testkit.media.internal;

import static org.bytedeco.ffmpeg.global.avfilter.AV_BUFFERSRC_FLAG_KEEP_REF;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_add_frame_flags;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_config;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_get_filter;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_parse_ptr;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;

import dev.nemo.sdk.testkit.media.MediaException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avfilter;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * A configured libavfilter graph built from a closed filtergraph string (see {@link FilterSpecs}):
 * its sources are {@code buffer@NAME} instances and its sinks {@code buffersink@NAME}, addressed
 * by that instance name. Single-threaded, so that the encoder owns the render's thread budget.
 */
public final class FilterGraph implements AutoCloseable {

    private AVFilterGraph graph;
    private final Map<String, AVFilterContext> filters = new HashMap<>();
    private final String spec;

    private FilterGraph(String spec) {
        this.spec = spec;
    }

    /**
     * Parses and configures a graph.
     *
     * @param spec the filtergraph, with no unconnected pads
     * @return the graph
     * @throws MediaException if FFmpeg refuses the graph
     */
    public static FilterGraph create(String spec) {
        FilterGraph g = new FilterGraph(spec);
        try {
            g.graph = avfilter_graph_alloc();
            if (g.graph == null || g.graph.isNull()) {
                throw new MediaException("out of memory allocating a filter graph");
            }
            g.graph.nb_threads(1);
            FfmpegRuntime.clearLastProblem();
            try (BytePointer s = new BytePointer(spec, StandardCharsets.UTF_8)) {
                g.check(
                        avfilter_graph_parse_ptr(g.graph, s, (PointerPointer<?>) null, (PointerPointer<?>) null, null),
                        "parsing");
            }
            g.check(avfilter_graph_config(g.graph, null), "configuring");
            return g;
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
    }

    /**
     * Feeds a frame to a source. The frame's references move into the graph: it is blank after.
     *
     * @param source the instance id of the {@code buffer@id} source
     * @param frame the frame
     */
    public void push(String source, AVFrame frame) {
        check(av_buffersrc_add_frame_flags(filter("buffer@" + source), frame, 0), "feeding a frame to");
    }

    /**
     * Feeds a copy of a frame to a source; the caller keeps its frame.
     *
     * @param source the instance id of the {@code buffer@id} source
     * @param frame the frame
     */
    public void pushCopy(String source, AVFrame frame) {
        check(
                av_buffersrc_add_frame_flags(filter("buffer@" + source), frame, AV_BUFFERSRC_FLAG_KEEP_REF),
                "feeding a frame to");
    }

    /**
     * Ends a source.
     *
     * @param source the instance id of the {@code buffer@id} source
     */
    public void end(String source) {
        check(av_buffersrc_add_frame_flags(filter("buffer@" + source), null, 0), "ending");
    }

    /**
     * Takes the next output frame of a sink, if one is ready.
     *
     * @param sink the instance id of the {@code buffersink@id} sink
     * @param out receives the frame
     * @return true if a frame was written to {@code out}; false if none is ready or the sink ended
     */
    public boolean pull(String sink, AVFrame out) {
        return pullFrom("buffersink@" + sink, out);
    }

    /**
     * Takes the next output frame of an audio sink, if one is ready.
     *
     * @param sink the instance id of the {@code abuffersink@id} sink
     * @param out receives the frame
     * @return true if a frame was written to {@code out}; false if none is ready or the sink ended
     */
    public boolean pullAudio(String sink, AVFrame out) {
        return pullFrom("abuffersink@" + sink, out);
    }

    /**
     * Makes an audio sink return frames of exactly this many samples (the last one may be shorter),
     * as encoders with a fixed frame size (AAC) require.
     *
     * @param sink the instance id of the {@code abuffersink@id} sink
     * @param samples samples per frame
     */
    public void audioFrameSize(String sink, int samples) {
        avfilter.av_buffersink_set_frame_size(filter("abuffersink@" + sink), samples);
    }

    private boolean pullFrom(String name, AVFrame out) {
        int rc = av_buffersink_get_frame(filter(name), out);
        if (rc == AVERROR_EAGAIN() || rc == AVERROR_EOF) {
            return false;
        }
        check(rc, "reading from");
        return true;
    }

    /**
     * The time base of a sink's frames.
     *
     * @param sink the instance id of the sink
     * @return {numerator, denominator}
     */
    public int[] timeBase(String sink) {
        var tb = avfilter.av_buffersink_get_time_base(filter("buffersink@" + sink));
        return new int[] {tb.num(), tb.den()};
    }

    private AVFilterContext filter(String name) {
        return filters.computeIfAbsent(name, n -> {
            AVFilterContext f = avfilter_graph_get_filter(graph, n);
            if (f == null || f.isNull()) {
                throw new MediaException("the filter graph has no filter named " + n);
            }
            return f;
        });
    }

    private int check(int rc, String what) {
        if (rc < 0) {
            String detail = FfmpegRuntime.lastProblem();
            throw new MediaException(what + " the filter graph failed: " + FfmpegRuntime.errorText(rc)
                    + (detail.isEmpty() ? "" : " (" + detail + ")") + " in: " + spec);
        }
        return rc;
    }

    @Override
    public void close() {
        if (graph != null) {
            avfilter_graph_free(graph);
            graph = null;
        }
        filters.clear();
    }
}
