package dev.nemo.sdk.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.internal.json.Json;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes writing the saved client id and token at once (issue 15). Really two JVMs: this
 * one and a second {@code java} started from {@code ProcessHandle.current().info().command()} with
 * this test's class path, because the race that matters is between processes (two SDK apps on one
 * machine, or a CLI next to a server), which threads in one JVM would not show: file locks are
 * per process. Both run {@link ConfigWriterMain}'s rounds at the same time, each with its own key in
 * the shared token file. Afterwards every file parses, both processes used the same client id in
 * every folder (the one in {@code client_id}), and each read back the token it had just saved.
 */
class TwoProcessesTest {
    private static final int ROUNDS = 120;

    @TempDir
    Path dir;

    @Test
    void concurrentWritersNeverTearTheFilesAndAgreeOnTheClientId() throws Exception {
        String java = ProcessHandle.current().info().command().orElse(null);
        if (java == null) {
            System.out.println("this JVM does not know its own command: the second process cannot be started here");
            return;
        }
        Path start = dir.resolve("go");
        Path childResults = dir.resolve("child.txt");
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        ConfigWriterMain.class.getName(),
                        dir.resolve("config").toString(),
                        "child",
                        String.valueOf(ROUNDS),
                        childResults.toString(),
                        start.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        try {
            for (int i = 0; i < 60_000 && !Files.exists(Path.of(childResults + ".ready")) && child.isAlive(); i++) {
                Thread.sleep(1);
            }
            Files.writeString(start, "go");
            List<String> mine = ConfigWriterMain.run(dir.resolve("config"), "parent", ROUNDS);
            assertThat(child.waitFor(120, TimeUnit.SECONDS))
                    .as("the child ends")
                    .isTrue();
            System.out.println(
                    "child exit " + child.exitValue() + "; its log: " + Files.readString(dir.resolve("child.log")));
            assertThat(child.exitValue()).isZero();
            check(mine, Files.readAllLines(childResults));
        } finally {
            child.destroyForcibly();
        }
    }

    private void check(List<String> parent, List<String> child) throws Exception {
        assertThat(parent).hasSize(ROUNDS);
        assertThat(child).hasSize(ROUNDS);
        List<String> problems = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            String[] p = parent.get(r).split(" ");
            String[] c = child.get(r).split(" ");
            Path folder = dir.resolve("config").resolve("round-" + (r / 2));
            String saved =
                    Files.readString(folder.resolve(ClientIdStore.FILE_NAME)).strip();
            if (!p[1].equals(saved) || !c[1].equals(saved)) {
                problems.add("round " + r + ": ids parent " + p[1] + ", child " + c[1] + ", file " + saved);
            }
            if (!p[2].equals("nmv_usr_parent_" + r) || !c[2].equals("nmv_usr_child_" + r)) {
                problems.add("round " + r + ": tokens read back " + p[2] + " / " + c[2]);
            }
        }
        for (File folder : dir.resolve("config").toFile().listFiles()) {
            JsonNode tokens = Json.parse(Files.readAllBytes(folder.toPath().resolve(AnonymousTokenStore.FILE_NAME)))
                    .path("tokens");
            if (tokens.size() != 2) {
                problems.add(folder.getName() + ": token entries " + tokens);
            }
        }
        System.out.println(problems.size() + " problems: " + problems);
        assertThat(problems).isEmpty();
    }
}
