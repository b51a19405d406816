package dev.nemo.sdk.testkit.spring.internal;

import dev.nemo.sdk.testkit.spring.EnableNemoEmulator;
import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Registered in {@code META-INF/spring.factories}: acts on test classes with {@link EnableNemoEmulator}. */
public final class EmulatorContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        EnableNemoEmulator a = TestContextAnnotationUtils.findMergedAnnotation(testClass, EnableNemoEmulator.class);
        return a == null ? null : new EmulatorContextCustomizer(EmulatorSettings.of(a));
    }
}
