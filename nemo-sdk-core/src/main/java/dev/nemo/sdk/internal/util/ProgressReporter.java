package dev.nemo.sdk.internal.util;

import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one progress listener under the rule every operation shares: a listener that throws is
 * logged once at WARN and not called again for that operation, which goes on.
 *
 * @param <L> the listener type
 */
public final class ProgressReporter<L> {
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.progress");

    private final L listener;
    private final String operation;
    private volatile boolean failed;

    /**
     * Creates it from its parts.
     *
     * @param listener  the listener
     * @param operation what it follows, for the log ({@code upload}, {@code export}, {@code chat})
     */
    public ProgressReporter(L listener, String operation) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.operation = operation;
    }

    /**
     * Tells the listener something, unless it has failed before: a listener that throws is logged
     * once and not called again.
     *
     * @param call what to tell the listener
     */
    public void report(Consumer<? super L> call) {
        if (failed) {
            return;
        }
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            failed = true;
            LOG.warn("The {} progress listener failed; it is not called again for this {}", operation, operation, e);
        }
    }
}
