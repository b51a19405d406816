package dev.nemo.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.export.ExportPoller;
import dev.nemo.sdk.session.Session;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.Endpoint;
import dev.nemo.sdk.testkit.NemoEmulator;
import dev.nemo.sdk.testkit.RecordedRequest;
import dev.nemo.sdk.testkit.RenderPacing;
import dev.nemo.sdk.testkit.SilentEdits;
import dev.nemo.sdk.upload.MediaFormats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands against a server named by {@code NEMO_API_URL} (an emulator this test controls and
 * inspects), with a registered user's {@code NEMO_TOKEN}: sessions outlive a command, so
 * {@code state}, {@code chat --session} and {@code resume} can be checked, and so can what reaches
 * the server.
 */
class ServerCommandsTest {
    private static final String TOKEN = "nmv_usr_" + TestTokens.MARKER + "Cli_0123456789abcdef";

    @TempDir
    Path work;

    @TempDir
    Path config;

    private NemoEmulator emulator;
    private NemoClient client;
    private CliRunner cli;

    @BeforeEach
    void start() {
        emulator = NemoEmulator.start(EmulatorOptions.builder()
                .staticToken(TOKEN, 1000)
                .silentEdits(SilentEdits.NEVER)
                .renderPacing(RenderPacing.afterPolls(1))
                .build());
        client = NemoClient.builder()
                .baseUrl(emulator.baseUrl())
                .token(TOKEN)
                .environment(Map.of())
                .configDirectory(config)
                .build();
        cli = new CliRunner(work, config).env(Map.of("NEMO_API_URL", emulator.baseUrl(), "NEMO_TOKEN", TOKEN));
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void withNemoApiUrlNoEmulatorIsStartedAndTheTokenComesFromNemoToken() {
        CliRunner.Result r = cli.run("--verbose", "credits");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.outLines()).containsExactly("available=1000 frozen=0 total=1000");
        assertThat(emulator.requests(Endpoint.CREDITS))
                .singleElement()
                .satisfies(req -> assertThat(req.header("Authorization")).hasValue("Bearer " + TOKEN));
        assertThat(emulator.requests(Endpoint.ANONYMOUS_TOKEN)).isEmpty();
        assertThat(r.out() + r.err()).doesNotContain(TestTokens.MARKER);
    }

    @Test
    void stateSummarisesTheTimelineOfASession() throws IOException {
        Session session = client.sessions().create();
        client.uploads()
                .upload(session.sessionId(), Files.write(work.resolve("cat.gif"), TestMedia.gif(640, 360, 10, 15)));

        CliRunner.Result r = cli.run("state", "--session", session.sessionId());

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.outLines())
                .containsExactly(
                        "Session " + session.sessionId() + " (project \"project\")",
                        "Media: 1 file",
                        "Timeline (1 track): 1. Video: cat.gif (0-0.3s)",
                        "Exportable: yes");
    }

    @Test
    void stateOfASessionWithoutMediaListsTheAcceptedFormats() {
        Session session = client.sessions().create();

        CliRunner.Result r = cli.run("state", "--session", session.sessionId());

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.outLines()).contains("Media: none yet. Accepted: " + MediaFormats.description());
    }

    @Test
    void chatRoutesCommandsLocallyAndSendsOnlyTheRestToTheAgent() throws IOException {
        byte[] gif = TestMedia.gif(640, 360, 10, 10, 20);
        Files.write(work.resolve("cat.gif"), gif);

        CliRunner.Result r = cli.stdin(
                        "credits",
                        "upload cat.gif",
                        "status",
                        "compress this GIF to under 500KB",
                        "render it",
                        "",
                        "export",
                        "how many credits does an export cost?")
                .run("chat");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.outLines())
                .contains(
                        "available=1000 frozen=0 total=1000",
                        "Uploaded cat.gif: image, 640x360, 0.4 s",
                        "Timeline (1 track): 1. Video: cat.gif (0-0.4s)",
                        "  [Editing the timeline]")
                .anySatisfy(l -> assertThat(l).matches("New session \\d+"))
                .anySatisfy(l -> assertThat(l).startsWith("Agent: Done: compressed to under 500 KB."))
                .anySatisfy(l -> assertThat(l).matches("Export render_\\S+: completed 100% after \\d+ s"))
                .anySatisfy(l -> assertThat(l).startsWith("Downloaded " + work));
        // the agent's GUI phrasing is rewritten for a terminal, with a hint of what to type
        assertThat(r.out())
                .doesNotContain("Click the Export button")
                .contains(
                        "Agent: Your draft is ready. It is ready to export.",
                        "  (type \"export\" to render the video and download it)");
        // only the two edits reached /run_sse; credits, upload, status and export were API calls
        assertThat(emulator.requests(Endpoint.RUN_SSE))
                .extracting(RecordedRequest::bodyText)
                .hasSize(2)
                .satisfiesExactly(
                        b -> assertThat(b).contains("compress this GIF to under 500KB"),
                        b -> assertThat(b).contains("render it"));
        assertThat(emulator.requests(Endpoint.CREDITS)).hasSize(2);
        assertThat(emulator.requests(Endpoint.RENDER_SUBMIT)).hasSize(1);
        assertThat(r.outLines())
                .containsSubsequence("available=1000 frozen=0 total=1000", "available=990 frozen=0 total=990");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void chatContinuesAnExistingSessionAndReportsAFailedLineButGoesOn() throws IOException {
        Session session = client.sessions().create();

        CliRunner.Result r = cli.stdin("export", "upload missing.gif", "credits", "exit", "credits")
                .run("chat", "--session", session.sessionId());

        assertThat(r.status()).isEqualTo(NemoExamples.FAILED);
        assertThat(r.outLines())
                .contains("Continuing session " + session.sessionId())
                .as("nothing after exit is read")
                .containsOnlyOnce("available=1000 frozen=0 total=1000");
        assertThat(r.errLines())
                .containsExactly(
                        "nemo-examples: export failed: nothing to export yet: upload a file first",
                        "nemo-examples: upload failed: no such file: " + work.resolve("missing.gif"));
    }

    @Test
    void chatWithAnUnknownSessionFailsBeforeReadingInput() {
        CliRunner.Result r = cli.stdin("credits").run("chat", "--session", "404");

        assertThat(r.status()).isEqualTo(NemoExamples.FAILED);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("nemo-examples: reading the session state failed: Session not found (code 1002)")
                .endsWith("check the session id, or start a new session");
    }

    @Test
    void resumeFollowsARenderSubmittedElsewhereWithoutSubmittingAgain() throws IOException {
        Session session = client.sessions().create();
        byte[] gif = TestMedia.gif(64, 64, 10, 10);
        client.uploads().upload(session.sessionId(), Files.write(work.resolve("in.gif"), gif));
        ExportPoller submitted = client.exports()
                .submit(
                        session.sessionId(),
                        client.state().get(session.sessionId()).draft().orElseThrow(),
                        ExportOptions.defaults());

        CliRunner.Result r = cli.run("resume", submitted.renderId(), "saved.gif");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.outLines()).hasSize(2);
        assertThat(r.outLines().get(0)).matches("Export " + submitted.renderId() + ": completed 100% after \\d+ s");
        assertThat(r.outLines().get(1))
                .isEqualTo("Downloaded " + work.resolve("saved.gif") + " (" + gif.length + " bytes)");
        assertThat(Files.readAllBytes(work.resolve("saved.gif"))).isEqualTo(gif);
        assertThat(emulator.requests(Endpoint.RENDER_SUBMIT)).hasSize(1);
    }

    @Test
    void outOfCreditsEndsWithOneLineNamingTheStepTheCodeAndTheBindLink() throws IOException {
        emulator.close();
        emulator = NemoEmulator.start(
                EmulatorOptions.builder().anonymousCredits(0).tokensPerClient(5).build());
        Files.write(work.resolve("cat.gif"), TestMedia.gif(64, 64, 10));
        CliRunner anonymous = new CliRunner(work, config).env(Map.of("NEMO_API_URL", emulator.baseUrl()));

        CliRunner.Result r = anonymous.run("quick-edit", "cat.gif", "compress this GIF to under 500KB", "out.mp4");

        assertThat(r.status()).isEqualTo(NemoExamples.FAILED);
        String userId = emulator.accounts().get(0).userId();
        assertThat(r.errLines())
                .containsExactly("nemo-examples: chat failed: Out of credits (code 2001): "
                        + "Insufficient credits: an edit costs 10 credits and 0 are available; register to keep your work: "
                        + "https://nemovideo.com/register?bind=" + userId);
        assertThat(r.out()).contains("You: compress this GIF to under 500KB").doesNotContain("Export");
        assertThat(Files.exists(work.resolve("out.mp4"))).isFalse();

        CliRunner.Result verbose = anonymous.run("quick-edit", "--verbose", "cat.gif", "compress it to 1MB", "out.mp4");
        assertThat(verbose.status()).isEqualTo(NemoExamples.FAILED);
        assertThat(verbose.errLines().get(0)).startsWith("nemo-examples: chat failed: Out of credits (code 2001)");
        assertThat(verbose.err()).contains("dev.nemo.sdk.error.InsufficientCreditsException", "\tat ");
    }
}
