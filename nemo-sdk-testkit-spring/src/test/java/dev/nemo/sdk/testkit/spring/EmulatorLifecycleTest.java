package dev.nemo.sdk.testkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.testkit.NemoEmulator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

class EmulatorLifecycleTest {

    @EnableNemoEmulator(seed = 7)
    static class Annotated {}

    static class Plain {}

    private static ContextCustomizerFactory factory() {
        return SpringFactoriesLoader.loadFactories(ContextCustomizerFactory.class, null).stream()
                .filter(f -> f.getClass().getName().startsWith("dev.nemo"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theEmulatorStartsWithTheContextAndStopsWithIt() {
        ContextCustomizer customizer = factory().createContextCustomizer(Annotated.class, List.of());
        NemoEmulator emulator;
        try (GenericApplicationContext ctx = new GenericApplicationContext()) {
            customizer.customizeContext(ctx, null);
            ctx.refresh();
            emulator = ctx.getBean(NemoEmulator.class);
            assertThat(emulator.isClosed()).isFalse();
            assertThat(ctx.getEnvironment().getProperty("nemo.base-url")).isEqualTo(emulator.baseUrl());
        }
        assertThat(emulator.isClosed()).isTrue();
    }

    @Test
    void onlyAnnotatedClassesGetAnEmulatorAndEqualSettingsShareAContext() {
        assertThat(factory().createContextCustomizer(Plain.class, List.of())).isNull();
        assertThat(factory().createContextCustomizer(Annotated.class, List.of()))
                .isEqualTo(factory().createContextCustomizer(Annotated.class, List.of()));
    }
}
