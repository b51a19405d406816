package dev.nemo.sdk.testkit.media;

import dev.nemo.sdk.testkit.media.MediaLimitExceededException.Limit;
import dev.nemo.sdk.testkit.media.internal.FfmpegRuntime;
import dev.nemo.sdk.testkit.media.internal.FrameScheduler;
import dev.nemo.sdk.testkit.media.internal.RenderContext;
import dev.nemo.sdk.testkit.media.internal.RenderJob;
import dev.nemo.sdk.testkit.media.internal.SourceProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Renders media files with FFmpeg (through JavaCPP, in process): GIF, APNG, PNG, JPEG, MP4 and
 * WebM in; H.264 MP4 or palette GIF out, fitted, trimmed, titled, composited on a background,
 * optionally searched down to a size target; SSIM against the source reported.
 *
 * <p><b>Licensing:</b> this class loads FFmpeg built with libx264, which is GPL. It lives in the
 * optional {@code nemo-sdk-testkit-media} module, for local demos and tests.
 *
 * <p>Renders run on a bounded pool ({@link Builder#maxConcurrentRenders(int)}, default 1) with a
 * bounded queue, and each encoder uses an explicit number of threads
 * ({@link Builder#encoderThreads(int)}, default 2), so parallel exports do not oversubscribe a
 * small machine. Every render is guarded by {@link MediaLimits}: hostile input fails fast with a
 * {@link MediaLimitExceededException} or {@link MediaRejectedException}, native memory is freed
 * before the call returns, and nothing outlives its wall-clock budget.
 *
 * <pre>{@code
 * if (MediaEngine.availability().available()) {
 *     try (MediaEngine engine = MediaEngine.create()) {
 *         RenderReport r = engine.render(RenderRequest.builder(in, out).targetSizeBytes(500_000).build());
 *         System.out.println(r.summary());
 *     }
 * }
 * }</pre>
 */
public final class MediaEngine implements AutoCloseable {

    /**
     * Whether the engine can run on this machine.
     *
     * @param available true if FFmpeg's natives loaded and have every codec and filter needed
     * @param description the FFmpeg version and platform, or why it is unavailable
     */
    public record Availability(boolean available, String description) {}

    private final MediaLimits limits;
    private final RenderJob.Settings settings;
    private final ThreadPoolExecutor executor;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

    private MediaEngine(Builder b) {
        this.limits = b.limits;
        this.settings = new RenderJob.Settings(b.encoderThreads, b.x264Preset);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "nemo-media-render-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = new ThreadPoolExecutor(
                b.maxConcurrentRenders,
                b.maxConcurrentRenders,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(b.queueCapacity),
                threads,
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Checks, once per JVM, whether FFmpeg's natives load here (and loads them).
     *
     * @return the availability, cached
     */
    public static Availability availability() {
        FfmpegRuntime.Status s = FfmpegRuntime.status();
        return new Availability(s.available(), s.description());
    }

    /**
     * An engine with the defaults: {@link MediaLimits#DEFAULT}, one render at a time, 16 queued,
     * two encoder threads, x264 preset {@code medium}.
     *
     * @return the engine
     * @throws MediaUnavailableException if FFmpeg's natives cannot be loaded
     */
    public static MediaEngine create() {
        return builder().build();
    }

    /**
     * Starts configuring an engine.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The limits every render and probe of this engine runs under.
     *
     * @return the limits
     */
    public MediaLimits limits() {
        return limits;
    }

    /**
     * Renders and waits for the result.
     *
     * @param request what to render
     * @return the report
     * @throws MediaRejectedException if the input is not supported or is corrupt
     * @throws MediaLimitExceededException if a guard stopped the render, or the queue is full
     * @throws MediaException if encoding failed
     * @throws CancellationException if the calling thread was interrupted (the render is cancelled)
     */
    public RenderReport render(RenderRequest request) {
        return await(renderAsync(request));
    }

    /**
     * Queues a render. Cancelling the future stops the render at its next check and frees its
     * resources.
     *
     * @param request what to render
     * @return the report, or the failure: {@link MediaRejectedException},
     *     {@link MediaLimitExceededException} (also when the queue is full), {@link MediaException}
     */
    public CompletableFuture<RenderReport> renderAsync(RenderRequest request) {
        Objects.requireNonNull(request, "request");
        return submit(ctx -> new RenderJob(request, ctx, settings).run());
    }

    /**
     * Decodes a whole file under this engine's limits and says what it holds (frames, duration
     * with GIF delay rules, size, transparency). Runs on the engine's pool.
     *
     * @param file the file
     * @return what was found
     * @throws MediaRejectedException if the file is not supported or is corrupt
     * @throws MediaLimitExceededException if a guard fired
     */
    public MediaInfo probe(Path file) {
        Objects.requireNonNull(file, "file");
        return await(submit(ctx -> {
            SourceProbe.Info i =
                    SourceProbe.run(file, ctx, Duration.ofSeconds(3), src -> new FrameScheduler(0, Long.MAX_VALUE, 0));
            try {
                return new MediaInfo(
                        i.container(),
                        i.codec(),
                        i.width(),
                        i.height(),
                        i.pixFmt(),
                        i.frames(),
                        Duration.ofNanos(i.durationMicros() * 1000),
                        i.alpha(),
                        i.hasAudio(),
                        Files.size(file));
            } catch (IOException e) {
                throw new MediaException("cannot read the size of " + file + ": " + e, e);
            }
        }));
    }

    /** Runs work on the engine's bounded pool under its limits; package-private for tests. */
    <T> CompletableFuture<T> submit(Function<RenderContext, T> work) {
        FfmpegRuntime.require();
        RenderContext ctx = new RenderContext(limits);
        CompletableFuture<T> future = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                ctx.cancel();
                return super.cancel(mayInterruptIfRunning);
            }
        };
        inFlight.add(future);
        future.whenComplete((r, e) -> inFlight.remove(future));
        try {
            executor.execute(() -> {
                if (ctx.cancelled() || future.isDone()) {
                    return;
                }
                ctx.startClock();
                try {
                    future.complete(work.apply(ctx));
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(
                    executor.isShutdown()
                            ? new MediaException("the media engine is closed")
                            : new MediaLimitExceededException(
                                    Limit.QUEUE_FULL,
                                    "the media engine's queue is full ("
                                            + executor.getQueue().size() + " renders waiting)"));
        }
        return future;
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the render");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new MediaException("render failed", cause);
        }
    }

    /**
     * Stops accepting work, cancels queued and running renders, and waits briefly for them to
     * release their native resources.
     */
    @Override
    public void close() {
        executor.shutdown();
        inFlight.forEach(f -> f.cancel(true));
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Configures a {@link MediaEngine}. */
    public static final class Builder {
        private MediaLimits limits = MediaLimits.DEFAULT;
        private int maxConcurrentRenders = 1;
        private int queueCapacity = 16;
        private int encoderThreads = 2;
        private String x264Preset = "medium";

        private Builder() {}

        /**
         * Sets the guards (default {@link MediaLimits#DEFAULT}).
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder limits(MediaLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Sets how many renders run at once (default 1).
         *
         * @param n at least 1
         * @return this builder
         */
        public Builder maxConcurrentRenders(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxConcurrentRenders must be at least 1: " + n);
            }
            this.maxConcurrentRenders = n;
            return this;
        }

        /**
         * Sets how many renders may wait for a slot (default 16); beyond it a render fails with
         * {@link Limit#QUEUE_FULL}.
         *
         * @param n at least 1
         * @return this builder
         */
        public Builder queueCapacity(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1: " + n);
            }
            this.queueCapacity = n;
            return this;
        }

        /**
         * Sets the H.264 encoder's thread count (default 2).
         *
         * @param n 1..64
         * @return this builder
         */
        public Builder encoderThreads(int n) {
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("encoderThreads must be in 1..64: " + n);
            }
            this.encoderThreads = n;
            return this;
        }

        /**
         * Sets the x264 preset (default {@code medium}): {@code ultrafast} .. {@code veryslow};
         * faster presets make larger files at the same CRF.
         *
         * @param preset the preset name
         * @return this builder
         */
        public Builder x264Preset(String preset) {
            if (!Set.of("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow")
                    .contains(preset)) {
                throw new IllegalArgumentException("unknown x264 preset: " + preset);
            }
            this.x264Preset = preset;
            return this;
        }

        /**
         * Creates the engine.
         *
         * @return the engine
         * @throws MediaUnavailableException if FFmpeg's natives cannot be loaded
         */
        public MediaEngine build() {
            FfmpegRuntime.require();
            return new MediaEngine(this);
        }
    }
}
