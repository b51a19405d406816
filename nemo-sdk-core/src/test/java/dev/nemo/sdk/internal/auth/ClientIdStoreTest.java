package dev.nemo.sdk.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientIdStoreTest {
    @TempDir
    Path dir;

    @Test
    void explicitBeatsEnvironmentBeatsFile() {
        assertThat(ClientIdStore.resolve("explicit", Map.of("NEMO_CLIENT_ID", "env"), dir))
                .isEqualTo("explicit");
        assertThat(ClientIdStore.resolve(null, Map.of("NEMO_CLIENT_ID", "env"), dir))
                .isEqualTo("env");
        assertThat(Files.exists(dir.resolve("client_id"))).isFalse();
    }

    @Test
    void createsAUuidOnceWithOwnerOnlyPermissionsAndReusesIt() throws Exception {
        Path config = dir.resolve("nested/nemovideo");
        String first = ClientIdStore.resolve(null, Map.of(), config);
        String second = ClientIdStore.resolve(null, Map.of(), config);

        assertThat(UUID.fromString(first)).hasToString(first);
        assertThat(second).isEqualTo(first);
        Path file = config.resolve("client_id");
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
        try (var files = Files.list(config)) {
            // no temporary file left; .lock is the (empty) file the writers of the folder lock
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("client_id", ".lock");
        }
    }

    @Test
    void aCorruptFileIsReplaced() throws Exception {
        Files.writeString(dir.resolve("client_id"), "has spaces and is way too long ".repeat(5));
        String id = ClientIdStore.resolve(null, Map.of(), dir);
        assertThat(UUID.fromString(id)).hasToString(id);
        assertThat(Files.readString(dir.resolve("client_id")).strip()).isEqualTo(id);
    }

    @Test
    void anExistingIdIsKept() throws Exception {
        Files.writeString(dir.resolve("client_id"), "my-stable-id\n");
        assertThat(ClientIdStore.resolve(null, Map.of(), dir)).isEqualTo("my-stable-id");
    }

    @Test
    void idsLongerThan64CharactersAreRejected() {
        assertThatThrownBy(() -> ClientIdStore.resolve(null, Map.of("NEMO_CLIENT_ID", "a".repeat(65)), dir))
                .hasMessageContaining("64");
    }
}
