package dev.nemo.sdk.testkit.internal;

import dev.nemo.sdk.testkit.Endpoint;
import dev.nemo.sdk.testkit.RecordedRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Every request the emulator received, in arrival order. */
public final class RequestLog {
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    void add(RecordedRequest r) {
        requests.add(r);
    }

    /** @return all requests */
    public List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    /**
     * @param endpoint a route
     * @return the requests to it
     */
    public List<RecordedRequest> of(Endpoint endpoint) {
        return requests.stream().filter(r -> r.endpoint() == endpoint).collect(Collectors.toUnmodifiableList());
    }

    /** Forgets everything recorded so far. */
    public void clear() {
        requests.clear();
    }
}
