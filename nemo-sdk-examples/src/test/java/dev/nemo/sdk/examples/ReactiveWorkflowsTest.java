package dev.nemo.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.reactive.ReactiveNemoClient;
import dev.nemo.sdk.reactive.WorkflowSignal;
import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.Endpoint;
import dev.nemo.sdk.testkit.NemoEmulator;
import dev.nemo.sdk.testkit.RenderPacing;
import dev.nemo.sdk.testkit.SilentEdits;
import dev.nemo.sdk.workflow.QuickEdit;
import dev.nemo.sdk.workflow.QuickEditResult;
import dev.nemo.sdk.workflow.WorkflowPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reactive module's workflows run the core implementation: progress as a Flux, then the result. */
class ReactiveWorkflowsTest {
    @TempDir
    Path dir;

    private NemoEmulator emulator;
    private NemoClient client;
    private ReactiveNemoClient reactive;

    @BeforeEach
    void start() {
        emulator = NemoEmulator.start(EmulatorOptions.builder()
                .silentEdits(SilentEdits.ALWAYS)
                .stateLag(Duration.ofMillis(300))
                .renderPacing(RenderPacing.afterPolls(1))
                .build());
        client = emulator.clientBuilder(dir).clientId("reactive-workflow").build();
        reactive = ReactiveNemoClient.create(client);
    }

    @AfterEach
    void stop() {
        reactive.close();
        client.close();
        emulator.close();
    }

    @Test
    void quickEditEmitsProgressThenTheResultOnce() throws Exception {
        Path gif = Files.write(dir.resolve("cat.gif"), TestMedia.gif(32, 32, 3));
        QuickEdit edit = QuickEdit.builder(gif, "add a title 'Reactive'", dir.resolve("cat.mp4"))
                .build();

        List<WorkflowSignal<QuickEditResult>> signals =
                reactive.workflows().quickEditWithProgress(edit).collectList().block(Duration.ofMinutes(2));

        assertThat(signals).isNotNull();
        assertThat(signals.get(signals.size() - 1))
                .isInstanceOfSatisfying(
                        WorkflowSignal.Done.class,
                        d -> assertThat(((QuickEditResult) d.result()).changed())
                                .isTrue());
        assertThat(signals.subList(0, signals.size() - 1))
                .allMatch(s -> s instanceof WorkflowSignal.Progress)
                .anySatisfy(s -> assertThat(
                                ((WorkflowSignal.Progress<?>) s).progress().phase())
                        .isEqualTo(WorkflowPhase.SETTLE));
        assertThat(emulator.requests(Endpoint.RUN_SSE)).hasSize(1);
        assertThat(emulator.requests(Endpoint.RENDER_SUBMIT)).hasSize(1);
    }

    @Test
    void nothingIsSentBeforeSubscription() throws Exception {
        Path gif = Files.write(dir.resolve("cat.gif"), TestMedia.gif(32, 32, 3));

        var mono = reactive.workflows()
                .quickEdit(QuickEdit.builder(gif, "add a title 'Lazy'", dir.resolve("cat.mp4"))
                        .build());

        assertThat(emulator.requests(Endpoint.CREATE_SESSION)).isEmpty();
        assertThat(mono.block(Duration.ofMinutes(2)).changed()).isTrue();
        assertThat(emulator.requests(Endpoint.CREATE_SESSION)).hasSize(1);
    }
}
