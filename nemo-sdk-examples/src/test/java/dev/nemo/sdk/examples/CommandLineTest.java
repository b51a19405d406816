package dev.nemo.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing the command line, and what a wrong one prints. Nothing here starts a server. */
class CommandLineTest {
    @TempDir
    Path work;

    @Test
    void globalOptionsAreAcceptedBeforeOrAfterTheCommandName() {
        CliArgs before = CliArgs.parse("--poll-interval", "5", "--verbose", "quick-edit", "a.gif", "compress", "b.mp4");
        CliArgs after = CliArgs.parse("quick-edit", "a.gif", "--poll-interval=5", "compress", "-v", "b.mp4");

        for (CliArgs a : List.of(before, after)) {
            assertThat(a.command()).isEqualTo("quick-edit");
            assertThat(a.arguments()).containsExactly("a.gif", "compress", "b.mp4");
            assertThat(a.pollInterval()).isEqualTo(Duration.ofSeconds(5));
            assertThat(a.verbose()).isTrue();
            assertThat(a.session()).isEmpty();
        }
    }

    @Test
    void defaultsAndSessionAndTheEndOfOptions() {
        CliArgs a = CliArgs.parse("chat", "--session", "5529798706024415232");
        assertThat(a.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(a.verbose()).isFalse();
        assertThat(a.session()).hasValue("5529798706024415232");

        CliArgs b = CliArgs.parse("quick-edit", "--", "-odd.gif", "--verbose", "out.mp4");
        assertThat(b.arguments()).containsExactly("-odd.gif", "--verbose", "out.mp4");
        assertThat(b.verbose()).isFalse();

        assertThat(CliArgs.parse().command())
                .as("no arguments: usage on stderr, exit 2")
                .isEqualTo("usage");
        assertThat(CliArgs.parse("--version").command()).isEqualTo("version");
        assertThat(CliArgs.parse("emulator", "--host", "0.0.0.0", "--port=8080", "--data", "d")
                        .options())
                .containsOnly(
                        java.util.Map.entry("host", "0.0.0.0"),
                        java.util.Map.entry("port", "8080"),
                        java.util.Map.entry("data", "d"));
        assertThat(CliArgs.parse("quick-edit", "a", "b", "c", "--force").option("force"))
                .hasValue("true");
        assertThat(CliArgs.parse("--poll-interval", "0.25", "demo").pollInterval())
                .isEqualTo(Duration.ofMillis(250));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--poll-interval                 | --poll-interval needs a value",
                "--poll-interval,abc             | --poll-interval takes a number of seconds, not 'abc'",
                "--poll-interval,0               | --poll-interval must be more than 0 and at most 86400 seconds",
                "--poll-interval,-3              | --poll-interval must be more than 0 and at most 86400 seconds",
                "--session                       | --session needs a value",
                "--frobnicate                    | unknown option --frobnicate",
            })
    void badOptionsAreUsageErrors(String args, String message) {
        assertThatThrownBy(() -> CliArgs.parse(args.split(",")))
                .isInstanceOf(UsageException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "fly                          | unknown command 'fly'",
                "credits,extra                | too many arguments; usage: credits",
                "quick-edit,a.gif             | missing arguments; usage: quick-edit <input> <instruction> <output>",
                "state                        | state needs --session <id>",
                "demo,--session,1             | demo does not take --session; usage: demo",
                "events                       | missing arguments; usage: events <file>",
                "--poll-interval,x,credits    | --poll-interval takes a number of seconds, not 'x'",
            })
    void aWrongCommandLineExitsWithStatus2AndOneLine(String args, String message) {
        CliRunner.Result r = new CliRunner(work, work).run(args.split(","));

        assertThat(r.status()).isEqualTo(NemoExamples.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("nemo-examples: " + message + " (run with --help for the commands)");
    }

    @Test
    void helpListsEveryCommandWithoutStartingAServer() {
        for (String[] args : List.of(new String[] {"help"}, new String[] {"--help"})) {
            CliRunner.Result r = new CliRunner(work, work).run(args);
            assertThat(r.status()).isZero();
            assertThat(r.out())
                    .startsWith("Usage: java -jar nemo-examples.jar")
                    .contains(
                            "  demo ",
                            "  quick-edit <input> <instruction> <output> ",
                            "  batch <input-dir> <instruction> " + "<output-dir> ",
                            "  chat [--session <id>] ",
                            "  state --session <id> ",
                            "  credits ",
                            "  events <file> ",
                            "--poll-interval <seconds>",
                            "--verbose",
                            "NEMO_API_URL",
                            "NEMO_TOKEN",
                            "NEMO_CLIENT_ID")
                    .doesNotContain("emulator at");
        }
    }

    @Test
    void aMissingInputFailsBeforeAnyServerStarts() {
        CliRunner.Result r = new CliRunner(work, work).run("quick-edit", "missing.gif", "compress", "out.mp4");

        assertThat(r.status()).isEqualTo(NemoExamples.FAILED);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .containsExactly("nemo-examples: upload failed: no such file: " + work.resolve("missing.gif"));
    }

    @Test
    void pollingKeepsTheSkillsTenPollsAndMakesRoomForThemInTheDeadline() {
        assertThat(Rendering.polling(Duration.ofSeconds(30)).maxPolls()).isEqualTo(10);
        assertThat(Rendering.polling(Duration.ofSeconds(30)).timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(Rendering.polling(Duration.ofSeconds(120)).timeout()).isEqualTo(Duration.ofMinutes(22));
        assertThat(Rendering.polling(Duration.ofSeconds(2)).interval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void sizesReadLikeAPersonWouldSayThem() {
        assertThat(Sizes.human(1)).isEqualTo("1 byte");
        assertThat(Sizes.human(812)).isEqualTo("812 bytes");
        assertThat(Sizes.human(281_960)).isEqualTo("275.4 KB");
        assertThat(Sizes.human(3_768_826)).isEqualTo("3.6 MB");
        assertThat(Sizes.comparison(281_960, 120_000))
                .isEqualTo("275.4 KB -> 117.2 KB (42.6% of the input, 2.35x smaller)");
        assertThat(Sizes.comparison(1000, 2000)).isEqualTo("1000 bytes -> 2.0 KB (200.0% of the input, 2.00x larger)");
        assertThat(Sizes.comparison(1000, 1000)).isEqualTo("1000 bytes -> 1000 bytes (100.0% of the input, same size)");
    }
}
