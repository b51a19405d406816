package dev.nemo.sdk.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.auth.AccessToken;
import dev.nemo.sdk.internal.json.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the anonymous token between runs, next to the client id, in an owner-only file
 * ({@code anonymous-token.json}). The server hands out one anonymous token per client id per
 * seven days, so a process that forgot its token would be refused (429) until it expires.
 * Entries are keyed by API base URL and client id; failures to read or write are logged (without
 * the token) and never fail a call.
 */
public final class AnonymousTokenStore {
    static final String FILE_NAME = "anonymous-token.json";
    private static final Logger LOG = LoggerFactory.getLogger(AnonymousTokenStore.class);

    private final Path file;
    private final String key;

    private AnonymousTokenStore(Path file, String key) {
        this.file = file;
        this.key = key;
    }

    /**
     * {@return a store for that token}
     *
     * @param configDir the directory of {@code client_id}
     * @param baseUrl   the API base URL the token belongs to
     * @param clientId  the client id it was issued for
     */
    public static AnonymousTokenStore in(Path configDir, String baseUrl, String clientId) {
        return new AnonymousTokenStore(configDir.resolve(FILE_NAME), baseUrl + " " + clientId);
    }

    /** {@return the saved token, when there is one} */
    public Optional<AccessToken> load() {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            JsonNode entry = Json.parse(Files.readAllBytes(file)).path("tokens").path(key);
            String token = entry.path("token").asText("");
            if (token.isBlank()) {
                return Optional.empty();
            }
            Instant expires = entry.hasNonNull("expires_at") ? Instant.parse(entry.get("expires_at").asText()) : null;
            String userId = entry.hasNonNull("user_id") ? entry.get("user_id").asText() : null;
            return Optional.of(new AccessToken(token, expires, userId));
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring an unreadable {}: {}", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * Keeps a token for the next run.
     *
     * @param token the token
     */
    public void save(AccessToken token) {
        try {
            Files.createDirectories(file.getParent());
            ObjectNode root = Json.mapper().createObjectNode();
            if (Files.isRegularFile(file)) {
                try {
                    JsonNode existing = Json.parse(Files.readAllBytes(file));
                    if (existing.isObject()) {
                        root = (ObjectNode) existing;
                    }
                } catch (IOException | DateTimeParseException e) {
                    LOG.debug("replacing an unreadable {}", file);
                }
            }
            ObjectNode tokens = root.get("tokens") instanceof ObjectNode o ? o : root.putObject("tokens");
            ObjectNode entry = tokens.putObject(key).put("token", token.value());
            token.userId().ifPresent(u -> entry.put("user_id", u));
            token.expiresAt().ifPresent(e -> entry.put("expires_at", e.toString()));
            Path dir = Objects.requireNonNull(file.getParent(), "the store's file is in the config directory");
            Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp", ownerOnly(dir));
            try {
                Files.write(tmp, Json.write(root));
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not save the anonymous token in {} ({}); the next run will request a new one",
                    file, e.getClass().getSimpleName());
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
