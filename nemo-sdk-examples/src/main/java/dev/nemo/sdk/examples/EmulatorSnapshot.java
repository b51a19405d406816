package dev.nemo.sdk.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nemo.sdk.testkit.EmulatorRender;
import dev.nemo.sdk.testkit.EmulatorSession;
import dev.nemo.sdk.testkit.NemoEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes what a standalone emulator holds to its data directory: {@code sessions/<id>.json} (the
 * session state: media and draft) and {@code renders/<id>.json} with the output file beside it. No
 * token or credential is ever written.
 */
final class EmulatorSnapshot {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EmulatorSnapshot() {}

    static void write(NemoEmulator emulator, Path dir) {
        try {
            Path sessions = Files.createDirectories(dir.resolve("sessions"));
            for (EmulatorSession s : emulator.sessions()) {
                JSON.writeValue(
                        sessions.resolve(safe(s.sessionId()) + ".json").toFile(),
                        JSON.createObjectNode()
                                .put("sessionId", s.sessionId())
                                .put("taskName", s.taskName())
                                .put("edits", s.edits())
                                .set("state", JSON.readTree(s.state().toJson())));
            }
            Path renders = Files.createDirectories(dir.resolve("renders"));
            for (EmulatorRender r : emulator.renders()) {
                JSON.writeValue(renders.resolve(safe(r.id()) + ".json").toFile(), r);
                if (r.output().isPresent()) {
                    copyOutput(r, renders);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the emulator's data to " + dir, e);
        }
    }

    private static void copyOutput(EmulatorRender r, Path renders) throws IOException {
        String url = r.output().orElseThrow();
        String name = url.substring(url.lastIndexOf('/') + 1);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
        try (InputStream in = URI.create(url).toURL().openStream()) {
            Files.copy(in, renders.resolve(safe(r.id()) + extension), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Ids are the clients' choice: keep them to one harmless path segment. */
    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
