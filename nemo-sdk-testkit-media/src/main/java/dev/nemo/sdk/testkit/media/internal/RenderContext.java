package dev.nemo.sdk.testkit.media.internal;

import dev.nemo.sdk.testkit.media.MediaLimitExceededException;
import dev.nemo.sdk.testkit.media.MediaLimitExceededException.Limit;
import dev.nemo.sdk.testkit.media.MediaLimits;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.javacpp.Pointer;

/**
 * The wall-clock budget and cancellation of one render. Checked between packets and frames, and
 * by FFmpeg itself through the I/O interrupt callback of every input the render opens (so a
 * blocking read cannot outlive the budget either).
 */
public final class RenderContext {

    private static final ThreadLocal<RenderContext> CURRENT = new ThreadLocal<>();

    /** One callback for the JVM: JavaCPP has a small fixed pool of callback slots per type. */
    private static final class Interrupt {
        static final AVIOInterruptCB.Callback_Pointer CALLBACK = new AVIOInterruptCB.Callback_Pointer() {
            @Override
            public int call(Pointer opaque) {
                RenderContext ctx = CURRENT.get();
                return ctx != null && ctx.stopRequested() ? 1 : 0;
            }
        };
    }

    private final MediaLimits limits;
    private volatile long startNanos = System.nanoTime();
    private final long budgetNanos;
    private volatile boolean cancelled;

    /**
     * Starts the clock of a render.
     *
     * @param limits the limits, including the wall-clock budget
     */
    public RenderContext(MediaLimits limits) {
        this.limits = limits;
        this.budgetNanos = saturatedNanos(limits.maxRenderTime());
    }

    /**
     * The limits of this render.
     *
     * @return the limits
     */
    public MediaLimits limits() {
        return limits;
    }

    /** Restarts the clock: a render's budget starts when it leaves the queue, not when it joins it. */
    public void startClock() {
        startNanos = System.nanoTime();
    }

    /**
     * Whether {@link #cancel()} was called.
     *
     * @return true once cancelled
     */
    public boolean cancelled() {
        return cancelled;
    }

    /** Asks the render to stop at its next check. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Fails if the render was cancelled or ran out of time.
     *
     * @throws CancellationException if cancelled
     * @throws MediaLimitExceededException if the budget is spent
     */
    public void check() {
        if (cancelled) {
            throw new CancellationException("render cancelled");
        }
        if (System.nanoTime() - startNanos >= budgetNanos) {
            throw new MediaLimitExceededException(
                    Limit.RENDER_TIME,
                    "the render took longer than its budget of "
                            + limits.maxRenderTime().toMillis() + " ms");
        }
    }

    /**
     * Time since the render started.
     *
     * @return the elapsed time
     */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    boolean stopRequested() {
        return cancelled || System.nanoTime() - startNanos >= budgetNanos;
    }

    /**
     * Makes this the context FFmpeg's interrupt callback consults on the current thread.
     *
     * @return a scope that restores the previous context when closed
     */
    public Scope enter() {
        RenderContext previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /**
     * The interrupt callback to install on an input's {@code AVFormatContext}.
     *
     * @return the shared callback
     */
    static AVIOInterruptCB.Callback_Pointer interruptCallback() {
        return Interrupt.CALLBACK;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Restores the previous context. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
