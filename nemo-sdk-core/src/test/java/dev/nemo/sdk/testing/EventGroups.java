package dev.nemo.sdk.testing;

import dev.nemo.sdk.chat.ChatEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups chat events by the ADK event they came from: the events one payload decodes to share
 * {@link dev.nemo.sdk.chat.EventInfo#sequence()}. Shared with the conformance module through core's
 * test-jar.
 */
public final class EventGroups {
    private EventGroups() {
    }

    /**
     * Splits events where their sequence number changes.
     *
     * @param events the events, in order
     * @return one list per ADK event, in order
     */
    public static List<List<ChatEvent>> bySequence(List<ChatEvent> events) {
        List<List<ChatEvent>> out = new ArrayList<>();
        long last = Long.MIN_VALUE;
        for (ChatEvent e : events) {
            if (e.info().sequence() != last) {
                out.add(new ArrayList<>());
                last = e.info().sequence();
            }
            out.get(out.size() - 1).add(e);
        }
        return out;
    }
}
