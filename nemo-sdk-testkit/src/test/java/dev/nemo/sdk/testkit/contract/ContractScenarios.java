package dev.nemo.sdk.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.credits.Credits;
import dev.nemo.sdk.error.InsufficientCreditsException;
import dev.nemo.sdk.error.SessionNotFoundException;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportStatus;
import dev.nemo.sdk.json.JsonValue;
import dev.nemo.sdk.session.Session;
import dev.nemo.sdk.state.SessionState;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.upload.UploadResult;
import dev.nemo.sdk.upload.UploadedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scenario suite, two backends: WireMock stubs written from the API contract, and the
 * emulator. The SDK must see the same thing from both, so neither can drift from the contract
 * without a test failing.
 */
abstract class ContractScenarios {
    /** The file every scenario uploads: 640x360, five frames of 20 cs (1 s). */
    static final byte[] GIF = dev.nemo.sdk.testkit.TestMediaAccess.gif(640, 360, 20, 20, 20, 20, 20);

    static final String CLIENT_ID = "contract-client";

    final VirtualTime time = VirtualTime.create();

    @TempDir
    Path dir;

    NemoClient client;

    /** Starts the backend and returns a client builder aimed at it (anonymous, client id {@link #CLIENT_ID}). */
    abstract NemoClient.Builder start(Path configDir);

    abstract void stopBackend();

    /** @return a session that holds {@link #GIF} */
    abstract String sessionWithMedia() throws Exception;

    /** The account has no credits left from now on. */
    abstract void outOfCredits();

    /** @return whether any request to the CDN carried an Authorization header */
    abstract boolean cdnSawAuthorization();

    @BeforeEach
    void open() {
        client = start(dir).clock(time).sleeper(time).build();
    }

    @AfterEach
    void close() {
        client.close();
        stopBackend();
    }

    @Test
    void anonymousTokenThenCredits() {
        assertThat(client.credits().balance()).isEqualTo(new Credits(100, 0, 100));
    }

    @Test
    void createSession() {
        Session session = client.sessions().create();

        assertThat(session.sessionId()).matches("\\d{19}");
        assertThat(session.taskId()).startsWith("task_");
        assertThat(session.userId()).hasValueSatisfying(u -> assertThat(u).startsWith("anon_"));
    }

    @Test
    void uploadReportsWhatTheServerProbed() throws Exception {
        Session session = client.sessions().create();
        Path file = dir.resolve("cat.gif");
        Files.write(file, GIF);

        UploadResult result = client.uploads().upload(session.sessionId(), file);

        assertThat(result.sessionStateApplied()).hasValue(true);
        UploadedFile f = result.files().get(0);
        assertThat(f.fileName()).hasValue("cat.gif");
        assertThat(f.fileType()).hasValue("image");
        assertThat(f.width()).hasValue(640);
        assertThat(f.height()).hasValue(360);
        assertThat(f.durationSeconds()).hasValue(1.0);
        assertThat(f.url())
                .hasValueSatisfying(u -> assertThat(u).startsWith("http").endsWith("cat.gif"));
    }

    @Test
    void stateAfterUpload() throws Exception {
        String sid = sessionWithMedia();

        SessionState state = client.state().get(sid);

        assertThat(state.hasAssets()).isTrue();
        assertThat(state.isExportable()).isTrue();
        assertThat(state.draft().orElseThrow().summary()).isEqualTo("Timeline (1 track): 1. Video: cat.gif (0-1s)");
        assertThat(state.canvasConfig().flatMap(c -> c.get("width"))).contains(JsonValue.of(640));
    }

    @Test
    void aSilentEditIsReportedFromTheState() throws Exception {
        String sid = sessionWithMedia();

        ChatResult result = client.chat().send(sid, "add a title 'Urban Dreams'");

        assertThat(result.end()).isEqualTo(ChatEnd.COMPLETED_SILENTLY);
        assertThat(result.toolCalls()).hasSize(1);
        assertThat(result.stateChange())
                .hasValueSatisfying(d -> assertThat(d.describe()).contains("Urban Dreams"));
    }

    @Test
    void aQuestionGetsText() throws Exception {
        String sid = sessionWithMedia();

        ChatResult result = client.chat().send(sid, "what can you do?");

        assertThat(result.end()).isEqualTo(ChatEnd.COMPLETED_WITH_TEXT);
        assertThat(result.text()).isNotBlank();
        assertThat(result.toolCalls()).isEmpty();
    }

    @Test
    void anExportCompletesAndDownloadsFromTheCdnWithoutCredentials() throws Exception {
        String sid = sessionWithMedia();

        ExportJob job = client.exports()
                .submit(sid, client.state().get(sid).draft().orElseThrow())
                .waitForCompletion();
        DownloadResult download = client.exports().download(job, dir.resolve("out.gif"));

        assertThat(job.status()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(job.progress()).hasValue(100);
        assertThat(job.outputUrl()).isPresent();
        assertThat(Files.readAllBytes(download.path())).isEqualTo(GIF);
        assertThat(download.usedFallback()).isFalse();
        assertThat(cdnSawAuthorization()).isFalse();
    }

    @Test
    void anUnknownSessionIs1002() {
        assertThatThrownBy(() -> client.state().get("1234567890123456789"))
                .isInstanceOf(SessionNotFoundException.class);
    }

    @Test
    void outOfCreditsIs2001BeforeTheStream() throws Exception {
        String sid = sessionWithMedia();
        outOfCredits();

        assertThatThrownBy(() -> client.chat().send(sid, "add BGM"))
                .isInstanceOfSatisfying(
                        InsufficientCreditsException.class,
                        e -> assertThat(e.bindUrl()).isPresent());
    }
}
