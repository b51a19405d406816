package dev.nemo.sdk.internal.sse;

import java.util.ArrayList;
import java.util.List;

/** Records what a decoder reports, as comparable strings. */
final class Recorder implements SseHandler {
    final List<SseEvent> events = new ArrayList<>();
    final List<String> comments = new ArrayList<>();
    final List<Long> retries = new ArrayList<>();
    final List<String> all = new ArrayList<>();

    @Override
    public void onEvent(SseEvent event) {
        events.add(event);
        all.add("event " + event.type() + " id=" + event.lastEventId() + " data=" + event.data());
    }

    @Override
    public void onComment(String comment) {
        comments.add(comment);
        all.add("comment " + comment);
    }

    @Override
    public void onRetry(long millis) {
        retries.add(millis);
        all.add("retry " + millis);
    }

    List<String> data() {
        List<String> out = new ArrayList<>();
        for (SseEvent e : events) {
            out.add(e.data());
        }
        return out;
    }
}
