package dev.nemo.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.testing.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code emulator} command: one running server that several commands use in turn, like
 * stripe-mock; loopback by default, honest about having no authentication otherwise, never a
 * forwarder, and never a place where a token ends up.
 */
class EmulatorCommandTest {
    private static final String TOKEN = "nmv_usr_" + TestTokens.MARKER + "Standalone_0123456789ab";

    @TempDir
    Path work;

    @TempDir
    Path config;

    @Test
    void twoCommandsShareOneRunningEmulator() throws IOException {
        Files.write(work.resolve("clip.gif"), TestMedia.gif(64, 64, 10, 10));
        Server server = start(Map.of(), "127.0.0.1");
        try (server.running) {
            CliRunner cli = new CliRunner(work, config).env(Map.of("NEMO_API_URL", server.url()));

            CliRunner.Result chat =
                    cli.stdin("upload clip.gif", "trim to 5 seconds").run("chat");
            assertThat(chat.status()).as(chat.toString()).isZero();
            String sid = chat.outLines().get(0).replace("New session ", "");

            CliRunner.Result state = cli.stdin().run("state", "--session", sid);
            assertThat(state.status()).as(state.toString()).isZero();
            assertThat(state.out()).contains("Session " + sid).contains("clip.gif");
        }
        assertThat(server.output())
                .contains("export NEMO_API_URL=http://127.0.0.1:")
                .doesNotContain("Warning");
    }

    @Test
    void sessionIdsDifferBetweenRuns() throws IOException {
        String first = newSession();
        String second = newSession();
        assertThat(first).isNotEqualTo(second);
    }

    private String newSession() {
        Server server = start(Map.of(), "127.0.0.1");
        try (server.running) {
            CliRunner.Result chat = new CliRunner(work, config)
                    .env(Map.of("NEMO_API_URL", server.url()))
                    .run("chat");
            assertThat(chat.status()).as(chat.toString()).isZero();
            return chat.outLines().get(0);
        }
    }

    @Test
    void anotherAddressOnlyWhenAskedAndWithAWarning() {
        Server server = start(Map.of(), "0.0.0.0");
        try (server.running) {
            assertThat(server.output())
                    .contains("Warning: listening on 0.0.0.0, not on loopback")
                    .contains("no real authentication");
        }
    }

    @Test
    void neverForwardsAndNeverWritesTheTokenAnywhere() throws IOException {
        Files.write(work.resolve("clip.gif"), TestMedia.gif(64, 64, 10, 10));
        Server server =
                start(Map.of("NEMO_TOKEN", TOKEN, "NEMO_API_URL", "https://mega-api-prod.nemovideo.ai"), "127.0.0.1");
        String commands;
        try (server.running) {
            assertThat(server.url()).startsWith("http://127.0.0.1:");
            CliRunner cli = new CliRunner(work, config).env(Map.of("NEMO_API_URL", server.url(), "NEMO_TOKEN", TOKEN));
            CliRunner.Result chat = cli.stdin("upload clip.gif", "export").run("chat", "--verbose");
            assertThat(chat.status()).as(chat.toString()).isZero();
            commands = chat.out() + chat.err();
        }
        assertThat(server.output())
                .contains("NEMO_API_URL is ignored here: the emulator never forwards")
                .doesNotContain(TestTokens.MARKER);
        assertThat(commands).doesNotContain(TestTokens.MARKER);
        Path data = work.resolve("nemo-emulator-data");
        try (Stream<Path> files = Files.walk(data)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all)
                    .as("sessions and renders saved")
                    .anyMatch(p -> p.startsWith(data.resolve("sessions")))
                    .anyMatch(p -> p.toString().endsWith(".gif"));
            for (Path f : all) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                        .as(f.toString())
                        .doesNotContain(TestTokens.MARKER);
            }
        }
    }

    /** A started server and what it printed. */
    private record Server(EmulatorCommand.Running running, ByteArrayOutputStream printed) {
        String output() {
            return printed.toString(StandardCharsets.UTF_8);
        }

        String url() {
            return output().lines()
                    .filter(l -> l.startsWith("  export NEMO_API_URL="))
                    .findFirst()
                    .orElseThrow()
                    .substring("  export NEMO_API_URL=".length());
        }
    }

    private Server start(Map<String, String> env, String host) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(new ByteArrayInputStream(new byte[0]), out, out, env, work, config);
        CliArgs args = CliArgs.parse("emulator", "--host", host);
        return new Server(EmulatorCommand.start(EmulatorCommand.settings(args, context), context), printed);
    }
}
