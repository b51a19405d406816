package dev.nemo.sdk.testkit.spring.internal;

import dev.nemo.sdk.spring.boot.NemoClientBuilderCustomizer;
import dev.nemo.sdk.testkit.NemoEmulator;
import dev.nemo.sdk.testkit.spring.NemoEmulatorProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/** Starts an emulator for one application context, exposes it as a bean, and stops it with the context. */
final class EmulatorContextCustomizer implements ContextCustomizer {
    static final String PROPERTY_SOURCE = "nemoEmulator";

    private final EmulatorSettings settings;

    EmulatorContextCustomizer(EmulatorSettings settings) {
        this.settings = settings;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        Path dir = tempDirectory();
        NemoEmulator emulator = NemoEmulator.start(settings.options());
        Map<String, Object> props = new HashMap<>(NemoEmulatorProperties.of(emulator, dir));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, props));
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton("nemoEmulator", emulator);
        beans.registerDisposableBean("nemoEmulatorShutdown", () -> {
            emulator.close();
            deleteRecursively(dir);
        });
        if (settings.fastWaits()) {
            NemoClientBuilderCustomizer fast = b -> b.sleeper(new FastSleeper());
            beans.registerSingleton("nemoEmulatorFastWaits", fast);
        }
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("nemo-emulator-spring");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: best effort
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmulatorContextCustomizer other && other.settings.equals(settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }
}
