package dev.nemo.sdk.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The random faults of the soak: for an operation's endpoints, one fault of the emulator's fault DSL
 * chosen at random (server errors, HTML pages, dropped connections, rate limits, expired tokens, and
 * on the chat stream cuts, stream errors, model errors and trailing text).
 */
final class SoakFaults {
    private static final List<Consumer<FaultBuilder>> ANY = List.of(
            f -> f.status(503),
            f -> f.status(500),
            f -> f.html(502),
            f -> f.dropConnection(),
            f -> f.rateLimited(Duration.ofSeconds(2)),
            f -> f.expireToken(),
            f -> f.body(200, "application/json", "{\"code\":0,"));
    private static final List<Consumer<FaultBuilder>> STREAM = List.of(
            f -> f.cutAfterEvents(1),
            f -> f.cutMidEvent(1),
            f -> f.streamError(1, "soak stream error"),
            f -> f.modelError("SAFETY", "blocked by safety"),
            f -> f.trailingText("I encountered a temporary issue"));
    private static final List<Consumer<FaultBuilder>> CDN = List.of(
            f -> f.status(503),
            f -> f.status(404),
            f -> f.dropConnection());

    private final NemoEmulator emulator;
    private final Random random;

    SoakFaults(NemoEmulator emulator, Random random) {
        this.emulator = emulator;
        this.random = random;
    }

    /**
     * Adds one random fault on one of the endpoints.
     *
     * @param endpoints where the operation sends requests
     * @return a description of the fault, for the log
     */
    String inject(List<Endpoint> endpoints) {
        Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
        List<Consumer<FaultBuilder>> kinds = endpoint == Endpoint.CDN ? CDN
                : endpoint == Endpoint.RUN_SSE && random.nextBoolean() ? STREAM : ANY;
        int kind = random.nextInt(kinds.size());
        FaultBuilder builder = emulator.faults().on(endpoint);
        kinds.get(kind).accept(builder);
        return endpoint + ": " + (kinds == STREAM ? "stream fault " : kinds == CDN ? "cdn fault " : "fault ") + kind;
    }
}
