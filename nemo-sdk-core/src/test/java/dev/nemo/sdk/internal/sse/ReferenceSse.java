package dev.nemo.sdk.internal.sse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A deliberately naive event-stream parser, written straight from the WHATWG steps over a whole
 * stream held in memory, to check the incremental decoder against. Its output is one string per
 * event, comment and retry, with event data written as bytes so that malformed UTF-8 is compared
 * exactly.
 */
final class ReferenceSse {
    private ReferenceSse() {}

    static List<String> parse(byte[] stream) {
        List<String> out = new ArrayList<>();
        int i = stream.length >= 3
                        && (stream[0] & 0xFF) == 0xEF
                        && (stream[1] & 0xFF) == 0xBB
                        && (stream[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        boolean sawData = false;
        String type = "";
        String lastId = "";
        while (true) {
            int eol = i;
            while (eol < stream.length && stream[eol] != '\n' && stream[eol] != '\r') {
                eol++;
            }
            if (eol == stream.length) {
                return out; // an unterminated last line, and any undispatched event, are discarded
            }
            byte[] line = Arrays.copyOfRange(stream, i, eol);
            i = eol + (stream[eol] == '\r' && eol + 1 < stream.length && stream[eol + 1] == '\n' ? 2 : 1);
            if (line.length == 0) {
                if (sawData) {
                    out.add(event(type.isEmpty() ? "message" : type, lastId, data.toByteArray()));
                }
                data.reset();
                sawData = false;
                type = "";
                continue;
            }
            int colon = 0;
            while (colon < line.length && line[colon] != ':') {
                colon++;
            }
            int value = Math.min(colon + 1, line.length);
            if (value < line.length && colon < line.length && line[value] == ' ') {
                value++;
            }
            byte[] v = Arrays.copyOfRange(line, value, line.length);
            if (colon == 0) {
                out.add("comment " + utf8(v));
                continue;
            }
            String name = utf8(Arrays.copyOf(line, colon));
            switch (name) {
                case "data":
                    if (sawData) {
                        data.write('\n');
                    }
                    data.writeBytes(v);
                    sawData = true;
                    break;
                case "event":
                    type = utf8(v);
                    break;
                case "id":
                    if (indexOfNul(v) < 0) {
                        lastId = utf8(v);
                    }
                    break;
                case "retry":
                    if (v.length > 0 && v.length <= 18 && allDigits(v)) {
                        out.add("retry " + Long.parseLong(utf8(v)));
                    }
                    break;
                default:
                    break;
            }
        }
    }

    static String event(String type, String id, byte[] data) {
        return "event " + type + " id=" + id + " data=" + Arrays.toString(data);
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int indexOfNul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean allDigits(byte[] b) {
        for (byte x : b) {
            if (x < '0' || x > '9') {
                return false;
            }
        }
        return true;
    }

    /** Records what a decoder reports in the reference's format. */
    static final class Recording implements SseHandler {
        final List<String> out = new ArrayList<>();

        @Override
        public void onEvent(SseEvent event) {
            out.add(event(event.type(), event.lastEventId(), Arrays.copyOf(event.dataBytes(), event.dataLength())));
        }

        @Override
        public void onComment(String comment) {
            out.add("comment " + comment);
        }

        @Override
        public void onRetry(long millis) {
            out.add("retry " + millis);
        }
    }
}
