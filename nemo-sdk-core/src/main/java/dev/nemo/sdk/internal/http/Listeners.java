package dev.nemo.sdk.internal.http;

import dev.nemo.sdk.RequestListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's {@link RequestListener}s as one: each event goes to every listener in order, and a
 * listener that throws is logged at WARN and skipped, never breaking the call.
 */
public final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.listener");
    private static final Listeners NONE = new Listeners(List.of());

    private final List<RequestListener> listeners;

    private Listeners(List<RequestListener> listeners) {
        this.listeners = listeners;
    }

    /**
     * {@return their composite}
     *
     * @param listeners the listeners, in call order
     */
    public static Listeners of(List<RequestListener> listeners) {
        return listeners.isEmpty() ? NONE : new Listeners(List.copyOf(listeners));
    }

    /** {@return a composite without listeners} */
    public static Listeners none() {
        return NONE;
    }

    /** {@return whether no listener is set (callers may skip building events)} */
    public boolean isEmpty() {
        return listeners.isEmpty();
    }

    /**
     * Delivers one event to every listener.
     *
     * @param what  the event's name, for the log
     * @param event calls one listener
     */
    public void emit(String what, Consumer<RequestListener> event) {
        for (RequestListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn(
                        "The request listener {} threw from {}; the call goes on",
                        l.getClass().getName(),
                        what,
                        e);
            }
        }
    }
}
