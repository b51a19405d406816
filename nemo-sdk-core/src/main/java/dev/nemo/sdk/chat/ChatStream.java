package dev.nemo.sdk.chat;

import dev.nemo.sdk.error.NemoException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The events of one chat message, read as they arrive. Close it (try-with-resources) to stop
 * early: closing cancels the HTTP exchange and frees the connection at once.
 *
 * <pre>{@code
 * try (ChatStream events = client.chat().stream(sessionId, "make it loop twice")) {
 *     events.stream()
 *           .filter(e -> e instanceof ChatEvent.AgentText)
 *           .forEach(e -> System.out.print(((ChatEvent.AgentText) e).text()));
 * }
 * }</pre>
 *
 * <p>{@link #hasNext()} blocks until an event arrives or the stream ends. When the stream fails
 * (refused before it started, cut, timed out), {@code hasNext()} throws the typed
 * {@link NemoException}; {@link #result()} instead reports an interrupted
 * stream as a {@link ChatResult}. Not thread-safe: read it from one thread.
 */
public interface ChatStream extends Iterator<ChatEvent>, AutoCloseable {

    /**
     * {@return whether another event is available, waiting for it if needed}
     *
     * @throws NemoException when the stream failed (refusal, cut, timeout)
     */
    @Override
    boolean hasNext();

    /**
     * {@return the next event}
     *
     * @throws NoSuchElementException when the stream has ended
     * @throws NemoException when the stream failed
     */
    @Override
    ChatEvent next();

    /** {@return the remaining events as a sequential stream; closing it closes this} */
    default Stream<ChatEvent> stream() {
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    /**
     * Reads the rest of the stream and summarises everything read through this object: text,
     * events and how it ended. A cut or a timeout is reported as {@link ChatResult#end()} with
     * {@link ChatResult#failure()} (no state check: use {@link ChatApi#send} for that). After
     * {@link #close()}, the end is {@link ChatEnd#CANCELLED} unless the stream had already ended.
     *
     * @return the summary
     * @throws NemoException when the message was refused before any event
     *         (for example out of credits, session not found)
     */
    ChatResult result();

    /** Cancels the exchange if it is still running and frees the connection. Idempotent. */
    @Override
    void close();
}
