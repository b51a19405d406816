package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.session.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JUnit 5 extension injects a started emulator and a client pointed at it. */
@NemoEmulatorTest(seed = 99, clientId = "annotated-client")
class NemoEmulatorExtensionTest {
    private NemoEmulator fromBeforeEach;

    @BeforeEach
    void setUp(NemoEmulator emulator) {
        fromBeforeEach = emulator;
    }

    @Test
    void injectsAClientWiredToTheInjectedEmulator(NemoClient client, NemoEmulator emulator) {
        Session session = client.sessions().create();

        assertThat(emulator).isSameAs(fromBeforeEach);
        assertThat(emulator.isClosed()).isFalse();
        assertThat(client.baseUrl().toString()).isEqualTo(emulator.baseUrl());
        assertThat(client.clientId()).hasValue("annotated-client");
        assertThat(emulator.options().seed()).isEqualTo(99);
        assertThat(emulator.session(session.sessionId())).isPresent();
        assertThat(emulator.requests(Endpoint.ANONYMOUS_TOKEN).get(0).header("X-Client-Id"))
                .hasValue("annotated-client");
    }

    @Test
    void eachTestGetsAFreshEmulator(NemoEmulator emulator) {
        assertThat(emulator.sessions()).isEmpty();
        assertThat(emulator.requests()).isEmpty();
    }
}
