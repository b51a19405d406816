package dev.nemo.sdk.internal.auth;

import dev.nemo.sdk.auth.AccessToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One of the two processes of {@link TwoProcessesTest}: for each round, in its own folder, reads or
 * creates the client id and saves its token under its own key, then checks its token reads back.
 * Writes one line per round ({@code <round> <client id> <token read back or MISSING>}) to a file.
 * Arguments: base folder, writer name, rounds, results file, and the file to wait for before starting.
 */
public final class ConfigWriterMain {
    private ConfigWriterMain() {}

    /**
     * @param args base folder, name, rounds, results file, start file
     * @throws Exception on any failure (the exit status is then non-zero)
     */
    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        String name = args[1];
        int rounds = Integer.parseInt(args[2]);
        Path start = Path.of(args[4]);
        Files.writeString(Path.of(args[3] + ".ready"), "ready");
        for (int i = 0; i < 30_000 && !Files.exists(start); i++) {
            Thread.sleep(1);
        }
        Files.write(Path.of(args[3]), run(base, name, rounds));
    }

    static List<String> run(Path base, String name, int rounds) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Path dir = base.resolve("round-" + (r / 2)); // each folder is written twice per process
            String id = ClientIdStore.loadOrCreate(dir);
            AnonymousTokenStore store = AnonymousTokenStore.in(dir, "https://" + name + ".example", id);
            String value = "nmv_usr_" + name + "_" + r;
            store.save(new AccessToken(value, Instant.parse("2030-01-01T00:00:00Z"), "anon_" + name));
            Optional<AccessToken> back = store.load();
            lines.add(r + " " + id + " " + back.map(AccessToken::value).orElse("MISSING"));
        }
        return lines;
    }
}
