package dev.nemo.sdk.testkit.media;

import static dev.nemo.sdk.testkit.media.MediaTestSupport.assumeNatives;
import static dev.nemo.sdk.testkit.media.MediaTestSupport.corpusFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.testkit.media.MediaLimitExceededException.Limit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounded pool, cancellation, lifecycle and probe of the engine. */
class MediaEngineTest {

    private static final long HANG_GUARD_SECONDS = 120;

    @TempDir
    Path dir;

    @BeforeEach
    void natives() {
        assumeNatives();
    }

    @Test
    void availabilityNamesTheFfmpegBuild() {
        MediaEngine.Availability a = MediaEngine.availability();
        assertThat(a.available()).isTrue();
        assertThat(a.description()).contains("FFmpeg 7.1").contains("libx264").contains("linux-x86_64");
    }

    @Test
    void aFullQueueRejectsWithATypedError() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Path gif = corpusFile("transparent/kingfisher-loader.gif");
        try (MediaEngine engine = MediaEngine.builder()
                .maxConcurrentRenders(1)
                .queueCapacity(1)
                .x264Preset("veryfast")
                .build()) {
            CompletableFuture<Object> blocker = engine.submit(ctx -> {
                running.countDown();
                await(release);
                return null;
            });
            assertThat(running.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<RenderReport> queued = engine.renderAsync(
                    RenderRequest.builder(gif, dir.resolve("a.mp4")).build());
            CompletableFuture<RenderReport> rejected = engine.renderAsync(
                    RenderRequest.builder(gif, dir.resolve("b.mp4")).build());

            assertThat(rejected).isCompletedExceptionally();
            assertThatThrownBy(rejected::join)
                    .hasCauseInstanceOf(MediaLimitExceededException.class)
                    .cause()
                    .satisfies(e -> assertThat(((MediaLimitExceededException) e).limit())
                            .isEqualTo(Limit.QUEUE_FULL));

            release.countDown();
            blocker.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            assertThat(queued.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS).output())
                    .exists();
            assertThat(dir.resolve("b.mp4")).doesNotExist();
        }
    }

    @Test
    void aQueuedRenderCancelledBeforeItStartsNeverRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Path gif = corpusFile("transparent/kingfisher-loader.gif");
        try (MediaEngine engine = MediaEngine.builder()
                .maxConcurrentRenders(1)
                .x264Preset("veryfast")
                .build()) {
            CompletableFuture<Object> blocker = engine.submit(ctx -> {
                await(release);
                return null;
            });
            CompletableFuture<RenderReport> queued = engine.renderAsync(
                    RenderRequest.builder(gif, dir.resolve("q.mp4")).build());
            assertThat(queued.cancel(true)).isTrue();
            release.countDown();
            blocker.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            // the pool runs tasks in order: once this one ran, the cancelled one was skipped
            engine.submit(ctx -> null).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            assertThat(queued).isCancelled();
            assertThat(dir.resolve("q.mp4")).doesNotExist();
        }
    }

    @Test
    void cancellingARunningRenderStopsItAtItsNextCheck() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        try (MediaEngine engine = MediaEngine.builder()
                .limits(MediaLimits.DEFAULT.withMaxRenderTime(Duration.ofMinutes(5)))
                .build()) {
            CompletableFuture<Object> work = engine.submit(ctx -> {
                running.countDown();
                while (true) {
                    ctx.check(); // what every decode and encode loop does between packets and frames
                    Thread.onSpinWait();
                }
            });
            assertThat(running.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
            work.cancel(true);
            assertThat(work).isCancelled();
            // the worker is free again: the next task runs
            assertThat(engine.submit(ctx -> "next").get(HANG_GUARD_SECONDS, TimeUnit.SECONDS))
                    .isEqualTo("next");
        }
    }

    @Test
    void aClosedEngineRefusesWork() {
        MediaEngine engine = MediaTestSupport.testEngine();
        engine.close();
        Path gif = corpusFile("transparent/kingfisher-loader.gif");
        assertThatThrownBy(() -> engine.render(
                        RenderRequest.builder(gif, dir.resolve("x.mp4")).build()))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aMissingSourceIsAMediaException() {
        try (MediaEngine engine = MediaTestSupport.testEngine()) {
            Path missing = dir.resolve("missing.gif");
            assertThatThrownBy(() -> engine.render(
                            RenderRequest.builder(missing, dir.resolve("x.mp4")).build()))
                    .isExactlyInstanceOf(MediaException.class)
                    .hasMessageContaining("missing.gif");
        }
    }

    @Test
    void blockingRenderRethrowsTheTypedError() throws IOException {
        try (MediaEngine engine = MediaTestSupport.testEngine()) {
            Path pdf = Files.writeString(dir.resolve("doc.gif"), "%PDF-1.7 not a picture");
            assertThatThrownBy(() -> engine.render(
                            RenderRequest.builder(pdf, dir.resolve("x.mp4")).build()))
                    .isInstanceOf(MediaRejectedException.class)
                    .isNotInstanceOf(CompletionException.class);
        }
    }

    @Test
    void probeReadsFramesDurationAndTransparency() throws Exception {
        try (MediaEngine engine = MediaTestSupport.testEngine()) {
            Path banana = corpusFile("transparent/kingfisher-dancing-banana.gif");
            MediaInfo info = engine.probe(banana);
            assertThat(info.container()).isEqualTo("gif");
            assertThat(info.codec()).isEqualTo("gif");
            assertThat(info.width()).isEqualTo(365);
            assertThat(info.height()).isEqualTo(360);
            assertThat(info.frames()).isEqualTo(8);
            assertThat(info.duration()).isEqualTo(Duration.ofMillis(GifTiming.durationMillis(banana)));
            assertThat(info.transparent()).isTrue();
            assertThat(info.hasAudio()).isFalse();
            assertThat(info.bytes()).isEqualTo(banana.toFile().length());
        }
    }

    @Test
    void theDefaultPresetRendersToo() {
        try (MediaEngine engine = MediaEngine.create()) {
            RenderReport r = engine.render(
                    RenderRequest.builder(corpusFile("cartoon/pillow-iss634.gif"), dir.resolve("medium.mp4"))
                            .build());
            assertThat(r.frames()).isEqualTo(42);
            assertThat(r.finalCrf()).hasValue(23);
            assertThat(r.ssim()).isPresent();
            assertThat(r.ssim().getAsDouble()).isGreaterThan(0.95);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }
}
