package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.error.AgentErrorException;
import dev.nemo.sdk.error.SessionNotFoundException;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.upload.MediaSource;
import dev.nemo.sdk.workflow.BatchEdit;
import dev.nemo.sdk.workflow.BatchResult;
import dev.nemo.sdk.workflow.Conversation;
import dev.nemo.sdk.workflow.QuickEdit;
import dev.nemo.sdk.workflow.QuickEditResult;
import dev.nemo.sdk.workflow.WorkflowListener;
import dev.nemo.sdk.workflow.WorkflowPhase;
import dev.nemo.sdk.workflow.WorkflowProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code client.workflows()} end to end against the emulator, in virtual time. */
class WorkflowsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final VirtualTime time = VirtualTime.create();

    @TempDir
    Path dir;

    private NemoEmulator emulator;
    private NemoClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private void start(EmulatorOptions.Builder options) {
        emulator = NemoEmulator.start(options.clock(time).build());
        client = emulator.clientBuilder(dir).clientId("workflow-client").build();
    }

    private Path gif(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, TestMedia.gif(64, 48, 20, 20, 20));
        return file;
    }

    private static class Recorder implements WorkflowListener {
        final List<WorkflowProgress> progress = new ArrayList<>();
        final List<String> renders = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<ChatResult> ended = new ArrayList<>();

        @Override
        public void onProgress(WorkflowProgress p) {
            progress.add(p);
        }

        @Override
        public void onRenderSubmitted(ExportJob job) {
            renders.add(job.renderId());
        }

        @Override
        public void onNote(String note) {
            notes.add(note);
        }

        @Override
        public void onChatEnded(ChatResult soFar) {
            ended.add(soFar);
        }
    }

    @Test
    void quickEditExportsTheChangeOnceTheLaggingStateShowsIt() throws IOException {
        start(EmulatorOptions.builder().silentEdits(SilentEdits.ALWAYS).stateLag(Duration.ofSeconds(6)));
        Recorder rec = new Recorder();

        QuickEditResult r = client.workflows()
                .quickEdit(QuickEdit.builder(gif("cat.gif"), "add a title 'Urban Dreams'", dir.resolve("cat.mp4"))
                        .listener(rec)
                        .build());

        assertThat(r.changed()).isTrue();
        assertThat(r.notes()).isEmpty();
        assertThat(Files.size(r.download().path())).isPositive();
        JsonNode submitted =
                JSON.readTree(emulator.requests(Endpoint.RENDER_SUBMIT).get(0).bodyText());
        assertThat(submitted.path("draft").toString()).contains("Urban Dreams");
        assertThat(rec.renders).containsExactly(r.job().renderId());
        assertThat(rec.ended).hasSize(1);
        assertThat(rec.progress)
                .extracting(WorkflowProgress::phase)
                .contains(
                        WorkflowPhase.SESSION,
                        WorkflowPhase.UPLOAD,
                        WorkflowPhase.CHAT,
                        WorkflowPhase.SETTLE,
                        WorkflowPhase.EXPORT,
                        WorkflowPhase.DOWNLOAD,
                        WorkflowPhase.DONE);
        assertThat(rec.progress)
                .extracting(p -> p.percent().orElse(-1))
                .filteredOn(p -> p >= 0)
                .isSorted();
        assertThat(emulator.requests(Endpoint.RUN_SSE)).hasSize(1);
        assertThat(emulator.requests(Endpoint.RENDER_SUBMIT)).hasSize(1);
    }

    @Test
    void quickEditSaysSoWhenTheChangeNeverShowsAndExportsWhatIsThere() throws IOException {
        start(EmulatorOptions.builder().silentEdits(SilentEdits.ALWAYS).stateLag(Duration.ofMinutes(5)));
        Recorder rec = new Recorder();

        QuickEditResult r = client.workflows()
                .quickEdit(QuickEdit.builder(gif("cat.gif"), "add a title 'Urban Dreams'", dir.resolve("cat.mp4"))
                        .listener(rec)
                        .build());

        assertThat(r.changed()).isFalse();
        assertThat(r.notes()).singleElement().asString().contains("no visible change");
        assertThat(rec.notes).isEqualTo(r.notes());
        JsonNode submitted =
                JSON.readTree(emulator.requests(Endpoint.RENDER_SUBMIT).get(0).bodyText());
        assertThat(submitted.path("draft").toString()).doesNotContain("Urban Dreams");
    }

    @Test
    void aSessionGoneBeforeTheMessageIsReplacedAndTheMediaUploadedAgain() throws IOException {
        start(EmulatorOptions.builder().silentEdits(SilentEdits.NEVER));
        emulator.faults().on(Endpoint.UPLOAD).once().errorCode(1002);

        QuickEditResult r = client.workflows()
                .quickEdit(QuickEdit.builder(gif("cat.gif"), "compress this GIF to under 500KB", dir.resolve("cat.mp4"))
                        .build());

        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("1002"));
        assertThat(emulator.requests(Endpoint.CREATE_SESSION)).hasSize(2);
        assertThat(emulator.requests(Endpoint.UPLOAD)).hasSize(2);
        assertThat(emulator.requests(Endpoint.RUN_SSE)).hasSize(1);
        assertThat(r.sessionId()).isEqualTo(emulator.sessions().get(1).sessionId());
    }

    @Test
    void aSessionGoneWhenTheMessageIsSentIsNeverRetried() throws IOException {
        start(EmulatorOptions.builder().silentEdits(SilentEdits.NEVER));
        emulator.faults().on(Endpoint.RUN_SSE).once().errorCode(1002);

        assertThatThrownBy(() -> client.workflows()
                        .quickEdit(QuickEdit.builder(gif("cat.gif"), "compress this GIF", dir.resolve("cat.mp4"))
                                .build()))
                .isInstanceOf(SessionNotFoundException.class);

        assertThat(emulator.requests(Endpoint.RUN_SSE)).hasSize(1);
        assertThat(emulator.requests(Endpoint.CREATE_SESSION)).hasSize(1);
        assertThat(emulator.requests(Endpoint.RENDER_SUBMIT)).isEmpty();
    }

    @Test
    void anAgentErrorStopsBeforeTheExport() throws IOException {
        start(EmulatorOptions.builder().silentEdits(SilentEdits.NEVER));
        emulator.faults().on(Endpoint.RUN_SSE).once().modelError("SAFETY", "the request was blocked");

        assertThatThrownBy(() -> client.workflows()
                        .quickEdit(QuickEdit.builder(gif("cat.gif"), "compress this GIF", dir.resolve("cat.mp4"))
                                .build()))
                .isInstanceOf(AgentErrorException.class)
                .hasMessageContaining("the request was blocked");

        assertThat(emulator.requests(Endpoint.RENDER_SUBMIT)).isEmpty();
    }

    @Test
    void theSessionLanguageFollowsTheInstruction() throws IOException {
        start(EmulatorOptions.builder().silentEdits(SilentEdits.NEVER));

        client.workflows()
                .quickEdit(QuickEdit.builder(gif("cat.gif"), "把这个GIF压缩到500KB以下", dir.resolve("cat.mp4"))
                        .build());

        assertThat(emulator.sessions())
                .singleElement()
                .extracting(EmulatorSession::language)
                .isEqualTo("zh");
    }

    @Test
    void batchRendersEachFileWithItsOwnInstructionAndKeepsGoingAfterAFailure() throws IOException {
        start(EmulatorOptions.builder().silentEdits(SilentEdits.NEVER));
        emulator.faults().on(Endpoint.RUN_SSE).once().modelError("SAFETY", "blocked");
        Path out = Files.createDirectory(dir.resolve("out"));

        BatchResult r = client.workflows()
                .batch(BatchEdit.builder()
                        .item(gif("a.gif"), "add a title 'A'", out)
                        .item(gif("b.gif"), "add a title 'B'", out)
                        .item(gif("c.gif"), "add a title 'C'", out.resolve("c.gif"))
                        .build());

        assertThat(r.items()).extracting(BatchResult.ItemResult::succeeded).containsExactly(false, true, true);
        assertThat(r.items().get(0).failure()).get().isInstanceOf(AgentErrorException.class);
        // a directory output gets a file named after the input, with the extension the render produced
        assertThat(r.items().get(1).download())
                .get()
                .extracting(
                        d -> d.path().getParent().toString(),
                        d -> d.path().getFileName().toString().startsWith("b."))
                .containsExactly(out.toString(), true);
        assertThat(r.items().get(2).download())
                .get()
                .extracting(DownloadResult::path)
                .isEqualTo(out.resolve("c.gif"));
        assertThat(emulator.requests(Endpoint.CREATE_SESSION)).hasSize(1);
        assertThat(emulator.requests(Endpoint.RUN_SSE)).hasSize(3);
        assertThat(emulator.requests(Endpoint.RENDER_SUBMIT)).hasSize(2);
        JsonNode c =
                JSON.readTree(emulator.requests(Endpoint.RENDER_SUBMIT).get(1).bodyText());
        assertThat(c.path("output").path("format").asText()).isEqualTo("gif");
    }

    @Test
    void batchCanStopAtTheFirstFailure() throws IOException {
        start(EmulatorOptions.builder().silentEdits(SilentEdits.NEVER));
        emulator.faults().on(Endpoint.RUN_SSE).once().modelError("SAFETY", "blocked");

        BatchResult r = client.workflows()
                .batch(BatchEdit.builder()
                        .item(gif("a.gif"), "add a title 'A'", dir)
                        .item(gif("b.gif"), "add a title 'B'", dir)
                        .stopOnFailure(true)
                        .build());

        assertThat(r.succeeded()).isZero();
        assertThat(r.items().get(1).failure()).isEmpty();
        assertThat(emulator.requests(Endpoint.RUN_SSE)).hasSize(1);
    }

    @Test
    void aConversationKeepsTheSessionAndItsSettledStateAcrossInstructions() throws IOException {
        start(EmulatorOptions.builder().silentEdits(SilentEdits.ALWAYS).stateLag(Duration.ofSeconds(3)));

        Conversation c = client.workflows()
                .startConversation(
                        List.of(MediaSource.of(gif("cat.gif"))),
                        "add a title",
                        dev.nemo.sdk.chat.ChatOptions.defaults(),
                        WorkflowListener.none());
        ChatResult first = c.say("add a title 'One'");
        ChatResult second = c.say("add a title 'Two'");
        DownloadResult file = c.export(dir.resolve("out.mp4"), ExportOptions.defaults());

        assertThat(first.stateChange())
                .get()
                .satisfies(d -> assertThat(d.isEmpty()).isFalse());
        assertThat(second.stateChange())
                .get()
                .satisfies(d -> assertThat(d.isEmpty()).isFalse());
        assertThat(c.state().draft().orElseThrow().summary()).contains("Two");
        assertThat(Files.exists(file.path())).isTrue();
        assertThat(emulator.requests(Endpoint.CREATE_SESSION)).hasSize(1);
    }

    @Test
    void aConversationsAnswerInWordsReadsNoStateAndItsRefreshSeesMediaUploadedBeside() throws IOException {
        start(EmulatorOptions.builder());
        String sid = client.sessions().create().sessionId();
        List<String> said = new ArrayList<>();
        Recorder recorder = new Recorder() {
            @Override
            public void onInstruction(String sessionId, String instruction) {
                said.add(sessionId + ": " + instruction);
            }
        };
        Conversation c = client.workflows()
                .resumeConversationAsync(sid, dev.nemo.sdk.chat.ChatOptions.defaults(), recorder)
                .join();
        int reads = emulator.requests(Endpoint.STATE).size();

        ChatResult answer = c.say("what can you do?");

        assertThat(answer.text()).contains("compress");
        assertThat(answer.stateChange())
                .get()
                .satisfies(d -> assertThat(d.isEmpty()).isTrue());
        assertThat(emulator.requests(Endpoint.STATE))
                .as("no tool call: nothing to settle")
                .hasSize(reads);
        assertThat(recorder.notes).isEmpty();
        assertThat(said).containsExactly(sid + ": what can you do?");

        client.uploads().upload(sid, gif("late.gif"));
        assertThat(c.state().videoInfos()).isEmpty();
        assertThat(c.refresh().videoInfos()).hasSize(1);
        assertThat(c.state().videoInfos()).hasSize(1);
        ChatResult edit = c.say("add a title 'After Upload'");
        assertThat(edit.stateChange())
                .get()
                .satisfies(d -> assertThat(d.isEmpty()).isFalse());
        assertThat(emulator.requests(Endpoint.CREATE_SESSION)).hasSize(1);
    }

    @Test
    void aRenderIdHandedOutCanBeFinishedByAnotherClient() throws IOException {
        start(EmulatorOptions.builder().silentEdits(SilentEdits.NEVER));
        List<String> ids = new ArrayList<>();
        var cancelled = client.workflows()
                .quickEditAsync(QuickEdit.builder(gif("cat.gif"), "compress this GIF", dir.resolve("first.mp4"))
                        .listener(new WorkflowListener() {
                            @Override
                            public void onRenderSubmitted(ExportJob job) {
                                ids.add(job.renderId());
                            }
                        })
                        .build());
        cancelled.join();

        try (NemoClient other =
                emulator.clientBuilder(dir).clientId("workflow-client").build()) {
            DownloadResult again = other.workflows()
                    .resumeExport(
                            ids.get(0), dir.resolve("again.mp4"), ExportOptions.defaults(), WorkflowListener.none());
            assertThat(again.bytes()).isPositive();
        }
        assertThat(emulator.requests(Endpoint.RENDER_SUBMIT)).hasSize(1);
    }
}
