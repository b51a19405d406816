package dev.nemo.sdk.internal.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the stable {@code X-Client-Id}: the builder's value, else {@code NEMO_CLIENT_ID}, else
 * a UUID persisted in {@code <config>/client_id} (created owner-only where the file system allows).
 * A stable id keeps the anonymous-token limit per client rather than per IP address.
 */
public final class ClientIdStore {
    /** Longest id the server accepts. */
    public static final int MAX_LENGTH = 64;
    static final String FILE_NAME = "client_id";

    private ClientIdStore() {
    }

    /**
     * {@return the client id}
     *
     * @param explicit  the builder's value, or {@code null}
     * @param env       environment variables
     * @param configDir directory of the persisted id ({@code ~/.config/nemovideo})
     */
    public static String resolve(@Nullable String explicit, Map<String, String> env, Path configDir) {
        if (explicit != null) {
            return validate(explicit, "clientId");
        }
        String fromEnv = env.get("NEMO_CLIENT_ID");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return validate(fromEnv, "NEMO_CLIENT_ID");
        }
        return loadOrCreate(configDir);
    }

    /**
     * {@return the persisted id, created on first use}
     *
     * @param configDir directory holding {@code client_id}
     */
    public static String loadOrCreate(Path configDir) {
        Path file = configDir.resolve(FILE_NAME);
        try {
            return ConfigLock.holding(configDir, () -> readOrCreate(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the client id in " + file
                    + "; set NEMO_CLIENT_ID or pass clientId(...) to the builder", e);
        }
    }

    /**
     * Under the config lock: the id in the file, or a new one moved into place. The lock is what
     * keeps two processes from both creating one: on POSIX an atomic move replaces an existing
     * file, so without it the second process's id would silently replace the first's.
     */
    private static String readOrCreate(Path file) throws IOException {
        String existing = read(file);
        if (existing != null) {
            return existing;
        }
        String id = UUID.randomUUID().toString();
        ConfigLock.replace(file, (id + "\n").getBytes(StandardCharsets.UTF_8));
        String stored = read(file);
        return stored != null ? stored : id;
    }

    /**
     * Replaces the persisted id with a new UUID (after the server refused the old one with HTTP
     * 400). Written to a temporary file and moved into place, so a reader never sees half an id.
     *
     * @param configDir directory holding {@code client_id}
     * @return the new id
     */
    public static String replace(Path configDir) {
        Path file = configDir.resolve(FILE_NAME);
        String id = UUID.randomUUID().toString();
        try {
            return ConfigLock.holding(configDir, () -> {
                ConfigLock.replace(file, (id + "\n").getBytes(StandardCharsets.UTF_8));
                return id;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a new client id to " + file
                    + "; set NEMO_CLIENT_ID or pass clientId(...) to the builder", e);
        }
    }

    private static @Nullable String read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String s = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
        if (s.isEmpty() || s.length() > MAX_LENGTH || s.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return null;
        }
        return s;
    }

    /**
     * {@return the stripped id}
     *
     * @param id   candidate id
     * @param name where it came from, for the message
     */
    public static String validate(String id, String name) {
        String s = id.strip();
        if (s.isEmpty() || s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(name + " must be 1 to " + MAX_LENGTH + " characters");
        }
        if (s.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException(name + " must be printable ASCII without spaces");
        }
        return s;
    }
}
