package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatListener;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.testing.SdkLog;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.upload.MediaSource;
import dev.nemo.sdk.upload.UploadOptions;
import dev.nemo.sdk.upload.UploadResult;
import dev.nemo.sdk.workflow.QuickEdit;
import dev.nemo.sdk.workflow.QuickEditResult;
import dev.nemo.sdk.workflow.WorkflowListener;
import dev.nemo.sdk.workflow.WorkflowProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listener that throws is logged at WARN and never swallowed silently (issue 15), one test per
 * listener kind: upload progress, export progress and workflow listeners are logged and the work
 * goes on; a chat listener is logged and its exception fails the call, as {@code ChatListener} says.
 */
class ListenerFailuresTest {
    private final VirtualTime time = VirtualTime.create();

    @TempDir
    Path dir;

    private NemoEmulator emulator;
    private NemoClient client;
    private String sid;

    @BeforeEach
    void start() {
        emulator = NemoEmulator.start(EmulatorOptions.builder()
                .clock(time)
                .silentEdits(SilentEdits.NEVER)
                .build());
        client = emulator.clientBuilder(dir).clientId("listener-client").build();
        sid = client.sessions().create().sessionId();
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void aFailingUploadProgressListenerIsLoggedAndTheUploadGoesOn() throws Exception {
        AtomicReference<UploadResult> result = new AtomicReference<>();
        String log = SdkLog.during(() -> result.set(client.uploads()
                .upload(
                        sid,
                        List.of(MediaSource.of(gif("a.gif"))),
                        UploadOptions.builder()
                                .onProgress((sent, total) -> {
                                    throw new IllegalStateException("upload listener bug 7f3a");
                                })
                                .build())));

        assertThat(result.get().files()).hasSize(1);
        assertThat(warnings(log)).anySatisfy(l -> assertThat(l).contains("upload progress listener failed"));
        assertThat(log).contains("upload listener bug 7f3a");
    }

    @Test
    void aFailingExportProgressListenerIsLoggedAndTheExportGoesOn() throws Exception {
        client.uploads().upload(sid, gif("b.gif"));
        AtomicReference<ExportJob> done = new AtomicReference<>();
        String log = SdkLog.during(() -> done.set(client.exports()
                .submit(
                        sid,
                        client.state().get(sid).draft().orElseThrow(),
                        ExportOptions.builder()
                                .onProgress(j -> {
                                    throw new IllegalStateException("export listener bug 91c0");
                                })
                                .build())
                .waitForCompletion()));

        assertThat(done.get().isCompleted()).isTrue();
        assertThat(warnings(log)).anySatisfy(l -> assertThat(l).contains("export progress listener failed"));
        assertThat(log).contains("export listener bug 91c0");
    }

    @Test
    void aFailingChatListenerIsLoggedAndFailsTheCallWithItsException() throws Exception {
        client.uploads().upload(sid, gif("c.gif"));
        String log = SdkLog.during(() -> assertThatThrownBy(() -> client.chat()
                        .send(sid, "add a title 'Hello'", ChatOptions.defaults(), new ChatListener() {
                            @Override
                            public void onEvent(ChatEvent event) {
                                throw new IllegalStateException("chat listener bug 5d21");
                            }
                        }))
                .hasMessageContaining("chat listener bug 5d21"));

        assertThat(warnings(log)).anySatisfy(l -> assertThat(l).contains("chat listener threw from onEvent"));
        assertThat(log).contains("chat listener bug 5d21");
    }

    @Test
    void aFailingWorkflowListenerIsLoggedAndTheWorkflowGoesOn() throws Exception {
        AtomicReference<QuickEditResult> result = new AtomicReference<>();
        String log = SdkLog.during(() -> result.set(client.workflows()
                .quickEdit(QuickEdit.builder(gif("d.gif"), "add a title 'Hello'", dir.resolve("d.mp4"))
                        .listener(new WorkflowListener() {
                            @Override
                            public void onProgress(WorkflowProgress progress) {
                                throw new IllegalStateException("workflow listener bug 0b9e");
                            }
                        })
                        .build())));

        assertThat(Files.size(result.get().download().path())).isPositive();
        assertThat(warnings(log)).anySatisfy(l -> assertThat(l).contains("workflow listener failed"));
        assertThat(log).contains("workflow listener bug 0b9e");
    }

    private Path gif(String name) throws IOException {
        return Files.write(dir.resolve(name), TestMedia.gif(64, 48, 20, 20, 20));
    }

    /** @return the WARN lines (slf4j-simple writes the level after the thread name) */
    static List<String> warnings(String log) {
        return log.lines().filter(l -> l.contains(" WARN ")).toList();
    }
}
