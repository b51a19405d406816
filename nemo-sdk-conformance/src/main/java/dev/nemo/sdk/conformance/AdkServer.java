package dev.nemo.sdk.conformance;

import com.google.adk.agents.BaseAgent;
import com.google.adk.sessions.BaseSessionService;
import com.google.adk.web.AdkWebServer;
import com.google.adk.web.AgentStaticLoader;
import java.net.URI;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real ADK-Java web server ({@code google-adk-dev}'s {@link AdkWebServer}: {@code /run_sse},
 * the session API) serving one agent, started in-process on an ephemeral loopback port the way
 * {@code AdkWebServer.start} does it internally, but stoppable (contract §8.3).
 */
public final class AdkServer implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final URI baseUri;

    private AdkServer(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.baseUri = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Starts the server (about 3 seconds) on {@code 127.0.0.1} and a free port.
     *
     * @param agent the agent; its name is the app name
     * @return the running server
     */
    public static AdkServer start(BaseAgent agent) {
        SpringApplication app = new SpringApplication(AdkWebServer.class);
        app.setDefaultProperties(Map.of(
                "server.port", "0",
                "server.address", "127.0.0.1",
                "adk.agents.loader", "static",
                "spring.main.banner-mode", "off",
                "server.shutdown", "immediate",
                "logging.level.root", "WARN",
                "logging.level.com.google.adk", "ERROR"));
        app.addInitializers(ctx -> ((DefaultListableBeanFactory) ctx.getBeanFactory())
                .registerSingleton("agentLoader", new AgentStaticLoader(agent)));
        return new AdkServer(app.run());
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public URI baseUri() {
        return baseUri;
    }

    /** @return ADK's in-memory session service: the runner's own stored {@code Event} objects and state */
    public BaseSessionService sessionService() {
        return context.getBean(BaseSessionService.class);
    }

    /** Stops the server; open streams are cut. Idempotent. */
    @Override
    public void close() {
        context.close();
    }
}
