package dev.nemo.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that needs a server, run in this JVM with no {@code NEMO_API_URL}: each starts its
 * own embedded emulator, says so on its first line, and does its job end to end.
 */
class EmbeddedEmulatorCommandsTest {
    private static final String EMULATOR_LINE = "Using the embedded NemoVideo emulator at http://127.0.0.1:";

    @TempDir
    Path work;

    @TempDir
    Path config;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(work, config);
    }

    @Test
    void creditsPrintsTheBalanceOfAFreshAnonymousAccount() {
        CliRunner.Result r = cli.run("credits");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.outLines()).hasSize(2);
        assertThat(r.outLines().get(0)).startsWith(EMULATOR_LINE);
        assertThat(r.outLines().get(1)).isEqualTo("available=100 frozen=0 total=100");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void demoEditsExportsAndDownloadsTheBundledSample() throws IOException {
        CliRunner.Result r = cli.run("demo");

        assertThat(r.status()).as(r.toString()).isZero();
        List<String> out = r.outLines();
        assertThat(out.get(0)).startsWith(EMULATOR_LINE);
        assertThat(out)
                .anySatisfy(l -> assertThat(l).startsWith("Session "))
                .contains("Uploading vhs-neofetch.gif (275.4 KB)")
                .contains("Uploaded vhs-neofetch.gif: image, 1300x650, 13.4 s")
                .contains("You: " + Demo.INSTRUCTION)
                .anySatisfy(l -> assertThat(l).matches("Export render_\\S+: pending 5% after \\d+ s"))
                .anySatisfy(l -> assertThat(l).matches("Export render_\\S+: completed 100% after \\d+ s"))
                .contains("Size: 275.4 KB -> 275.4 KB (100.0% of the input, same size)")
                .anySatisfy(l -> assertThat(l)
                        .startsWith("Renderer: passthrough (passthrough renderer: the output is "
                                + "the uploaded source (vhs-neofetch.gif) unchanged"));
        assertAgentAnsweredOrReportedTheChange(out, "500 KB");

        // the passthrough renderer returns the source: the GIF comes back byte for byte
        Path saved = work.resolve("nemo-demo").resolve("vhs-neofetch.gif");
        assertThat(out).contains("Downloaded " + saved + " (275.4 KB)");
        assertThat(Files.readAllBytes(saved)).isEqualTo(TestMedia.sample());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void quickEditSavesToTheGivenFileAndNotesAFormatTheRendererDidNotProduce() throws IOException {
        Path input = Files.write(work.resolve("cat.gif"), TestMedia.gif(640, 360, 10, 10, 20));
        Files.createDirectories(work.resolve("out"));

        CliRunner.Result r =
                cli.run("quick-edit", "cat.gif", "convert to 720p MP4", "out/cat.mp4", "--poll-interval", "5");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.outLines())
                .contains(
                        "Uploaded cat.gif: image, 640x360, 0.4 s",
                        "You: convert to 720p MP4",
                        "Note: the render produced a .gif file; saving it as " + work.resolve("out/cat.mp4")
                                + " as asked");
        assertThat(Files.readAllBytes(work.resolve("out/cat.mp4"))).isEqualTo(Files.readAllBytes(input));
    }

    @Test
    void reactiveQuickEditDoesTheSameWorkflow() throws IOException {
        byte[] gif = TestMedia.gif(320, 240, 5, 5);
        Files.write(work.resolve("dog.gif"), gif);

        CliRunner.Result r = cli.run("reactive-quick-edit", "dog.gif", "make it a GIF", "dog-out.gif");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.outLines().get(0)).startsWith(EMULATOR_LINE);
        assertThat(r.outLines())
                .contains("Uploaded dog.gif: image, 320x240, 0.1 s", "You: make it a GIF")
                .anySatisfy(l -> assertThat(l).matches("Export render_\\S+: completed 100% after \\d+ s"))
                .anySatisfy(l -> assertThat(l).startsWith("Size: "));
        assertThat(Files.readAllBytes(work.resolve("dog-out.gif"))).isEqualTo(gif);
    }

    @Test
    void batchRendersEachMediaFileOfTheFolderFromItsOwnClipAndSkipsTheRest() throws IOException {
        Path in = Files.createDirectories(work.resolve("in"));
        byte[] a = TestMedia.gif(200, 100, 10);
        byte[] b = TestMedia.gif(100, 200, 10, 10, 10);
        Files.write(in.resolve("a.gif"), a);
        Files.write(in.resolve("b.gif"), b);
        Files.writeString(in.resolve("notes.txt"), "not media");

        CliRunner.Result r = cli.run("batch", "in", "compress this GIF to under 500KB", "out");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.outLines().get(0)).startsWith(EMULATOR_LINE);
        assertThat(r.outLines())
                .contains(
                        "Skipping notes.txt: not a GIF, video or image",
                        "Uploaded a.gif: image, 200x100",
                        "Uploaded b.gif: image, 100x200, 0.3 s",
                        "Batch done: 2 of 2 rendered into " + work.resolve("out"));
        assertThat(r.outLines().stream().filter(l -> l.startsWith("Session ")).count())
                .as("one session")
                .isEqualTo(1);
        assertThat(r.outLines())
                .filteredOn(l -> l.startsWith("You: "))
                .as("each file its own instruction, as the " + "seed's batch says")
                .containsExactly(
                        "You: compress this GIF to under 500KB (a.gif)",
                        "You: compress this GIF to under 500KB (b.gif)");
        // each render came from the draft narrowed to that file's clip, so each output is its own input
        assertThat(Files.readAllBytes(work.resolve("out/a.gif"))).isEqualTo(a);
        assertThat(Files.readAllBytes(work.resolve("out/b.gif"))).isEqualTo(b);
        try (Stream<Path> files = Files.list(work.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()))
                    .containsExactly("a.gif", "b.gif");
        }
    }

    @Test
    void chatEndsAtEndOfInput() {
        CliRunner.Result r = cli.stdin().run("chat");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.outLines().get(0)).startsWith(EMULATOR_LINE);
        assertThat(r.outLines().get(1)).matches("New session \\d+");
    }

    @Test
    void stateOfASessionTheEmbeddedEmulatorDoesNotKnowFailsWithCode1002AndSaysWhy() {
        CliRunner.Result r = cli.run("state", "--session", "123");

        assertThat(r.status()).isEqualTo(NemoExamples.FAILED);
        assertThat(r.outLines()).hasSize(1);
        assertThat(r.outLines().get(0)).startsWith(EMULATOR_LINE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err())
                .startsWith("nemo-examples: reading the session state failed: Session not found (code 1002)")
                .contains("set NEMO_API_URL");
    }

    static void assertAgentAnsweredOrReportedTheChange(List<String> out, String expected) {
        assertThat(out)
                .anySatisfy(l -> assertThat(l)
                        .satisfiesAnyOf(
                                line -> assertThat(line).startsWith("Agent: ").contains(expected),
                                line -> assertThat(line)
                                        .startsWith("The agent finished without a message. What changed: ")));
    }
}
