package dev.nemo.sdk.testkit.contract;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.NemoEmulator;
import dev.nemo.sdk.testkit.RenderPacing;
import dev.nemo.sdk.testkit.SilentEdits;
import java.nio.file.Files;
import java.nio.file.Path;

/** The contract scenarios against the emulator. */
class EmulatorContractTest extends ContractScenarios {
    private NemoEmulator emulator;

    @Override
    NemoClient.Builder start(Path configDir) {
        emulator = NemoEmulator.start(EmulatorOptions.builder()
                .clock(time)
                .silentEdits(SilentEdits.ALWAYS)
                .renderPacing(RenderPacing.afterPolls(2))
                .build());
        return emulator.clientBuilder(configDir).clientId(CLIENT_ID);
    }

    @Override
    void stopBackend() {
        emulator.close();
    }

    @Override
    String sessionWithMedia() throws Exception {
        String sid = client.sessions().create().sessionId();
        Path file = dir.resolve("cat.gif");
        Files.write(file, GIF);
        client.uploads().upload(sid, file);
        return sid;
    }

    @Override
    void outOfCredits() {
        emulator.setCredits(emulator.accountForClient(CLIENT_ID).orElseThrow().userId(), 0);
    }

    @Override
    boolean cdnSawAuthorization() {
        return emulator.cdnRequests().isEmpty()
                || emulator.cdnRequests().stream().anyMatch(r -> r.hasHeader("Authorization"));
    }
}
