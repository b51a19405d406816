package dev.nemo.sdk.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatListener;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.testing.SdkLog;
import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.NemoEmulator;
import dev.nemo.sdk.testkit.SilentEdits;
import dev.nemo.sdk.upload.MediaSource;
import dev.nemo.sdk.upload.UploadOptions;
import dev.nemo.sdk.workflow.QuickEdit;
import dev.nemo.sdk.workflow.QuickEditResult;
import dev.nemo.sdk.workflow.WorkflowListener;
import dev.nemo.sdk.workflow.WorkflowProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reactive forms of the listener rule (issue 15): a listener that throws is logged at WARN and
 * never swallowed silently; upload progress and workflow listeners do not stop the work (and the
 * workflow's Flux still emits every progress signal), a chat listener fails the Mono with its
 * exception. Export progress is covered by {@code ExportTest}. Against the emulator; the export
 * polls every 10 ms of real time, because the reactive client waits on Reactor's timer.
 */
class ListenerFailuresTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private NemoEmulator emulator;
    private NemoClient core;
    private ReactiveNemoClient reactive;
    private String sid;

    @BeforeEach
    void start() {
        emulator = NemoEmulator.start(
                EmulatorOptions.builder().silentEdits(SilentEdits.NEVER).build());
        core = emulator.clientBuilder(dir).clientId("reactive-listener").build();
        reactive = ReactiveNemoClient.create(core);
        sid = core.sessions().create().sessionId();
    }

    @AfterEach
    void stop() {
        core.close();
        emulator.close();
    }

    @Test
    void aFailingUploadProgressListenerIsLoggedAndTheUploadGoesOn() throws Exception {
        AtomicReference<Integer> files = new AtomicReference<>();
        String log = SdkLog.during(() -> files.set(reactive.uploads()
                .upload(
                        sid,
                        List.of(MediaSource.of(gif("a.gif"))),
                        UploadOptions.builder()
                                .onProgress((sent, total) -> {
                                    throw new IllegalStateException("reactive upload listener bug 3e1f");
                                })
                                .build())
                .block(HANG_GUARD)
                .files()
                .size()));

        assertThat(files.get()).isEqualTo(1);
        assertThat(warnings(log)).anySatisfy(l -> assertThat(l).contains("upload progress listener failed"));
        assertThat(log).contains("reactive upload listener bug 3e1f");
    }

    @Test
    void aFailingChatListenerIsLoggedAndFailsTheMonoWithItsException() throws Exception {
        core.uploads().upload(sid, gif("c.gif"));
        AtomicReference<Throwable> error = new AtomicReference<>();
        String log = SdkLog.during(() -> reactive.chat()
                .send(sid, "add a title 'Hello'", ChatOptions.defaults(), new ChatListener() {
                    @Override
                    public void onEvent(ChatEvent event) {
                        throw new IllegalStateException("reactive chat listener bug 77aa");
                    }
                })
                .doOnError(error::set)
                .onErrorComplete()
                .block(HANG_GUARD));

        assertThat(error.get()).hasMessageContaining("reactive chat listener bug 77aa");
        assertThat(warnings(log)).anySatisfy(l -> assertThat(l).contains("chat listener threw from onEvent"));
    }

    @Test
    void aFailingWorkflowListenerIsLoggedAndTheFluxStillEmitsEveryProgressSignal() throws Exception {
        AtomicReference<List<WorkflowSignal<QuickEditResult>>> signals = new AtomicReference<>();
        QuickEdit edit = QuickEdit.builder(gif("d.gif"), "add a title 'Hello'", dir.resolve("d.mp4"))
                .exportOptions(ExportOptions.builder()
                        .polling(PollingStrategy.builder()
                                .interval(Duration.ofMillis(10))
                                .build())
                        .build())
                .listener(new WorkflowListener() {
                    @Override
                    public void onProgress(WorkflowProgress progress) {
                        throw new IllegalStateException("reactive workflow listener bug c4d2");
                    }
                })
                .build();

        String log = SdkLog.during(() -> signals.set(
                reactive.workflows().quickEditWithProgress(edit).collectList().block(HANG_GUARD)));

        List<WorkflowSignal<QuickEditResult>> all = signals.get();
        assertThat(all.get(all.size() - 1)).isInstanceOf(WorkflowSignal.Done.class);
        assertThat(all).filteredOn(s -> s instanceof WorkflowSignal.Progress).hasSizeGreaterThan(3);
        assertThat(warnings(log)).anySatisfy(l -> assertThat(l).contains("workflow listener failed"));
        assertThat(log).contains("reactive workflow listener bug c4d2");
    }

    private Path gif(String name) throws IOException {
        byte[] gif = {
            'G',
            'I',
            'F',
            '8',
            '9',
            'a',
            64,
            0,
            48,
            0,
            0,
            0,
            0,
            0x21,
            (byte) 0xF9,
            4,
            0,
            20,
            0,
            0,
            0,
            0x2C,
            0,
            0,
            0,
            0,
            64,
            0,
            48,
            0,
            0,
            2,
            2,
            0x44,
            1,
            0,
            0x3B
        };
        return Files.write(dir.resolve(name), gif);
    }

    private static List<String> warnings(String log) {
        return log.lines().filter(l -> l.contains(" WARN ")).toList();
    }
}
