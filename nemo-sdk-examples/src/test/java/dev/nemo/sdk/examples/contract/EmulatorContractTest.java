package dev.nemo.sdk.examples.contract;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.Endpoint;
import dev.nemo.sdk.testkit.NemoEmulator;
import dev.nemo.sdk.testkit.RecordedRequest;
import dev.nemo.sdk.testkit.SilentEdits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The contract scenarios against the testkit's {@link NemoEmulator} (its defaults, edits never silent). */
class EmulatorContractTest extends ContractScenarios {
    private NemoEmulator emulator;

    @Override
    protected void startServer(VirtualTime time) {
        emulator = NemoEmulator.start(EmulatorOptions.builder()
                .clock(time)
                .silentEdits(SilentEdits.NEVER)
                .build());
    }

    @Override
    protected void stopServer() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Override
    protected NemoClient.Builder clientBuilder(Path configDirectory) {
        return emulator.clientBuilder(configDirectory);
    }

    @Override
    protected void arrangeOutOfCredits(String userId) {
        emulator.setCredits(userId, 0);
    }

    @Override
    protected void arrangeTokenExpiresOnNextCall() {
        emulator.faults().expireTokenOnNextCall();
    }

    @Override
    protected List<Seen> requests() {
        return emulator.requests().stream().map(EmulatorContractTest::seen).collect(Collectors.toList());
    }

    private static Seen seen(RecordedRequest r) {
        Map<String, String> headers = new LinkedHashMap<>();
        r.headers().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return new Seen(
                r.method(),
                r.path(),
                headers,
                new String(r.body(), StandardCharsets.UTF_8),
                r.endpoint() == Endpoint.CDN);
    }
}
