package dev.nemo.sdk.moduletest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.reactive.ReactiveNemoClient;
import dev.nemo.sdk.testkit.NemoEmulator;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs on the module path (surefire {@code useModulePath}): the consumer, the core and the reactive
 * module are named modules, and the calls below go through the SDK's module descriptors.
 */
class ModulePathTest {

    @TempDir
    Path dir;

    NemoEmulator emulator;

    @BeforeEach
    void start() {
        emulator = NemoEmulator.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void theSdkAndTheConsumerAreNamedModules() {
        assertThat(ModuleConsumer.class.getModule().getName()).isEqualTo("dev.nemo.sdk.moduletest");
        assertThat(NemoClient.class.getModule().getName()).isEqualTo("dev.nemo.sdk");
        assertThat(ReactiveNemoClient.class.getModule().getName()).isEqualTo("dev.nemo.sdk.reactive");
        assertThat(ModuleConsumer.class.getModule().canRead(NemoClient.class.getModule()))
                .isTrue();
    }

    @Test
    void theCoreExportsItsApiAndHidesItsInternals() {
        ModuleDescriptor core = NemoClient.class.getModule().getDescriptor();
        var exported = core.exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());

        assertThat(exported).contains("dev.nemo.sdk", "dev.nemo.sdk.error", "dev.nemo.sdk.chat");
        assertThat(exported).noneMatch(p -> p.contains(".internal"));
        assertThat(core.packages()).anyMatch(p -> p.startsWith("dev.nemo.sdk.internal"));
    }

    @Test
    void theBlockingClientWorksFromANamedModule() {
        assertThat(ModuleConsumer.balance(emulator.baseUrl(), dir).available()).isPositive();
    }

    @Test
    void theReactiveClientWorksFromANamedModule() {
        String id = ModuleConsumer.reactiveSession(emulator.baseUrl(), dir);

        assertThat(emulator.session(id)).isPresent();
    }
}
