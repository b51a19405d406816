package dev.nemo.sdk.conformance;

import com.google.adk.events.Event;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * ADK's own reading of the bytes on the wire: the body split into Server-Sent Events (WHATWG
 * rules: {@code \n}, {@code \r\n} or {@code \r} line ends, an optional space after the colon,
 * data lines joined with {@code \n}, an event dispatched on a blank line, a trailing partial event
 * dropped) and every data payload parsed with {@link Event#fromJson}.
 */
final class AdkWire {
    private AdkWire() {}

    /** @return the data payloads of the complete events in {@code body} */
    static List<String> dataPayloads(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        StringBuilder data = null;
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            if (end == text.length()) {
                break; // an unterminated last line is not an event
            }
            String line = text.substring(i, end);
            i = end + (text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? 2 : 1);
            if (line.isEmpty()) {
                if (data != null) {
                    out.add(data.toString());
                }
                data = null;
            } else if (line.startsWith("data:")) {
                String v = line.substring(5);
                v = v.startsWith(" ") ? v.substring(1) : v;
                data = data == null ? new StringBuilder(v) : data.append('\n').append(v);
            }
        }
        return out;
    }

    /** @return every event ADK sent, parsed by ADK */
    static List<Event> events(byte[] body) {
        List<Event> out = new ArrayList<>();
        for (String payload : dataPayloads(body)) {
            out.add(Event.fromJson(payload));
        }
        return out;
    }
}
