package dev.nemo.sdk.examples.spring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One upload being processed: its events so far (replayed to a page that subscribes late) and the
 * pages listening. Thread-safe.
 */
public final class Job {
    private final String id;
    private final List<JobEvent> events = new ArrayList<>();
    private final List<SseEmitter> listeners = new ArrayList<>();
    private Path result;

    /** @param id the job's id */
    public Job(String id) {
        this.id = id;
    }

    /** @return the job's id */
    public String id() {
        return id;
    }

    /** @param event the next event, sent to every listening page */
    public synchronized void emit(JobEvent event) {
        events.add(event);
        for (SseEmitter l : List.copyOf(listeners)) {
            send(l, event);
        }
        if (event.last()) {
            listeners.forEach(SseEmitter::complete);
            listeners.clear();
        }
    }

    /**
     * @param emitter a page's event stream: gets every event so far, then the new ones
     */
    public synchronized void subscribe(SseEmitter emitter) {
        boolean finished = false;
        for (JobEvent e : events) {
            send(emitter, e);
            finished |= e.last();
        }
        if (finished) {
            emitter.complete();
        } else {
            listeners.add(emitter);
            emitter.onCompletion(() -> unsubscribe(emitter));
            emitter.onTimeout(() -> unsubscribe(emitter));
        }
    }

    private synchronized void unsubscribe(SseEmitter emitter) {
        listeners.remove(emitter);
    }

    /** @return the events so far, in order */
    public synchronized List<JobEvent> events() {
        return List.copyOf(events);
    }

    /** @param file the downloaded result */
    public synchronized void result(Path file) {
        this.result = file;
    }

    /** @return the downloaded result, once there is one */
    public synchronized Optional<Path> result() {
        return Optional.ofNullable(result);
    }

    private void send(SseEmitter emitter, JobEvent event) {
        try {
            emitter.send(SseEmitter.event().name(event.stage()).data(event, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            listeners.remove(emitter); // the page went away
        }
    }
}
