package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.error.ExportNotAllowedException;
import dev.nemo.sdk.error.InsufficientCreditsException;
import dev.nemo.sdk.error.SessionNotFoundException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.error.UnsupportedFileTypeException;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportStatus;
import dev.nemo.sdk.json.JsonValue;
import dev.nemo.sdk.session.Session;
import dev.nemo.sdk.state.SessionState;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.testkit.internal.JsonBridge;
import dev.nemo.sdk.upload.UploadResult;
import dev.nemo.sdk.upload.UploadedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's uploads, state, chat and exports end to end against the emulator: the seed's quick-edit
 * workflow, and the recovery paths of chat and export under injected faults.
 */
class SdkWorkflowTest {
    private final VirtualTime time = VirtualTime.create();

    @TempDir
    Path dir;

    private NemoEmulator emulator;
    private NemoClient client;
    private byte[] gif;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private String sessionWithGif(EmulatorOptions.Builder options) throws IOException {
        emulator = NemoEmulator.start(
                options.clock(time).tokenTag(TestTokens.MARKER).build());
        client = emulator.clientBuilder(dir).clientId("workflow-client").build();
        Session session = client.sessions().create();
        gif = TestMedia.gif(640, 360, 20, 20, 20, 20, 20);
        Path file = dir.resolve("cat.gif");
        Files.write(file, gif);
        UploadResult upload = client.uploads().upload(session.sessionId(), file);
        UploadedFile uploaded = upload.files().get(0);
        assertThat(uploaded.width()).hasValue(640);
        assertThat(uploaded.height()).hasValue(360);
        assertThat(uploaded.durationSeconds()).hasValue(1.0);
        assertThat(uploaded.url()).hasValueSatisfying(u -> assertThat(u).startsWith(emulator.cdnUrl()));
        return session.sessionId();
    }

    @Test
    void quickEditUploadChatExportDownload() throws IOException {
        String sid = sessionWithGif(EmulatorOptions.builder().silentEdits(SilentEdits.NEVER));

        ChatResult chat = client.chat().send(sid, "compress this GIF to under 500KB without losing too much quality");
        SessionState state = client.state().get(sid);
        Draft draft = state.draft().orElseThrow();
        ExportJob job = client.exports().submit(sid, draft).waitForCompletion();
        DownloadResult download = client.exports().download(job, dir.resolve("out.gif"));

        assertThat(chat.end()).isEqualTo(ChatEnd.COMPLETED_WITH_TEXT);
        assertThat(chat.text()).contains("500 KB");
        assertThat(chat.toolCalls()).hasSize(1);
        assertThat(state.hasAssets()).isTrue();
        assertThat(state.isExportable()).isTrue();
        assertThat(draft.summary()).isEqualTo("Timeline (1 track): 1. Video: cat.gif (0-1s)");
        assertThat(JsonBridge.toJackson(draft.metadata())
                        .path("target_size_bytes")
                        .asLong())
                .isEqualTo(512_000);
        assertThat(job.status()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(JsonBridge.toJackson(job.raw()).path("renderer").asText()).isEqualTo("passthrough");
        assertThat(Files.readAllBytes(download.path())).isEqualTo(gif);
        assertThat(download.usedFallback()).isFalse();
        assertThat(emulator.cdnRequests())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.hasHeader("Authorization")).isFalse());
        assertThat(emulator.render(job.renderId()))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo("completed"));
        assertThat(client.credits().balance().available()).isEqualTo(90);
    }

    @Test
    void aSilentEditIsReportedFromTheStateDiff() throws IOException {
        String sid = sessionWithGif(EmulatorOptions.builder().silentEdits(SilentEdits.ALWAYS));

        ChatResult chat = client.chat().send(sid, "add a title 'Urban Dreams'");

        assertThat(chat.end()).isEqualTo(ChatEnd.COMPLETED_SILENTLY);
        assertThat(chat.hasText()).isFalse();
        assertThat(chat.stateChange())
                .hasValueSatisfying(d -> assertThat(d.describe()).contains("Urban Dreams"));
    }

    @Test
    void aCutStreamIsNotResentAndTheStateShowsTheEditHappened() throws IOException {
        String sid = sessionWithGif(EmulatorOptions.builder().silentEdits(SilentEdits.NEVER));
        emulator.faults().on(Endpoint.RUN_SSE).cutMidEvent(1);

        ChatResult chat = client.chat().send(sid, "add BGM");

        assertThat(chat.end()).isEqualTo(ChatEnd.TRANSPORT_CUT);
        assertThat(chat.failure()).hasValueSatisfying(e -> assertThat(e).isInstanceOf(TransportException.class));
        assertThat(emulator.requests(Endpoint.RUN_SSE))
                .as("a chat message is never re-sent")
                .hasSize(1);
        assertThat(chat.stateChange())
                .hasValueSatisfying(d -> assertThat(d.describe()).contains("Lo-fi"));
    }

    @Test
    void heartbeatsAndModelErrorsAreEventsNotFailures() throws IOException {
        String sid = sessionWithGif(EmulatorOptions.builder().silentEdits(SilentEdits.NEVER));
        emulator.faults().on(Endpoint.RUN_SSE).heartbeats(2, Duration.ofMillis(1), HeartbeatStyle.COMMENT);
        ChatResult withPings = client.chat().send(sid, "add BGM");
        emulator.faults().on(Endpoint.RUN_SSE).modelError("SAFETY", "blocked by safety");
        ChatResult blocked = client.chat().send(sid, "add BGM");

        assertThat(withPings.end()).isEqualTo(ChatEnd.COMPLETED_WITH_TEXT);
        assertThat(withPings.events())
                .filteredOn(e -> e instanceof ChatEvent.Heartbeat)
                .hasSize(2);
        assertThat(blocked.end()).isEqualTo(ChatEnd.ERROR_EVENT);
        assertThat(blocked.errors()).hasSize(1);
    }

    @Test
    void anExpiredTokenBeforeTheStreamIsRenewedAndTheMessageSentOnce() throws IOException {
        String sid = sessionWithGif(EmulatorOptions.builder().silentEdits(SilentEdits.NEVER));
        emulator.faults().on(Endpoint.RUN_SSE).expireToken();

        ChatResult chat = client.chat().send(sid, "add BGM");

        assertThat(chat.end()).isEqualTo(ChatEnd.COMPLETED_WITH_TEXT);
        assertThat(emulator.requests(Endpoint.RUN_SSE)).hasSize(2);
        assertThat(emulator.session(sid).orElseThrow().edits())
                .as("the refused attempt did nothing")
                .isEqualTo(1);
        assertThat(emulator.requests(Endpoint.ANONYMOUS_TOKEN))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.header("X-Client-Id")).hasValue("workflow-client"));
    }

    @Test
    void refusalsBeforeTheStreamAreTypedErrors() throws IOException {
        String sid = sessionWithGif(EmulatorOptions.builder());
        emulator.setCredits(
                emulator.accountForClient("workflow-client").orElseThrow().userId(), 0);

        assertThatThrownBy(() -> client.chat().send(sid, "add BGM")).isInstanceOf(InsufficientCreditsException.class);
        assertThatThrownBy(() -> client.chat().send("1234", "add BGM")).isInstanceOf(SessionNotFoundException.class);
        assertThat(client.chat().send(sid, "what can you do?").text())
                .as("answers cost nothing")
                .contains("compress");
    }

    @Test
    void uploadsAreCheckedByContentOnTheServerToo() throws IOException {
        String sid = sessionWithGif(EmulatorOptions.builder());
        emulator.faults().on(Endpoint.UPLOAD).errorCode(4001);
        Path file = dir.resolve("again.gif");
        Files.write(file, gif);

        assertThatThrownBy(() -> client.uploads().upload(sid, file)).isInstanceOf(UnsupportedFileTypeException.class);
        assertThat(client.uploads()
                        .uploadUrls(
                                sid,
                                java.util.List.of(client.state()
                                        .get(sid)
                                        .videoInfos()
                                        .get(0)
                                        .get("url")
                                        .flatMap(JsonValue::asString)
                                        .orElseThrow()))
                        .files())
                .hasSize(1);
    }

    @Test
    void theDownloadFallsBackToTheAuthenticatedEndpointWhenTheCdnFails() throws IOException {
        String sid = sessionWithGif(EmulatorOptions.builder().renderPacing(RenderPacing.afterPolls(1)));
        emulator.faults().on(Endpoint.CDN).always().status(503);
        ExportJob job = client.exports()
                .submit(sid, client.state().get(sid).draft().orElseThrow())
                .waitForCompletion();

        DownloadResult download = client.exports().download(job, dir.resolve("out.bin"));

        assertThat(download.usedFallback()).isTrue();
        assertThat(Files.readAllBytes(download.path())).isEqualTo(gif);
        assertThat(emulator.requests(Endpoint.RENDER_DOWNLOAD))
                .singleElement()
                .satisfies(r -> assertThat(r.hasHeader("Authorization")).isTrue());
        assertThat(emulator.cdnRequests())
                .allSatisfy(r -> assertThat(r.hasHeader("Authorization")).isFalse());
    }

    @Test
    void exportRefusalsAndFailuresAreTyped() throws IOException {
        String sid = sessionWithGif(EmulatorOptions.builder().renderPacing(RenderPacing.afterPolls(1)));
        Draft draft = client.state().get(sid).draft().orElseThrow();
        emulator.faults().on(Endpoint.RENDER_SUBMIT).renderError(402, "Payment Required");

        assertThatThrownBy(() -> client.exports().submit(sid, draft)).isInstanceOf(ExportNotAllowedException.class);
        assertThat(emulator.renders()).isEmpty();

        ExportJob done = client.exports().submit(sid, draft).waitForCompletion();
        assertThat(done.outputUrl()).isPresent();
        assertThat(JsonBridge.toJackson(done.raw()).path("note").asText()).contains("passthrough");
    }
}
