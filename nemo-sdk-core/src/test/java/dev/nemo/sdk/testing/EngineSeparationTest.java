package dev.nemo.sdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Surefire's counts are true: no core test class mixes jqwik and Jupiter, and a mix still fails loudly. */
class EngineSeparationTest {

    @Test
    void noTestClassOfThisModuleMixesTheEngines() {
        assertThat(EngineSeparation.mixedClassesBeside(EngineSeparationTest.class))
                .as("classes mixing jqwik and Jupiter tests (move the properties to a *Properties class)")
                .containsExactly(MixedEnginesSample.class.getName());
    }

    @Test
    void aFailingJupiterCaseInAMixedClassIsReportedAsAFailure() {
        assertThat(EngineSeparation.isMixed(MixedEnginesSample.class)).isTrue();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(MixedEnginesSample.class))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();

        launcher.execute(request, listener);

        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsFoundCount())
                .as("one jqwik property and one Jupiter test")
                .isEqualTo(2);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(summary.getTotalFailureCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException()).hasMessage("this Jupiter case fails on purpose");
    }
}
