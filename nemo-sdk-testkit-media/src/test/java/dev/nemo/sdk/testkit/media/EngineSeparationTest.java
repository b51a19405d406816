package dev.nemo.sdk.testkit.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.testing.EngineSeparation;
import org.junit.jupiter.api.Test;

/** Surefire's counts are true: no test class of this module mixes jqwik properties and Jupiter tests. */
class EngineSeparationTest {

    @Test
    void noTestClassOfThisModuleMixesTheEngines() {
        assertThat(EngineSeparation.mixedClassesBeside(EngineSeparationTest.class))
                .as("classes mixing jqwik and Jupiter tests (move the properties to a *Properties class)")
                .isEmpty();
    }
}
