package dev.nemo.sdk.spring.boot;

import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.NemoEmulator;
import java.nio.file.Path;

/** An emulator with one registered user, and the properties that point a Boot app at it. */
final class EmulatorFixture implements AutoCloseable {
    static final String TOKEN = "nemo-spring-test-token-7f3a9c";

    final NemoEmulator emulator =
            NemoEmulator.start(EmulatorOptions.builder().staticToken(TOKEN, 500).build());

    /** @return properties for a client with the registered token, no environment variables read */
    String[] tokenProperties(Path configDir) {
        return new String[] {
            "nemo.base-url=" + emulator.baseUrl(),
            "nemo.token=" + TOKEN,
            "nemo.use-environment-variables=false",
            "nemo.config-directory=" + configDir,
            "nemo.retry.initial-backoff=1ms",
            "nemo.retry.max-backoff=2ms"
        };
    }

    @Override
    public void close() {
        emulator.close();
    }
}
