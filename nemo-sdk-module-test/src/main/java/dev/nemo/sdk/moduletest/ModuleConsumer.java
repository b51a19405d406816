package dev.nemo.sdk.moduletest;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.credits.Credits;
import dev.nemo.sdk.reactive.ReactiveNemoClient;
import dev.nemo.sdk.session.Session;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** Application code in a named module: builds a client, makes calls, closes it. */
public final class ModuleConsumer {

    private ModuleConsumer() {}

    /**
     * Reads the credit balance with the blocking client (anonymous credentials).
     *
     * @param baseUrl         the API to call
     * @param configDirectory where the client may persist its client id
     * @return the balance the API reported
     */
    public static Credits balance(String baseUrl, Path configDirectory) {
        try (NemoClient client = client(baseUrl, configDirectory)) {
            return client.credits().balance();
        }
    }

    /**
     * Creates a session through the Reactor client.
     *
     * @param baseUrl         the API to call
     * @param configDirectory where the client may persist its client id
     * @return the new session's id
     */
    public static String reactiveSession(String baseUrl, Path configDirectory) {
        try (NemoClient client = client(baseUrl, configDirectory)) {
            Session session =
                    ReactiveNemoClient.create(client).sessions().create().block();
            return Objects.requireNonNull(session, "no session").sessionId();
        }
    }

    private static NemoClient client(String baseUrl, Path configDirectory) {
        return NemoClient.builder()
                .baseUrl(baseUrl)
                .environment(Map.of())
                .configDirectory(configDirectory)
                .build();
    }
}
