package dev.nemo.sdk.testkit;

import java.io.IOException;
import java.util.Optional;

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
     * Whether this renderer refuses an uploaded file outright, because it could never render it.
     * The emulator asks when a file is uploaded, before storing it, and answers a refused upload
     * with the "unsupported file type" error {@code 4001} (the SDK's
     * {@code UnsupportedFileTypeException}), as the real service does for types it does not take.
     * The file is not stored yet, so {@link SourceMedia#url()} is empty. It must be quick (a look at
     * the file's header, not a decode) and must not throw; an exception counts as accepting.
     *
     * @param media the uploaded file
     * @return why the file is refused, or empty to accept it (the default: accept everything)
     */
    default Optional<String> rejects(SourceMedia media) {
        return Optional.empty();
    }

    /**
     * @param request what to render
     * @return the output file
     * @throws IOException when rendering fails; the render's status becomes {@code failed} with
     *                     the exception's message as its {@code error}. An
     *                     {@link UnrenderableMediaException} also gives the status the code {@code 4001}.
     */
    RenderOutput render(RenderInput request) throws IOException;
}
