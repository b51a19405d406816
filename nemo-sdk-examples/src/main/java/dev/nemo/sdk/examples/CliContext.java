package dev.nemo.sdk.examples;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a command reads and writes: its standard streams, its environment variables and its
 * directories. {@link #system()} is the real process; tests pass their own.
 *
 * @param in               standard input (the {@code chat} loop reads lines from it)
 * @param out              standard output
 * @param err              standard error (one line per failure)
 * @param env              environment variables ({@code NEMO_API_URL}, {@code NEMO_TOKEN}, {@code NEMO_CLIENT_ID})
 * @param workingDirectory where relative paths are resolved and {@code demo} and {@code chat} save files
 * @param configDirectory  where the SDK persists the anonymous client id, or {@code null} for its default
 *                         ({@code ~/.config/nemovideo}); with the embedded emulator a temporary directory is
 *                         used when this is {@code null}
 */
public record CliContext(
        InputStream in,
        PrintStream out,
        PrintStream err,
        Map<String, String> env,
        Path workingDirectory,
        Path configDirectory) {

    /** Validates and copies the environment. */
    public CliContext {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        workingDirectory =
                Objects.requireNonNull(workingDirectory, "workingDirectory").toAbsolutePath();
    }

    /** @return the process's streams, environment and current directory */
    public static CliContext system() {
        return new CliContext(System.in, System.out, System.err, System.getenv(), Path.of(""), null);
    }

    /**
     * @param name an environment variable
     * @return its value, or {@code null} when it is unset or blank
     */
    public String variable(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /**
     * @param path a path as the user typed it ({@code ~/} means the home directory)
     * @return it resolved against the working directory
     */
    public Path resolve(String path) {
        if (path.equals("~") || path.startsWith("~/") || path.startsWith("~\\")) {
            return Path.of(System.getProperty("user.home")).resolve(path.length() <= 2 ? "" : path.substring(2));
        }
        return workingDirectory.resolve(path);
    }
}
