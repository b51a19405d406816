package dev.nemo.sdk.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RetryPolicy;
import java.nio.file.Path;
import java.util.Map;

/** Builds clients wired to a WireMock server, with virtual time and no real environment. */
public final class WireMockSupport {
    private WireMockSupport() {
    }

    /** {@return a started WireMock server on a loopback ephemeral port} */
    public static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1").disableRequestJournal().enableBrowserProxying(false));
        server.start();
        return server;
    }

    /** {@return a started WireMock server that keeps a journal (for verify)} */
    public static WireMockServer startWithJournal() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    /**
     * A builder for a client of a stub server.
     *
     * @param server    the stub server
     * @param time      virtual clock and sleeper
     * @param configDir where a client id may be persisted
     * @return a builder for a client that talks to {@code server}, reads no real environment
     *         variables, and waits in virtual time
     */
    public static NemoClient.Builder client(WireMockServer server, VirtualTime time, Path configDir) {
        return client(server.baseUrl(), time, configDir);
    }

    /**
     * A builder for a client of a stub server given by its address.
     *
     * @param baseUrl   where the stub server listens
     * @param time      virtual clock and sleeper
     * @param configDir where a client id may be persisted
     * @return a builder for a client that talks to {@code baseUrl}, reads no real environment
     *         variables, and waits in virtual time
     */
    public static NemoClient.Builder client(String baseUrl, VirtualTime time, Path configDir) {
        return NemoClient.builder()
                .baseUrl(baseUrl)
                .environment(Map.of())
                .configDirectory(configDir)
                .clock(time)
                .sleeper(time)
                .retryPolicy(RetryPolicy.defaults());
    }
}
