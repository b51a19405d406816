package dev.nemo.sdk.conformance;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.conformance.agent.Gate;
import dev.nemo.sdk.conformance.agent.NemoAgent;
import dev.nemo.sdk.conformance.gateway.AdkGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One real ADK-Java server with the scripted {@code nemo_agent}, the NemoVideo gateway in front of
 * it, and an SDK client that gets an anonymous token from the gateway, all on loopback.
 */
final class AdkHarness implements AutoCloseable {
    final Gate gate = new Gate();
    final AdkServer adk;
    final AdkGateway gateway;
    final NemoClient client;
    private final Path config;

    AdkHarness() throws IOException {
        adk = AdkServer.start(NemoAgent.create(gate));
        gateway = AdkGateway.start(adk.baseUri(), NemoAgent.NAME);
        config = Files.createTempDirectory("nemo-conformance");
        client = NemoClient.builder()
                .baseUrl(gateway.baseUrl())
                .environment(Map.of())
                .clientId("conformance-client")
                .configDirectory(config)
                .persistAnonymousToken(false)
                .build();
    }

    @Override
    public void close() {
        client.close();
        gateway.close();
        adk.close();
        gate.release();
        try (var files = Files.walk(config)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not delete " + config + ": " + e);
        }
    }
}
