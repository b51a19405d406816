package dev.nemo.sdk.testkit;

import java.io.IOException;

/**
 * Turns an export request (draft, output options, source media) into an output file. This is the
 * plug-in point for a real media engine: implement it, list the class in
 * {@code META-INF/services/dev.nemo.sdk.testkit.Renderer} (or {@code provides} it from a module),
 * and the emulator finds it with {@link java.util.ServiceLoader}. Without one, the emulator uses
 * a passthrough renderer that returns the uploaded source unchanged and says so in the render
 * status ({@code "renderer":"passthrough","converted":false}). A renderer set with
 * {@link EmulatorOptions.Builder#renderer(Renderer)} wins over discovered ones.
 *
 * <p>A discovered renderer whose {@link #isAvailable()} is false (say, its native libraries do
 * not load on this machine), or that cannot be instantiated, is skipped.
 *
 * <p>Renders run on the emulator's own worker threads, one call per export; implementations must
 * be thread-safe and should honour interruption (an export can be cancelled, and the emulator
 * interrupts running renders when it stops).
 */
public interface Renderer {

    /** @return a short name reported in render responses, for example {@code passthrough} or {@code ffmpeg} */
    String name();

    /**
     * @return whether this renderer can work on this machine; the emulator skips a discovered
     *         renderer that cannot (and falls back to the passthrough). True by default.
     */
    default boolean isAvailable() {
        return true;
    }

    /**
     * @param request what to render
     * @return the output file
     * @throws IOException when rendering fails; the render's status becomes {@code failed} with
     *                     the exception's message as its {@code error}
     */
    RenderOutput render(RenderRequest request) throws IOException;
}
