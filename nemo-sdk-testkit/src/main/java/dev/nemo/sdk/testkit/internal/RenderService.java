package dev.nemo.sdk.testkit.internal;

import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.RenderInput;
import dev.nemo.sdk.testkit.RenderOutput;
import dev.nemo.sdk.testkit.Renderer;
import dev.nemo.sdk.testkit.SourceMedia;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs renders on the emulator's own worker threads with the chosen {@link Renderer}. */
public final class RenderService implements AutoCloseable {
    private static final int MAX_PROVIDERS = 64;

    private final Renderer renderer;
    private final ExecutorService executor;

    /** @param renderer the renderer */
    public RenderService(Renderer renderer) {
        this.renderer = renderer;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "nemo-emulator-render-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param options the options
     * @return the explicit renderer, else the first available one {@link ServiceLoader} finds (a
     *         provider that fails to load or says it is unavailable is skipped), else the passthrough
     */
    public static Renderer choose(EmulatorOptions options) {
        if (options.renderer().isPresent()) {
            return options.renderer().get();
        }
        return firstAvailable(ServiceLoader.load(Renderer.class).iterator());
    }

    static Renderer firstAvailable(Iterator<Renderer> found) {
        for (int i = 0; i < MAX_PROVIDERS; i++) {
            try {
                if (!found.hasNext()) {
                    break;
                }
                Renderer r = found.next();
                if (r.isAvailable()) {
                    return r;
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                // a provider that cannot be loaded here (missing classes or natives): try the next
            }
        }
        return new PassthroughRenderer();
    }

    /** @return the renderer's name */
    public String name() {
        return renderer.name();
    }

    /**
     * @param media an uploaded file
     * @return why the renderer refuses it, or empty; a renderer whose check fails accepts the file
     */
    Optional<String> rejects(SourceMedia media) {
        try {
            Optional<String> reason = renderer.rejects(media);
            return reason == null ? Optional.empty() : reason.filter(r -> !r.isBlank());
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    Future<RenderOutput> start(RenderInput request) {
        return executor.submit(() -> renderer.render(request));
    }

    /** Interrupts running renders and waits (briefly) for the workers to end. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
