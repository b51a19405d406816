package dev.nemo.sdk.testkit.media;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit: one {@link MediaTestSupport#testEngine() test engine} for a test class, closed after it;
 * every test skips, with the reason on the console, where FFmpeg's natives cannot load. Register it
 * with {@code @RegisterExtension static final MediaEngineExtension ENGINE = new MediaEngineExtension();}.
 */
public final class MediaEngineExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private MediaEngine engine;

    /**
     * The class's engine.
     *
     * @return the engine (null only where the natives cannot load, and then no test runs)
     */
    public MediaEngine engine() {
        return engine;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (MediaEngine.availability().available()) {
            engine = MediaTestSupport.testEngine();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        MediaTestSupport.assumeNatives();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
