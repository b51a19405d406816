package dev.nemo.sdk.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.auth.AccessToken;
import dev.nemo.sdk.internal.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

    private final Path configDir;
    private final Path file;
    private final String key;

    private AnonymousTokenStore(Path configDir, String key) {
        this.configDir = configDir;
        this.file = configDir.resolve(FILE_NAME);
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
        return new AnonymousTokenStore(configDir, baseUrl + " " + clientId);
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
            Instant expires = entry.hasNonNull("expires_at")
                    ? Instant.parse(entry.get("expires_at").asText())
                    : null;
            String userId = entry.hasNonNull("user_id") ? entry.get("user_id").asText() : null;
            return Optional.of(new AccessToken(token, expires, userId));
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring an unreadable {}: {}", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * Keeps the token for the next run; a failure is logged, never thrown.
     *
     * @param token the token to keep for the next run
     */
    public void save(AccessToken token) {
        try {
            ConfigLock.holding(configDir, () -> write(token));
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "could not save the anonymous token in {} ({}); the next run will request a new one",
                    file,
                    e.getClass().getSimpleName());
        }
    }

    /** Under the config lock, so that another process's entry written meanwhile is not lost. */
    private Void write(AccessToken token) throws IOException {
        ObjectNode root = Json.newObject();
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
        ConfigLock.replace(file, Json.write(root));
        return null;
    }
}
