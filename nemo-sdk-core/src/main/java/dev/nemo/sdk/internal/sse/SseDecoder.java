package dev.nemo.sdk.internal.sse;

import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.EventTooLargeException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;

/**
 * An incremental, byte-level decoder of the {@code text/event-stream} format, following the
 * WHATWG HTML "server-sent events" parsing rules:
 * <ul>
 *   <li>UTF-8, with one leading byte order mark stripped (also when it is split across chunks);</li>
 *   <li>lines end with CRLF, LF or CR, including a CRLF split across two chunks;</li>
 *   <li>{@code :} starts a comment; {@code field:value} loses one space after the colon; a line
 *       without a colon is a field with an empty value;</li>
 *   <li>{@code data} lines are joined with LF; {@code event} sets the type; {@code id} sets the
 *       last event id unless it contains NUL; {@code retry} takes ASCII digits only; other fields
 *       are ignored;</li>
 *   <li>a blank line dispatches the event, unless no {@code data} line was seen;</li>
 *   <li>at the end of the stream, a partial event is discarded ({@link #finish()} says whether there was one).</li>
 * </ul>
 * Bytes are scanned eight at a time for line ends and kept as bytes until an event is
 * dispatched, so a multi-megabyte single-line event costs two array copies, and a multi-byte
 * character split across chunks decodes correctly. One line, and one event's data, may not exceed
 * the configured limit: beyond it {@link EventTooLargeException} is thrown instead of buffering
 * without bound.
 *
 * <p>Not thread-safe: feed it from one thread at a time (the HTTP client serializes body signals).
 */
public final class SseDecoder {
    /** Default limit of one line and of one event's data: 8 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 8 * 1024 * 1024;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
    private static final long CRS = 0x0D0D0D0D0D0D0D0DL;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] DATA = ascii("data");
    private static final byte[] EVENT = ascii("event");
    private static final byte[] ID = ascii("id");
    private static final byte[] RETRY = ascii("retry");
    private static final byte[] NEWLINE = {'\n'};
    private static final int INITIAL = 1024;
    /** Buffers that grew beyond this for one big event are dropped afterwards. */
    private static final int KEEP = 64 * 1024;
    private static final int SCRATCH = 16 * 1024;

    private final SseHandler handler;
    private final int maxLineBytes;
    private final ErrorDetails details;

    /** The start of a line that continues in a later chunk. */
    private byte[] line = new byte[INITIAL];
    private int lineLen;
    /** The data buffer: data lines joined with LF (no trailing LF). */
    private byte[] data = new byte[INITIAL];
    private int dataLen;
    private int dataLines;
    private String eventType = "";
    private String lastEventId = "";
    /** How many BOM bytes matched so far at the start of the stream; -1 once past it. */
    private int bomMatched;
    /** The previous chunk ended with CR: an LF starting the next chunk belongs to it. */
    private boolean skipLf;
    /** The current line is a {@code data} line whose value is streaming straight into {@link #data}. */
    private boolean openData;
    /** The {@code data:} of the open line ended a chunk: a space starting the next one is dropped. */
    private boolean openDataSpace;
    /** The open line's bytes, one exact copy per chunk, joined once when the line ends. */
    private final ArrayList<byte[]> segments = new ArrayList<>();
    private long segmentsLen;
    private byte[] scratch;

    /**
     * @param handler      receiver of events and comments
     * @param maxLineBytes the longest line, and the largest event data, accepted
     * @param details      where the stream comes from, for errors
     */
    public SseDecoder(SseHandler handler, int maxLineBytes, ErrorDetails details) {
        this.handler = Objects.requireNonNull(handler, "handler");
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive");
        }
        this.maxLineBytes = maxLineBytes;
        this.details = details == null ? ErrorDetails.none() : details;
    }

    /** @param handler receiver of events and comments; 8 MiB limit */
    public SseDecoder(SseHandler handler) {
        this(handler, DEFAULT_MAX_LINE_BYTES, null);
    }

    /**
     * Decodes the remaining bytes of {@code buffer} (and consumes them).
     *
     * @param buffer the next chunk of the stream
     * @throws EventTooLargeException when a line or an event exceeds the limit
     */
    public void feed(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            int n = buffer.remaining();
            int off = buffer.arrayOffset() + buffer.position();
            buffer.position(buffer.limit());
            feed(buffer.array(), off, n);
            return;
        }
        if (scratch == null) {
            scratch = new byte[SCRATCH];
        }
        while (buffer.hasRemaining()) {
            int n = Math.min(buffer.remaining(), scratch.length);
            buffer.get(scratch, 0, n);
            feed(scratch, 0, n);
        }
    }

    /**
     * Decodes {@code len} bytes of {@code bytes} from {@code off}.
     *
     * @param bytes the next chunk of the stream
     * @param off   where it starts
     * @param len   how many bytes
     * @throws EventTooLargeException when a line or an event exceeds the limit
     */
    public void feed(byte[] bytes, int off, int len) {
        Objects.checkFromIndexSize(off, len, bytes.length);
        int end = off + len;
        int i = off;
        if (bomMatched >= 0) {
            i = skipBom(bytes, i, end);
        }
        if (skipLf && i < end) {
            skipLf = false;
            if (bytes[i] == '\n') {
                i++;
            }
        }
        while (i < end) {
            int eol = findLineEnd(bytes, i, end);
            if (openData) {
                appendOpenData(bytes, i, (eol < 0 ? end : eol) - i);
                if (eol < 0) {
                    return;
                }
                closeOpenData();
            } else if (eol < 0) {
                appendToLine(bytes, i, end - i);
                openDataLine();
                return;
            } else if (lineLen > 0) {
                appendToLine(bytes, i, eol - i);
                int n = lineLen;
                lineLen = 0;
                processLine(line, 0, n);
                if (line.length > KEEP) {
                    line = new byte[INITIAL];
                }
            } else {
                checkLine(eol - i);
                processLine(bytes, i, eol - i);
            }
            i = eol + 1;
            if (bytes[eol] == '\r') {
                if (i < end) {
                    if (bytes[i] == '\n') {
                        i++;
                    }
                } else {
                    skipLf = true;
                }
            }
        }
    }

    /**
     * A line continues in the next chunk. When it is a {@code data} line, its value from now on is
     * kept as exact chunk-sized copies joined once at the end of the line: a multi-megabyte event
     * never goes through a growing line buffer and a growing data buffer.
     */
    private void openDataLine() {
        if (lineLen < DATA.length + 1 || !startsWith(line, lineLen, DATA) || line[DATA.length] != ':') {
            return;
        }
        int value = DATA.length + 1;
        openDataSpace = value == lineLen;
        if (value < lineLen && line[value] == ' ') {
            value++;
        }
        if (dataLines > 0) {
            appendDataBytes(NEWLINE, 0, 1);
        }
        appendDataBytes(line, value, lineLen - value);
        lineLen = 0;
        openData = true;
    }

    private void appendOpenData(byte[] a, int off, int len) {
        if (openDataSpace && len > 0) {
            openDataSpace = false;
            if (a[off] == ' ') {
                off++;
                len--;
            }
        }
        if (len == 0) {
            return;
        }
        if (dataLen + segmentsLen + len > maxLineBytes) {
            throw tooLarge("event");
        }
        segments.add(Arrays.copyOfRange(a, off, off + len));
        segmentsLen += len;
    }

    /** Joins the open line's segments after the data buffer, into an array of exactly the right size. */
    private void closeOpenData() {
        openData = false;
        openDataSpace = false;
        dataLines++;
        if (segments.isEmpty()) {
            return;
        }
        int total = (int) (dataLen + segmentsLen);
        if (total > data.length) {
            data = Arrays.copyOf(data, total);
        }
        for (byte[] s : segments) {
            System.arraycopy(s, 0, data, dataLen, s.length);
            dataLen += s.length;
        }
        segments.clear();
        segmentsLen = 0;
    }

    /**
     * Ends the stream: a partial line or an undispatched event is discarded, as the WHATWG rules
     * require. The decoder is then reset to the start of a new stream.
     *
     * @return whether something was discarded: the stream stopped in the middle of an event
     */
    public boolean finish() {
        boolean partial = lineLen > 0 || bomMatched > 0 || dataLines > 0 || openData || !eventType.isEmpty();
        lineLen = 0;
        dataLen = 0;
        dataLines = 0;
        eventType = "";
        lastEventId = "";
        bomMatched = 0;
        skipLf = false;
        openData = false;
        openDataSpace = false;
        segments.clear();
        segmentsLen = 0;
        line = new byte[INITIAL];
        data = new byte[INITIAL];
        return partial;
    }

    private int skipBom(byte[] bytes, int i, int end) {
        while (i < end && bomMatched >= 0) {
            if (bytes[i] == BOM[bomMatched]) {
                bomMatched++;
                i++;
                if (bomMatched == BOM.length) {
                    bomMatched = -1;
                }
            } else {
                int matched = bomMatched;
                bomMatched = -1;
                // a BOM prefix that turned out not to be one is ordinary line content
                appendToLine(BOM, 0, matched);
            }
        }
        return i;
    }

    /** Index of the first CR or LF in {@code [from, end)}, or -1. Eight bytes per step. */
    static int findLineEnd(byte[] a, int from, int end) {
        int i = from;
        for (int last = end - Long.BYTES; i <= last; i += Long.BYTES) {
            long w = (long) LONGS.get(a, i);
            long lf = w ^ LFS;
            long cr = w ^ CRS;
            // a zero byte in lf/cr marks LF/CR; the lowest flagged byte is always a true match
            long found = ((lf - ONES) & ~lf | (cr - ONES) & ~cr) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            byte b = a[i];
            if (b == '\n' || b == '\r') {
                return i;
            }
        }
        return -1;
    }

    private void appendToLine(byte[] src, int off, int n) {
        if (n == 0) {
            return;
        }
        checkLine(lineLen + (long) n);
        if (lineLen + n > line.length) {
            line = Arrays.copyOf(line, grow(line.length, lineLen + n));
        }
        System.arraycopy(src, off, line, lineLen, n);
        lineLen += n;
    }

    private int grow(int capacity, int needed) {
        long c = Math.max((long) capacity * 2, needed);
        return (int) Math.min(c, maxLineBytes + 1L);
    }

    private void checkLine(long length) {
        if (length > maxLineBytes) {
            throw tooLarge("line");
        }
    }

    private EventTooLargeException tooLarge(String what) {
        return new EventTooLargeException("An event-stream " + what + " exceeded the limit of " + maxLineBytes
                + " bytes; the stream was abandoned (raise ChatOptions.maxLineBytes if such events are expected)",
                details, maxLineBytes);
    }

    private void processLine(byte[] a, int off, int len) {
        if (len == 0) {
            dispatch();
            return;
        }
        int end = off + len;
        if (a[off] == ':') {
            int from = off + 1;
            if (from < end && a[from] == ' ') {
                from++;
            }
            handler.onComment(new String(a, from, end - from, StandardCharsets.UTF_8));
            return;
        }
        int colon = off;
        while (colon < end && a[colon] != ':') {
            colon++;
        }
        int nameLen = colon - off;
        int value = colon;
        if (colon < end) {
            value++;
            if (value < end && a[value] == ' ') {
                value++;
            }
        }
        int valueLen = end - value;
        if (is(a, off, nameLen, DATA)) {
            appendData(a, value, valueLen);
        } else if (is(a, off, nameLen, EVENT)) {
            eventType = new String(a, value, valueLen, StandardCharsets.UTF_8);
        } else if (is(a, off, nameLen, ID)) {
            if (indexOf(a, value, end, (byte) 0) < 0) {
                lastEventId = new String(a, value, valueLen, StandardCharsets.UTF_8);
            }
        } else if (is(a, off, nameLen, RETRY)) {
            retry(a, value, valueLen);
        }
    }

    private void appendData(byte[] a, int off, int len) {
        if (dataLines > 0) {
            appendDataBytes(NEWLINE, 0, 1);
        }
        appendDataBytes(a, off, len);
        dataLines++;
    }

    private void appendDataBytes(byte[] a, int off, int len) {
        long needed = (long) dataLen + len;
        if (needed > maxLineBytes) {
            throw tooLarge("event");
        }
        if (needed > data.length) {
            data = Arrays.copyOf(data, grow(data.length, (int) needed));
        }
        System.arraycopy(a, off, data, dataLen, len);
        dataLen += len;
    }

    private void retry(byte[] a, int off, int len) {
        if (len == 0 || len > 18) {
            return;
        }
        long v = 0;
        for (int i = off; i < off + len; i++) {
            byte b = a[i];
            if (b < '0' || b > '9') {
                return;
            }
            v = v * 10 + (b - '0');
        }
        handler.onRetry(v);
    }

    private void dispatch() {
        if (dataLines == 0) {
            eventType = "";
            return;
        }
        String type = eventType.isEmpty() ? "message" : eventType;
        SseEvent event;
        if (dataLen > KEEP) {
            // hand the buffer over instead of copying a large event once more
            event = new SseEvent(type, data, dataLen, lastEventId);
            data = new byte[INITIAL];
        } else {
            event = new SseEvent(type, Arrays.copyOf(data, dataLen), dataLen, lastEventId);
            if (data.length > KEEP) {
                data = new byte[INITIAL];
            }
        }
        dataLen = 0;
        dataLines = 0;
        eventType = "";
        handler.onEvent(event);
    }

    private static boolean is(byte[] a, int off, int len, byte[] name) {
        if (len != name.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (a[off + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] a, int len, byte[] prefix) {
        if (len < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (a[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] a, int from, int end, byte b) {
        for (int i = from; i < end; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
