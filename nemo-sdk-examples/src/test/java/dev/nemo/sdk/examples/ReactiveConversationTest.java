package dev.nemo.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.reactive.ReactiveConversation;
import dev.nemo.sdk.reactive.ReactiveNemoClient;
import dev.nemo.sdk.reactive.WorkflowSignal;
import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.Endpoint;
import dev.nemo.sdk.testkit.NemoEmulator;
import dev.nemo.sdk.testkit.RenderPacing;
import dev.nemo.sdk.testkit.SilentEdits;
import dev.nemo.sdk.upload.MediaSource;
import dev.nemo.sdk.workflow.WorkflowListener;
import dev.nemo.sdk.workflow.WorkflowPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The reactive conversation over core's: each instruction a {@code Mono}, the export a {@code Flux}
 * of progress, every wait (the state checks after a silent edit, the render polls) on Reactor's
 * virtual time, which is also the emulator's clock, so its state lag passes only when the test
 * advances time.
 */
class ReactiveConversationTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final VirtualTimeScheduler vts = VirtualTimeScheduler.getOrSet();
    private NemoEmulator emulator;
    private NemoClient client;
    private ReactiveNemoClient reactive;
    private final List<String> notes = new ArrayList<>();

    private ReactiveConversation start(Duration stateLag) throws Exception {
        emulator = NemoEmulator.start(EmulatorOptions.builder()
                .clock(new SchedulerClock(vts))
                .silentEdits(SilentEdits.ALWAYS)
                .stateLag(stateLag)
                .renderPacing(RenderPacing.afterPolls(1))
                .build());
        client = emulator.clientBuilder(dir).clientId("reactive-conversation").build();
        reactive = ReactiveNemoClient.create(client);
        Path gif = Files.write(dir.resolve("cat.gif"), TestMedia.gif(32, 32, 3));
        WorkflowListener listener = new WorkflowListener() {
            @Override
            public void onNote(String note) {
                notes.add(note);
            }
        };
        return reactive.workflows()
                .startConversation(List.of(MediaSource.of(gif)), "add a title", ChatOptions.defaults(), listener)
                .block(HANG_GUARD);
    }

    @AfterEach
    void stop() {
        if (reactive != null) {
            reactive.close();
            client.close();
            emulator.close();
        }
        VirtualTimeScheduler.reset();
    }

    @Test
    void anInstructionWaitsInVirtualTimeForTheLateChangeAndTheExportFollowsItsRender() throws Exception {
        ReactiveConversation conversation = start(Duration.ofSeconds(5));
        AtomicBoolean done = new AtomicBoolean();

        StepVerifier.withVirtualTime(
                        () -> conversation.send("add a title 'Later'").doOnTerminate(() -> done.set(true)),
                        () -> vts,
                        Long.MAX_VALUE)
                .expectSubscription()
                .then(() -> advanceEachWait(Duration.ofSeconds(2), done))
                .assertNext(r -> assertThat(r.stateChange())
                        .get()
                        .satisfies(d -> assertThat(d.isEmpty()).isFalse()))
                .expectComplete()
                .verify(HANG_GUARD);

        assertThat(conversation.state().draft().orElseThrow().toJson().toJson()).contains("Later");
        assertThat(emulator.requests(Endpoint.RUN_SSE)).hasSize(1);
        assertThat(emulator.requests(Endpoint.STATE).size())
                .as("the start's read, then reads at 0, 2, 4 and 6 s")
                .isEqualTo(5);
        assertThat(notes).isEmpty();

        AtomicBoolean exported = new AtomicBoolean();
        List<WorkflowSignal<DownloadResult>> signals = new ArrayList<>();
        StepVerifier.withVirtualTime(
                        () -> conversation
                                .exportWithProgress(dir.resolve("cat.mp4"), ExportOptions.defaults())
                                .doOnTerminate(() -> exported.set(true)),
                        () -> vts,
                        Long.MAX_VALUE)
                .expectSubscription()
                .then(() -> advanceEachWait(Duration.ofSeconds(30), exported))
                .recordWith(() -> signals)
                .thenConsumeWhile(s -> true)
                .expectComplete()
                .verify(HANG_GUARD);

        assertThat(signals.get(signals.size() - 1))
                .isInstanceOfSatisfying(
                        WorkflowSignal.Done.class,
                        d -> assertThat(((DownloadResult) d.result()).path()).exists());
        assertThat(signals)
                .filteredOn(s -> s instanceof WorkflowSignal.Progress)
                .anySatisfy(s -> assertThat(
                                ((WorkflowSignal.Progress<?>) s).progress().phase())
                        .isEqualTo(WorkflowPhase.EXPORT));
        assertThat(emulator.requests(Endpoint.RENDER_SUBMIT))
                .singleElement()
                .satisfies(q -> assertThat(q.bodyText()).contains("Later"));
        assertThat(emulator.requests(Endpoint.RUN_SSE))
                .as("the export sent no message")
                .hasSize(1);
    }

    @Test
    void aChangeLaterThanTheWholeScheduleIsNothingChangedAfterElevenReadsAndIsNeverSentAgain() throws Exception {
        ReactiveConversation conversation = start(Duration.ofSeconds(60));
        AtomicBoolean done = new AtomicBoolean();

        StepVerifier.withVirtualTime(
                        () -> conversation.send("add a title 'Too Late'").doOnTerminate(() -> done.set(true)),
                        () -> vts,
                        Long.MAX_VALUE)
                .expectSubscription()
                .then(() -> advanceEachWait(Duration.ofSeconds(2), done))
                .assertNext(r -> assertThat(r.stateChange())
                        .get()
                        .satisfies(d -> assertThat(d.isEmpty()).isTrue()))
                .expectComplete()
                .verify(HANG_GUARD);

        assertThat(emulator.requests(Endpoint.RUN_SSE)).hasSize(1);
        assertThat(emulator.requests(Endpoint.STATE).size())
                .as("the start's read, then eleven")
                .isEqualTo(12);
        assertThat(notes)
                .singleElement()
                .asString()
                .contains("no visible change")
                .endsWith("the conversation keeps the state as it was");
    }

    @Test
    void nothingIsSentBeforeSubscription() throws Exception {
        ReactiveConversation conversation = start(Duration.ZERO);

        Mono<ChatResult> send = conversation.send("add a title 'Lazy'");

        assertThat(emulator.requests(Endpoint.RUN_SSE)).isEmpty();
        assertThat(send.block(HANG_GUARD)).isNotNull();
        assertThat(emulator.requests(Endpoint.RUN_SSE)).hasSize(1);
    }

    /**
     * Advances virtual time by {@code step} each time the conversation waits on the scheduler (the
     * waits are scheduled from HTTP threads), until the step under test has ended.
     */
    private void advanceEachWait(Duration step, AtomicBoolean done) {
        long guard = System.nanoTime() + HANG_GUARD.toNanos();
        long seen = vts.getScheduledTaskCount(); // counts every task ever scheduled
        while (!done.get()) {
            long scheduled = vts.getScheduledTaskCount();
            if (scheduled > seen) {
                seen = scheduled;
                vts.advanceTimeBy(step);
            } else {
                LockSupport.parkNanos(1_000_000);
            }
            if (System.nanoTime() > guard) {
                throw new AssertionError("the step neither ended nor waited on the scheduler");
            }
        }
    }

    /** The emulator's clock: virtual time, so a state lag passes only when the test advances it. */
    private static final class SchedulerClock extends Clock {
        private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
        private final VirtualTimeScheduler vts;

        SchedulerClock(VirtualTimeScheduler vts) {
            this.vts = vts;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return START.plusMillis(vts.now(TimeUnit.MILLISECONDS));
        }
    }
}
