package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportStatus;
import dev.nemo.sdk.session.Session;
import dev.nemo.sdk.state.StateDiff;
import dev.nemo.sdk.testkit.internal.JsonBridge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start, as a consumer's {@code @NemoEmulatorTest} would run it: the injected
 * client's export polls (30 s apart by default) pass in the emulator's fast-forward clock, not in
 * real time, so the test takes about a second instead of a minute.
 */
@NemoEmulatorTest
class ReadmeQuickStartTest {
    private static final String BEGIN = "// ---- README quick start ----";
    private static final String END = "// ---- end of the README quick start ----";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS) // a hang guard only: real 30 s polls would trip it
    void theQuickStartRunsWithTheInjectedClientWithoutRealWaits(NemoClient client, NemoEmulator emulator)
            throws IOException {
        Files.write(dir.resolve("party.gif"), TestMedia.gif(320, 180, 10, 10, 10, 10));
        Instant before = emulator.options().clock().instant();

        // spotless:off (the lines below are the README's, as the README lays them out)
        // ---- README quick start ----
        Session session = client.sessions().create();
        String sid = session.sessionId();

        client.uploads().upload(sid, dir.resolve("party.gif"));
        ChatResult reply = client.chat().send(sid, "compress this GIF to under 500KB without losing too much quality");
        System.out.println(reply.hasText() ? reply.displayText()
                : reply.stateChange().map(StateDiff::describe).orElse("done"));   // a third of edits answer silently

        Draft draft = client.state().get(sid).draft().orElseThrow();
        System.out.println(draft.summary());   // Timeline (1 track): 1. Video: party.gif (0-4.2s)
        ExportJob done = client.exports().submit(sid, draft).waitForCompletion();
        client.exports().download(done, dir.resolve("party.mp4"));
        // ---- end of the README quick start ----
        // spotless:on

        assertThat(done.status()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(dir.resolve("party.mp4")).exists();
        assertThat(JsonBridge.toJackson(done.raw()).findValue("converted").asBoolean())
                .as("the passthrough renderer says it converted "
                        + "nothing: without nemo-sdk-testkit-media, party.mp4 holds the uploaded GIF")
                .isFalse();
        assertThat(JsonBridge.toJackson(done.raw()).findValue("note").asText()).contains("not applied");
        assertThat(Duration.between(before, emulator.options().clock().instant()))
                .as("the two 30 s polls passed on the emulator's clock")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void thisTestRunsTheReadmesOwnSnippet() throws IOException {
        assertThat(snippet(Path.of("src/test/java/dev/nemo/sdk/testkit/ReadmeQuickStartTest.java"), BEGIN, END))
                .as("the code above, with dir.resolve(…) for the README's relative Path.of(…)")
                .isEqualTo(readmeQuickStart().stream()
                        .map(l -> l.replace("Path.of(\"", "dir.resolve(\""))
                        .toList());
    }

    /** The body of the README's quick-start {@code try} block, de-indented. */
    private static List<String> readmeQuickStart() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../README.md"), StandardCharsets.UTF_8);
        int start = lines.indexOf("## Quick start");
        int open = start;
        while (!lines.get(open).startsWith("try (NemoClient client")) {
            open++;
        }
        int close = lines.subList(open, lines.size()).indexOf("}") + open;
        return lines.subList(open + 1, close).stream()
                .map(ReadmeQuickStartTest::dedent)
                .toList();
    }

    private static List<String> snippet(Path source, String begin, String end) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8).stream()
                .map(ReadmeQuickStartTest::dedent)
                .toList();
        return lines.subList(lines.indexOf(begin) + 1, lines.indexOf(end));
    }

    private static String dedent(String line) {
        return line.isBlank() ? "" : line.stripLeading();
    }
}
