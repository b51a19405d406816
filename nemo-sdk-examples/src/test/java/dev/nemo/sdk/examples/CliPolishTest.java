package dev.nemo.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.Endpoint;
import dev.nemo.sdk.testkit.NemoEmulator;
import dev.nemo.sdk.testkit.RenderPacing;
import dev.nemo.sdk.upload.MediaFormats;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rough edges a newcomer hit on the command line (issue 12, section 4), each one filed down. */
class CliPolishTest {
    @TempDir
    Path work;

    @TempDir
    Path config;

    private NemoEmulator emulator;
    private CliRunner cli;

    @BeforeEach
    void start() {
        emulator = NemoEmulator.start(EmulatorOptions.builder()
                .renderPacing(RenderPacing.afterPolls(1))
                .tokensPerClient(100)
                .build());
        cli = new CliRunner(work, config).env(Map.of("NEMO_API_URL", emulator.baseUrl()));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void chatUploadsRelativePathsWithFoldersAbsolutePathsAndQuotedNamesWithSpaces() throws IOException {
        Files.createDirectories(work.resolve("gifs"));
        Files.write(work.resolve("gifs/x.gif"), TestMedia.gif(32, 32, 10));
        Files.createDirectories(work.resolve("my clips"));
        Files.write(work.resolve("my clips/a b.gif"), TestMedia.gif(48, 48, 10));
        Path absolute = Files.write(config.resolve("abs.gif"), TestMedia.gif(16, 16, 10));

        CliRunner.Result r = cli.stdin(
                        "upload gifs/x.gif",
                        "upload \"my clips/a b.gif\"",
                        "upload my\\ clips/a\\ b.gif",
                        "upload " + absolute)
                .run("chat");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.outLines())
                .filteredOn(l -> l.startsWith("Uploaded "))
                .containsExactly(
                        "Uploaded x.gif: image, 32x32",
                        "Uploaded a b.gif: image, 48x48",
                        "Uploaded a b.gif: image, 48x48",
                        "Uploaded abs.gif: image, 16x16");
    }

    @Test
    void chatUploadsFromTheHomeDirectory() throws IOException {
        String home = System.getProperty("user.home");
        System.setProperty("user.home", config.toString());
        try {
            Files.write(config.resolve("home clip.gif"), TestMedia.gif(24, 24, 10));
            CliRunner.Result r = cli.stdin("upload '~/home clip.gif'", "upload ~/home\\ clip.gif")
                    .run("chat");
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.outLines())
                    .filteredOn(l -> l.startsWith("Uploaded "))
                    .hasSize(2)
                    .allMatch(l -> l.startsWith("Uploaded home clip.gif: image, 24x24"));
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void aFileThatIsNotMediaIsRefusedInWordsBeforeAnythingHappens() throws IOException {
        Files.writeString(work.resolve("notes.mp4"), "Shopping list: eggs, milk\nand bread\n");

        CliRunner.Result r = cli.run("quick-edit", "notes.mp4", "compress it", "out.mp4");

        assertThat(r.status()).isEqualTo(NemoExamples.FAILED);
        assertThat(r.out()).doesNotContain("Uploading").doesNotContain("Session");
        assertThat(r.errLines())
                .containsExactly("nemo-examples: upload failed: notes.mp4 is not a video or an animated "
                        + "image: it looks like text, starting with \"Shopping list: eggs, milk\". Accepted: "
                        + MediaFormats.description());
        assertThat(r.err()).doesNotContain("verifyContent").doesNotContain("0x");
        assertThat(emulator.requests()).as("nothing was sent").isEmpty();
    }

    @Test
    void quickEditNeverOverwritesWithoutForceNorCreatesFoldersSilently() throws IOException {
        Files.write(work.resolve("in.gif"), TestMedia.gif(32, 32, 10));
        Files.writeString(work.resolve("taken.gif"), "precious");

        CliRunner.Result exists = cli.run("quick-edit", "in.gif", "trim to 5 seconds", "taken.gif");
        CliRunner.Result noFolder = cli.run("quick-edit", "in.gif", "trim to 5 seconds", "missing/out.gif");
        CliRunner.Result forced = cli.run("quick-edit", "in.gif", "trim to 5 seconds", "taken.gif", "--force");

        assertThat(exists.status()).isEqualTo(NemoExamples.FAILED);
        assertThat(exists.errLines())
                .containsExactly("nemo-examples: quick-edit failed: " + work.resolve("taken.gif")
                        + " already exists: add --force to replace it, or choose another output");
        assertThat(noFolder.status()).isEqualTo(NemoExamples.FAILED);
        assertThat(noFolder.errLines())
                .containsExactly("nemo-examples: quick-edit failed: the folder " + work.resolve("missing")
                        + " does not exist: create it first, or choose another output");
        assertThat(work.resolve("missing")).doesNotExist();
        assertThat(forced.status()).as(forced.toString()).isZero();
        assertThat(forced.outLines())
                .contains("Note: " + work.resolve("taken.gif") + " exists and will be replaced " + "(--force)");
        assertThat(Files.readAllBytes(work.resolve("taken.gif"))).startsWith("GIF8".getBytes());
    }

    @Test
    void theAgentsOwnErrorTextIsOnTheFailureLine() throws IOException {
        Files.write(work.resolve("in.gif"), TestMedia.gif(32, 32, 10));
        emulator.faults().on(Endpoint.RUN_SSE).modelError("SAFETY", "The request was blocked by the safety filter");

        CliRunner.Result r = cli.run("quick-edit", "in.gif", "add a title 'x'", "out.mp4");

        assertThat(r.status()).isEqualTo(NemoExamples.FAILED);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("nemo-examples: chat failed: the agent could not apply \"add a title 'x'\": ")
                .contains("\"The request was blocked by the safety filter\" (error code SAFETY)")
                .contains("rephrase the instruction");
    }

    @Test
    void aConnectionFailureNamesTheServer() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed;

        CliRunner.Result r = new CliRunner(work, config)
                .env(Map.of("NEMO_API_URL", url, "NEMO_TOKEN", "nmv_usr_x"))
                .run("credits");

        assertThat(r.status()).isEqualTo(NemoExamples.FAILED);
        assertThat(r.errLines()).singleElement().asString().contains("cannot reach " + url + " (NEMO_API_URL)");
    }

    @Test
    void resumeOfAnUnknownRenderSaysWhatToDo() {
        CliRunner.Result r = cli.run("resume", "render_1_nope", "out.mp4");

        assertThat(r.status()).isEqualTo(NemoExamples.FAILED);
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .contains("the server knows no render render_1_nope")
                .contains("no render with this id on " + emulator.baseUrl() + ": check the id")
                .doesNotContain("Unexpected HTTP 404");
    }

    @Test
    void versionAndNoArguments() {
        CliRunner.Result version = cli.run("--version");
        CliRunner.Result none = cli.run();

        assertThat(version.status()).isZero();
        assertThat(version.outLines())
                .singleElement()
                .asString()
                .startsWith("nemo-examples ")
                .contains("nemo-sdk-java ")
                .contains("Java ");
        assertThat(none.status()).isEqualTo(NemoExamples.USAGE);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).startsWith("Usage: java -jar nemo-examples.jar");
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // with the default 30 s interval the three polls would take 90 s
    void reactiveQuickEditHonoursThePollInterval() throws IOException {
        emulator.close();
        emulator = NemoEmulator.start(EmulatorOptions.builder()
                .renderPacing(RenderPacing.afterPolls(3))
                .tokensPerClient(100)
                .build());
        Files.write(work.resolve("in.gif"), TestMedia.gif(32, 32, 10));

        CliRunner.Result r = new CliRunner(work, config)
                .env(Map.of("NEMO_API_URL", emulator.baseUrl()))
                .run("reactive-quick-edit", "in.gif", "trim to 5 seconds", "out.gif", "--poll-interval", "0.05");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(emulator.renders())
                .singleElement()
                .satisfies(render -> assertThat(render.polls()).isGreaterThanOrEqualTo(3));
    }

    @Test
    void exportsShowPhasePercentAndElapsedTime() throws IOException {
        Files.write(work.resolve("in.gif"), TestMedia.gif(32, 32, 10));

        CliRunner.Result r = cli.run("quick-edit", "in.gif", "trim to 5 seconds", "out.gif", "--poll-interval", "0.01");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.outLines())
                .filteredOn(l -> l.startsWith("Export "))
                .isNotEmpty()
                .allMatch(l -> l.matches("Export render_\\S+: (pending|processing|completed) \\d+% after " + "\\d+ s"));
    }
}
