package dev.nemo.sdk.internal.sse;

import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.EventTooLargeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
 * Bytes are scanned for line ends eight at a time ({@link LineEnds}) and kept as bytes until an
 * event is dispatched, so a multi-byte character split across chunks decodes correctly. A data
 * line's value is copied in bulk straight from the chunks into one assembly buffer (borrowed from
 * {@link SpareBuffer} when large), and each event gets one exact copy of it (taken straight from
 * the chunk when the whole event is in it): once a spare exists, a multi-megabyte single-line event
 * costs one scan and two copies, and no per-line objects are created. One line, and one event's data, may not exceed
 * the configured limit: beyond it {@link EventTooLargeException} is thrown instead of buffering
 * without bound.
 *
 * <p>Not thread-safe: feed it from one thread at a time (the HTTP client serializes body signals).
 */
public final class SseDecoder {
    /** Default limit of one line and of one event's data: 8 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 8 * 1024 * 1024;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] DATA = ascii("data");
    private static final byte[] EVENT = ascii("event");
    private static final byte[] ID = ascii("id");
    private static final byte[] RETRY = ascii("retry");
    private static final byte[] NEWLINE = {'\n'};
    private static final byte[] NONE = {};
    /** The smallest buffer made once one is needed: most lines and events never need one. */
    private static final int INITIAL = 1024;
    /** Buffers that grew beyond this for one big event are given up afterwards (data buffers as the spare). */
    private static final int KEEP = 64 * 1024;

    /** The largest copy buffer for chunks without an accessible array (the HTTP client's are read-only). */
    private static final int SCRATCH = 16 * 1024;
    /** The smallest copy buffer: a stream of small chunks never needs the largest. */
    private static final int SMALL_SCRATCH = 512;

    private final SseHandler handler;
    private final int maxLineBytes;
    private final ErrorDetails details;

    /** The start of a line that continues in a later chunk. */
    private byte[] line = NONE;

    private int lineLen;
    /** The assembly buffer of the event's data: data lines joined with LF (no trailing LF). */
    private byte[] data = NONE;

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

    private byte @Nullable [] scratch;
    /**
     * The event's only data line so far, still in the chunk being fed ({@code null} when none): when
     * the blank line follows in the same chunk, the event copies it straight from there.
     */
    private byte @Nullable [] pending;

    private int pendingOff;

    /**
     * Creates it from its parts.
     *
     * @param handler      receiver of events and comments
     * @param maxLineBytes the longest line, and the largest event data, accepted
     * @param details      where the stream comes from, for errors, or {@code null} when unknown
     */
    public SseDecoder(SseHandler handler, int maxLineBytes, @Nullable ErrorDetails details) {
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
        byte[] copy = scratchFor(buffer.remaining());
        while (buffer.hasRemaining()) {
            int n = Math.min(buffer.remaining(), copy.length);
            buffer.get(copy, 0, n);
            feed(copy, 0, n);
        }
    }

    /**
     * {@return the copy buffer, grown (in powers of two, up to {@link #SCRATCH}) to fit a chunk of
     * {@code remaining} bytes}: with a thousand streams open, a fixed large buffer each would be
     * megabytes that small chunks never use.
     */
    private byte[] scratchFor(int remaining) {
        byte[] s = scratch;
        if (s != null && (s.length >= remaining || s.length == SCRATCH)) {
            return s;
        }
        int size = SMALL_SCRATCH;
        while (size < remaining && size < SCRATCH) {
            size *= 2;
        }
        s = new byte[size];
        scratch = s;
        return s;
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
        int i = skipCarriedOver(bytes, off, end);
        try {
            while (i < end) {
                byte first = bytes[i];
                // the blank line that ends every event is worth a look before a scan
                int eol = first == '\n' || first == '\r' ? i : LineEnds.find(bytes, i, end);
                if (openData) {
                    appendOpenData(bytes, i, (eol < 0 ? end : eol) - i);
                    if (eol < 0) {
                        return;
                    }
                    openData = false;
                    openDataSpace = false;
                    dataLines++;
                } else if (eol < 0) {
                    keepUnfinishedLine(bytes, i, end);
                    return;
                } else if (lineLen > 0) {
                    appendToLine(bytes, i, eol - i);
                    int n = lineLen;
                    lineLen = 0;
                    processLine(line, 0, n, false);
                    if (line.length > KEEP) {
                        line = NONE;
                    }
                } else {
                    checkLine(eol - i);
                    processLine(bytes, i, eol - i, true);
                }
                i = afterLineEnd(bytes, eol, end);
            }
        } finally {
            keepPending();
        }
    }

    /** Skips what an earlier chunk left to skip: the rest of a byte order mark, the LF of a CRLF. */
    private int skipCarriedOver(byte[] bytes, int off, int end) {
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
        return i;
    }

    /** A line without its end in this chunk: an open data line streams on, anything else is buffered. */
    private void keepUnfinishedLine(byte[] bytes, int i, int end) {
        if (lineLen > 0 || !openDataLine(bytes, i, end - i)) {
            appendToLine(bytes, i, end - i);
            if (openDataLine(line, 0, lineLen)) {
                lineLen = 0;
            }
        }
    }

    /** {@return where the next line starts: after {@code eol}, and after the LF of a CRLF (maybe in the next chunk)} */
    private int afterLineEnd(byte[] bytes, int eol, int end) {
        int i = eol + 1;
        if (bytes[eol] == '\r') {
            if (i < end) {
                if (bytes[i] == '\n') {
                    i++;
                }
            } else {
                skipLf = true;
            }
        }
        return i;
    }

    /**
     * A line continues in the next chunk. When it is a {@code data} line ({@code a[off, off + len)}
     * is its start so far), its value from now on streams straight into the data buffer: a
     * multi-megabyte event never goes through the line buffer.
     *
     * @return whether it is a data line, now open
     */
    private boolean openDataLine(byte[] a, int off, int len) {
        if (!isDataField(a, off, len)) {
            return false;
        }
        int end = off + len;
        int value = off + DATA.length + 1;
        openDataSpace = value == end;
        if (value < end && a[value] == ' ') {
            value++;
        }
        if (dataLines > 0) {
            appendDataBytes(NEWLINE, 0, 1);
        }
        appendDataBytes(a, value, end - value);
        openData = true;
        return true;
    }

    /** {@return whether {@code a[off, off + len)} starts with {@code data:}} */
    private static boolean isDataField(byte[] a, int off, int len) {
        return len > DATA.length
                && a[off] == 'd'
                && a[off + 1] == 'a'
                && a[off + 2] == 't'
                && a[off + 3] == 'a'
                && a[off + 4] == ':';
    }

    private void appendOpenData(byte[] a, int off, int len) {
        if (openDataSpace && len > 0) {
            openDataSpace = false;
            if (a[off] == ' ') {
                off++;
                len--;
            }
        }
        appendDataBytes(a, off, len);
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
        pending = null;
        if (line.length > KEEP) {
            line = NONE;
        }
        releaseLargeData();
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
        long c = Math.max(Math.max((long) capacity * 2, needed), INITIAL);
        return (int) Math.min(c, maxLineBytes + 1L);
    }

    private void checkLine(long length) {
        if (length > maxLineBytes) {
            throw tooLarge("line");
        }
    }

    private EventTooLargeException tooLarge(String what) {
        return new EventTooLargeException(
                "An event-stream " + what + " exceeded the limit of " + maxLineBytes
                        + " bytes; the stream was abandoned (raise ChatOptions.maxLineBytes if such events are expected)",
                details,
                maxLineBytes);
    }

    /** @param inChunk whether {@code a} is the chunk being fed, unchanged until {@code feed} returns */
    private void processLine(byte[] a, int off, int len, boolean inChunk) {
        if (len == 0) {
            dispatch();
            return;
        }
        int end = off + len;
        if (isDataField(a, off, len)) {
            int value = off + DATA.length + 1;
            if (value < end && a[value] == ' ') {
                value++;
            }
            if (inChunk && dataLines == 0) {
                pending = a;
                pendingOff = value;
                dataLen = end - value;
                dataLines = 1;
            } else {
                appendData(a, value, end - value);
            }
            return;
        }
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
        keepPending();
        long needed = (long) dataLen + len;
        if (needed > maxLineBytes) {
            throw tooLarge("event");
        }
        if (needed > data.length) {
            growData((int) needed);
        }
        System.arraycopy(a, off, data, dataLen, len);
        dataLen += len;
    }

    /**
     * Copies the pending data line, when there is one, into the data buffer: its chunk is about to
     * go away, or more data follows.
     */
    private void keepPending() {
        byte[] a = pending;
        if (a == null) {
            return;
        }
        int len = dataLen;
        pending = null;
        dataLen = 0;
        appendDataBytes(a, pendingOff, len);
    }

    private void growData(int needed) {
        int capacity = grow(data.length, needed);
        byte[] bigger = capacity > KEEP ? SpareBuffer.take(needed) : null;
        if (bigger == null) {
            data = Arrays.copyOf(data, capacity);
            return;
        }
        System.arraycopy(data, 0, bigger, 0, dataLen);
        releaseLargeData();
        data = bigger;
    }

    /** Offers a data buffer that grew large to other decoders, and starts again with a small one. */
    private void releaseLargeData() {
        if (data.length > KEEP) {
            SpareBuffer.give(data);
            data = NONE;
        }
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
        // the event's own exact copy: the assembly buffer is reused, and may be shared later
        byte[] bytes;
        if (pending != null) {
            bytes = Arrays.copyOfRange(pending, pendingOff, pendingOff + dataLen);
            pending = null;
        } else {
            bytes = Arrays.copyOf(data, dataLen);
        }
        SseEvent event = new SseEvent(type, bytes, dataLen, lastEventId);
        releaseLargeData();
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
