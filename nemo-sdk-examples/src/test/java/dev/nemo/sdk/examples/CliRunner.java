package dev.nemo.sdk.examples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the command-line program in this JVM with captured streams, a given environment and directories. */
final class CliRunner {
    private final Path workingDirectory;
    private final Path configDirectory;
    private Map<String, String> env = Map.of();
    private String stdin = "";

    CliRunner(Path workingDirectory, Path configDirectory) {
        this.workingDirectory = workingDirectory;
        this.configDirectory = configDirectory;
    }

    CliRunner env(Map<String, String> env) {
        this.env = env;
        return this;
    }

    CliRunner stdin(String... lines) {
        this.stdin = lines.length == 0 ? "" : String.join("\n", lines) + "\n";
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                o,
                e,
                env,
                workingDirectory,
                configDirectory);
        int status = NemoExamples.run(args, context);
        o.flush();
        e.flush();
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What a command did. */
    record Result(int status, String out, String err) {
        List<String> outLines() {
            return lines(out);
        }

        List<String> errLines() {
            return lines(err);
        }

        private static List<String> lines(String s) {
            return s.lines().collect(java.util.stream.Collectors.toList());
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }
}
