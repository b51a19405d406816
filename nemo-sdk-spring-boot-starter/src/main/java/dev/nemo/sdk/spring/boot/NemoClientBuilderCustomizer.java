package dev.nemo.sdk.spring.boot;

import dev.nemo.sdk.NemoClient;

/**
 * A bean that adjusts the auto-configured {@link NemoClient}'s builder after the {@code nemo.*}
 * properties were applied: anything the properties do not cover (credentials provider, clock,
 * sleeper, executor, {@code HttpClient}, …). Customizers run in {@link org.springframework.core.Ordered}
 * order.
 */
@FunctionalInterface
public interface NemoClientBuilderCustomizer {

    /** @param builder the builder, with the properties already applied */
    void customize(NemoClient.Builder builder);
}
