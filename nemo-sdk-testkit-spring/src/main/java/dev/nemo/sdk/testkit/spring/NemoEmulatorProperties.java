package dev.nemo.sdk.testkit.spring;

import dev.nemo.sdk.testkit.NemoEmulator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The {@code nemo.*} properties that point the auto-configured client at an emulator, for a
 * {@code @DynamicPropertySource} method when {@link EnableNemoEmulator} does not fit (for example
 * one emulator for a whole test class hierarchy):
 *
 * <pre>{@code
 * static final NemoEmulator EMULATOR = NemoEmulator.start();
 *
 * @DynamicPropertySource
 * static void nemo(DynamicPropertyRegistry registry) {
 *     NemoEmulatorProperties.register(registry, EMULATOR, tempDir);
 * }
 * }</pre>
 *
 * Properties alone cannot change the client's sleeper: polls wait {@code nemo.polling.interval}
 * (10 ms here) only where the app uses the {@code PollingStrategy} bean, and retry waits are cut
 * to milliseconds; an explicit {@code Retry-After} is still honoured.
 */
public final class NemoEmulatorProperties {
    private NemoEmulatorProperties() {}

    /**
     * @param emulator        the emulator
     * @param configDirectory where the anonymous client id may be written (a temporary directory)
     * @return the properties, in a stable order
     */
    public static Map<String, String> of(NemoEmulator emulator, Path configDirectory) {
        Objects.requireNonNull(emulator, "emulator");
        Objects.requireNonNull(configDirectory, "configDirectory");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("nemo.base-url", emulator.baseUrl());
        p.put("nemo.token", "");
        p.put("nemo.use-environment-variables", "false");
        p.put("nemo.config-directory", configDirectory.toString());
        p.put("nemo.persist-anonymous-token", "false");
        p.put("nemo.polling.interval", "10ms");
        p.put("nemo.retry.initial-backoff", "1ms");
        p.put("nemo.retry.max-backoff", "5ms");
        p.put("nemo.retry.default-rate-limit-wait", "5ms");
        return p;
    }

    /**
     * Adds {@link #of(NemoEmulator, Path)} to a {@code @DynamicPropertySource} registry.
     *
     * @param registry        the registry
     * @param emulator        the emulator
     * @param configDirectory where the anonymous client id may be written
     */
    public static void register(DynamicPropertyRegistry registry, NemoEmulator emulator, Path configDirectory) {
        of(emulator, configDirectory).forEach((k, v) -> registry.add(k, () -> v));
    }
}
