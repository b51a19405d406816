package dev.nemo.sdk.reactive;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.testing.WireMockSupport;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WireMock server, a core client wired to it ({@link Stubs#core}) and the reactive client over
 * that core, fresh for every test and closed after it.
 */
abstract class ReactiveWireMockTest {
    @TempDir
    Path dir;

    WireMockServer wm;
    NemoClient core;
    ReactiveNemoClient reactive;

    @BeforeEach
    void startServerAndClients() {
        wm = WireMockSupport.startWithJournal();
        core = Stubs.core(wm, dir);
        reactive = ReactiveNemoClient.create(core);
    }

    @AfterEach
    void stopServerAndClients() {
        reactive.close();
        core.close();
        wm.stop();
    }
}
