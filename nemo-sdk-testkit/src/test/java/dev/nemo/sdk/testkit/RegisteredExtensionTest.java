package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension registered programmatically, with options the annotation does not cover. */
class RegisteredExtensionTest {
    @RegisterExtension
    static final NemoEmulatorExtension NEMO = NemoEmulatorExtension.withOptions(
                    EmulatorOptions.builder().anonymousCredits(7).build())
            .withClientId("registered-client");

    @Test
    void usesTheRegisteredOptions(NemoClient client, NemoEmulator emulator) {
        assertThat(client.credits().balance().available()).isEqualTo(7);
        assertThat(emulator.accountForClient("registered-client")).isPresent();
    }
}
