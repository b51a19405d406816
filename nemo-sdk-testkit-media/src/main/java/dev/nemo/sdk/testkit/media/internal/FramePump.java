package dev.nemo.sdk.testkit.media.internal;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_move_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;

import dev.nemo.sdk.testkit.media.MediaException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Runs a source through the {@link FrameScheduler} into a filter graph and hands every frame the
 * graph produces to a consumer, with its output timestamp and duration. The graph is created when
 * the first frame is known (its size and pixel format name the {@code buffer} source); frames
 * move by reference, never copied. Everything it allocates is freed before it returns or throws.
 */
public final class FramePump implements AutoCloseable {

    /** Receives the graph's output frames. */
    @FunctionalInterface
    public interface Sink {
        /**
         * Takes one output frame.
         *
         * @param frame the frame, unreferenced after the call
         * @param pts its output timestamp, in the source time base
         * @param duration its output duration, in the source time base
         */
        void accept(AVFrame frame, long pts, long duration);
    }

    /**
     * What went through.
     *
     * @param frames frames emitted into the graph
     * @param duration the output duration, in the source time base
     */
    public record Result(long frames, long duration) {}

    private final SourceReader src;
    private final FrameScheduler scheduler;
    private final Function<FilterSpecs.Input, FilterGraph> graphFor;
    private final Consumer<FilterGraph> setup;
    private final Sink sink;
    private final Map<Long, Long> durations = new HashMap<>();
    private final AVFrame decoded = av_frame_alloc();
    private final AVFrame held = av_frame_alloc();
    private final AVFrame out = av_frame_alloc();
    private FilterGraph graph;

    private FramePump(
            SourceReader src,
            FrameScheduler scheduler,
            Function<FilterSpecs.Input, FilterGraph> graphFor,
            Consumer<FilterGraph> setup,
            Sink sink) {
        this.src = src;
        this.scheduler = scheduler;
        this.graphFor = graphFor;
        this.setup = setup;
        this.sink = sink;
    }

    /**
     * Pumps the whole source.
     *
     * @param src the opened source
     * @param scheduler the trim and frame rate decisions
     * @param graphFor creates the graph for the first frame's {@link FilterSpecs.Input}; called once
     * @param setup called once with the new graph before any frame is pushed (to feed extra inputs)
     * @param sink receives the output frames
     * @return the counts, after the graph and sink have seen the end
     */
    public static Result run(
            SourceReader src,
            FrameScheduler scheduler,
            Function<FilterSpecs.Input, FilterGraph> graphFor,
            Consumer<FilterGraph> setup,
            Sink sink) {
        try (FramePump pump = new FramePump(src, scheduler, graphFor, setup, sink)) {
            return pump.run();
        }
    }

    private Result run() {
        boolean reading = true;
        while (reading && src.next(decoded)) {
            FrameScheduler.Action action = scheduler.offer(decoded.pts(), decoded.duration());
            switch (action) {
                case DROP -> av_frame_unref(decoded);
                case HOLD -> av_frame_move_ref(held, decoded);
                case REPLACE -> {
                    av_frame_unref(held);
                    av_frame_move_ref(held, decoded);
                }
                case EMIT_AND_HOLD -> {
                    emitHeld();
                    av_frame_move_ref(held, decoded);
                }
                case STOP -> {
                    av_frame_unref(decoded);
                    reading = false;
                }
                default -> throw new IllegalStateException(action.toString());
            }
        }
        if (reading) {
            scheduler.extendTo(src.declaredDuration());
        }
        if (scheduler.finish()) {
            emitHeld();
        }
        if (graph == null) {
            throw new MediaException("the trim window selects no frame of the source");
        }
        graph.end(FilterSpecs.SRC);
        drain();
        return new Result(scheduler.emittedFrames(), scheduler.outputDuration());
    }

    private void emitHeld() {
        if (graph == null) {
            String pixFmt = av_get_pix_fmt_name(held.format()).getString();
            graph = graphFor.apply(
                    new FilterSpecs.Input(held.width(), held.height(), pixFmt, src.timeBaseNum(), src.timeBaseDen()));
            setup.accept(graph);
        }
        held.pts(scheduler.emitPts());
        held.duration(scheduler.emitDuration());
        durations.put(scheduler.emitPts(), scheduler.emitDuration());
        graph.push(FilterSpecs.SRC, held);
        drain();
    }

    private void drain() {
        while (graph.pull(FilterSpecs.OUT, out)) {
            try {
                Long d = durations.remove(out.pts());
                sink.accept(out, out.pts(), d != null ? d : Math.max(1, out.duration()));
            } finally {
                av_frame_unref(out);
            }
        }
    }

    @Override
    public void close() {
        if (graph != null) {
            graph.close();
            graph = null;
        }
        av_frame_free(decoded);
        av_frame_free(held);
        av_frame_free(out);
    }
}
