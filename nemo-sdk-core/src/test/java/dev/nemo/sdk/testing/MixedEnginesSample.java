package dev.nemo.sdk.testing;

import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * A class that mixes the engines on purpose, with a failing Jupiter case: {@code EngineSeparationTest}
 * runs it through the JUnit Platform to show the failure is reported. Surefire never runs it (the
 * name matches no include pattern).
 */
public class MixedEnginesSample {

    @Property(tries = 3)
    void aPassingProperty() {
        // a property with no parameters: three passing tries
    }

    @Test
    void aFailingJupiterCase() {
        throw new AssertionError("this Jupiter case fails on purpose");
    }
}
