package dev.nemo.sdk.internal.sse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One dispatched Server-Sent Event: its type ({@code message} unless an {@code event:} field set
 * another), its data (the {@code data:} lines joined with LF, kept as UTF-8 bytes so a JSON parser
 * can read them without an intermediate string) and the last event id seen so far.
 */
public final class SseEvent {
    private final String type;
    private final byte[] data;
    private final int length;
    private final String lastEventId;
    private @Nullable String text;

    /**
     * Creates it from its parts.
     *
     * @param type        the event type
     * @param data        the data as UTF-8 in its first {@code length} bytes (owned by this event from now on)
     * @param length      how many bytes of {@code data} are the data
     * @param lastEventId the last event id, {@code ""} when none
     */
    public SseEvent(String type, byte[] data, int length, String lastEventId) {
        this.type = Objects.requireNonNull(type, "type");
        this.data = Objects.requireNonNull(data, "data");
        Objects.checkFromIndexSize(0, length, data.length);
        this.length = length;
        this.lastEventId = Objects.requireNonNull(lastEventId, "lastEventId");
    }

    /**
     * {@return the event}
     *
     * @param type        the event type
     * @param data        the data
     * @param lastEventId the last event id
     */
    public static SseEvent of(String type, String data, String lastEventId) {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        return new SseEvent(type, bytes, bytes.length, lastEventId);
    }

    /** {@return the event type, {@code message} by default} */
    public String type() {
        return type;
    }

    /** {@return the data decoded as UTF-8 (malformed sequences become U+FFFD)} */
    public String data() {
        String t = text;
        if (t == null) {
            t = new String(data, 0, length, StandardCharsets.UTF_8);
            text = t;
        }
        return t;
    }

    /**
     * {@return the data as UTF-8 in the first {@link #dataLength()} bytes (the array may be longer); shared, do not modify it}
     */
    public byte[] dataBytes() {
        return data;
    }

    /** {@return how many bytes of {@link #dataBytes()} are the data} */
    public int dataLength() {
        return length;
    }

    /** {@return the last event id, {@code ""} when none was set} */
    public String lastEventId() {
        return lastEventId;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof SseEvent e && type.equals(e.type) && lastEventId.equals(e.lastEventId)
                && Arrays.equals(data, 0, length, e.data, 0, e.length);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, lastEventId, data());
    }

    @Override
    public String toString() {
        String d = data();
        return "SseEvent{type=" + type + ", id=" + lastEventId + ", data="
                + (d.length() > 80 ? d.substring(0, 80) + "…(" + length + " bytes)" : d) + '}';
    }
}
