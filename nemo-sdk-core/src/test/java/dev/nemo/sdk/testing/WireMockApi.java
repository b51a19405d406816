package dev.nemo.sdk.testing;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.nemo.sdk.NemoClient;
import java.nio.file.Path;

/**
 * A WireMock server that stands in for the API for one test, keeps a journal (for verify), and
 * shares one {@link VirtualTime} with the clients it builds. Register it as an instance field with
 * {@code @RegisterExtension}: the server starts before each test and stops after it (after the
 * test's own {@code @AfterEach}), and each test instance gets its own virtual time.
 */
public final class WireMockApi extends WireMockExtension {
    private final VirtualTime time = VirtualTime.create();

    /**
     * A server on a loopback ephemeral port, with a request journal. It speaks HTTP/1.1 only, as the API (HTTPS,
     * HTTP/2 by ALPN) and the emulator never answer a cleartext {@code h2c} upgrade: a client's first request
     * carries one, and a server that switches protocols while a streamed upload is still being sent can close
     * the connection under it.
     */
    public WireMockApi() {
        super(WireMockExtension.newInstance()
                .options(WireMockConfiguration.options()
                        .dynamicPort()
                        .bindAddress("127.0.0.1")
                        .http2PlainDisabled(true)));
    }

    /** {@return the virtual clock and sleeper of the clients this server builds} */
    public VirtualTime time() {
        return time;
    }

    /**
     * A builder for a client of this server: the client reads no real environment variables and waits in
     * {@link #time()}.
     *
     * @param configDir where a client id and an anonymous token may be persisted
     * @return the builder, ready for more settings
     */
    public NemoClient.Builder client(Path configDir) {
        return WireMockSupport.client(baseUrl(), time, configDir);
    }
}
