package dev.nemo.sdk.internal.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
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
            String existing = read(file);
            if (existing != null) {
                return existing;
            }
            Files.createDirectories(configDir);
            String id = UUID.randomUUID().toString();
            Path tmp = Files.createTempFile(configDir, FILE_NAME, ".tmp", ownerOnly(configDir));
            try {
                Files.write(tmp, (id + "\n").getBytes(StandardCharsets.UTF_8));
                try {
                    // no REPLACE_EXISTING: if another process won the race, its id is the one to use
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | UnsupportedOperationException race) {
                    String winner = read(file);
                    if (winner != null) {
                        return winner;
                    }
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            String stored = read(file);
            return stored != null ? stored : id;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the client id in " + file
                    + "; set NEMO_CLIENT_ID or pass clientId(...) to the builder", e);
        }
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
            Files.createDirectories(configDir);
            Path tmp = Files.createTempFile(configDir, FILE_NAME, ".tmp", ownerOnly(configDir));
            try {
                Files.write(tmp, (id + "\n").getBytes(StandardCharsets.UTF_8));
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return id;
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

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-------");
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)};
        }
        return new FileAttribute<?>[0];
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
