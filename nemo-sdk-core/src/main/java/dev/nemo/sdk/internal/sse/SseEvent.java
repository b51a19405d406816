package dev.nemo.sdk.internal.sse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One dispatched Server-Sent Event: its type ({@code message} unless an {@code event:} field set
 * another), its data (the {@code data:} lines joined with LF, kept as UTF-8 bytes so a JSON parser
 * can read them without an intermediate string) and the last event id seen so far.
 */
public final class SseEvent {
    private final String type;
    private final byte[] data;
    private final String lastEventId;
    private String text;

    /**
     * @param type        the event type
     * @param data        the data as UTF-8 (owned by this event from now on)
     * @param lastEventId the last event id, {@code ""} when none
     */
    public SseEvent(String type, byte[] data, String lastEventId) {
        this.type = Objects.requireNonNull(type, "type");
        this.data = Objects.requireNonNull(data, "data");
        this.lastEventId = Objects.requireNonNull(lastEventId, "lastEventId");
    }

    /**
     * @param type        the event type
     * @param data        the data
     * @param lastEventId the last event id
     * @return the event
     */
    public static SseEvent of(String type, String data, String lastEventId) {
        return new SseEvent(type, data.getBytes(StandardCharsets.UTF_8), lastEventId);
    }

    /** @return the event type, {@code message} by default */
    public String type() {
        return type;
    }

    /** @return the data decoded as UTF-8 (malformed sequences become U+FFFD) */
    public String data() {
        String t = text;
        if (t == null) {
            t = new String(data, StandardCharsets.UTF_8);
            text = t;
        }
        return t;
    }

    /** @return the data as UTF-8 bytes; the array is shared, do not modify it */
    public byte[] dataBytes() {
        return data;
    }

    /** @return the last event id, {@code ""} when none was set */
    public String lastEventId() {
        return lastEventId;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SseEvent)) {
            return false;
        }
        SseEvent e = (SseEvent) o;
        return type.equals(e.type) && lastEventId.equals(e.lastEventId) && Arrays.equals(data, e.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, lastEventId, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        String d = data();
        return "SseEvent{type=" + type + ", id=" + lastEventId + ", data="
                + (d.length() > 80 ? d.substring(0, 80) + "…(" + data.length + " bytes)" : d) + '}';
    }
}
