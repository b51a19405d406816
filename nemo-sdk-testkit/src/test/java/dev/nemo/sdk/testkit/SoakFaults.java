package dev.nemo.sdk.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The random faults of the soak: for an operation's endpoints, one fault of the emulator's fault DSL
 * chosen at random (server errors, HTML pages, dropped connections, rate limits, expired tokens, and
 * on the chat stream cuts, stream errors, model errors and trailing text). The soak's JVM
 * {@linkplain #choose chooses} with its seeded random; the emulator's JVM {@linkplain #apply applies}.
 */
final class SoakFaults {
    private static final Map<String, List<Consumer<FaultBuilder>>> TABLES = Map.of(
            "any", List.of(
                    f -> f.status(503),
                    f -> f.status(500),
                    f -> f.html(502),
                    f -> f.dropConnection(),
                    f -> f.rateLimited(Duration.ofSeconds(2)),
                    f -> f.expireToken(),
                    f -> f.body(200, "application/json", "{\"code\":0,")),
            "stream", List.of(
                    f -> f.cutAfterEvents(1),
                    f -> f.cutMidEvent(1),
                    f -> f.streamError(1, "soak stream error"),
                    f -> f.modelError("SAFETY", "blocked by safety"),
                    f -> f.trailingText("I encountered a temporary issue")),
            "cdn", List.of(
                    f -> f.status(503),
                    f -> f.status(404),
                    f -> f.dropConnection()));

    /**
     * One fault: where, from which table, which one.
     *
     * @param endpoint where it is injected
     * @param table    {@code any}, {@code stream} or {@code cdn}
     * @param kind     its index in the table
     */
    record Choice(Endpoint endpoint, String table, int kind) {
        @Override
        public String toString() {
            return endpoint + ": " + table + " fault " + kind;
        }
    }

    private SoakFaults() {
    }

    /**
     * @param endpoints where the operation sends requests
     * @param random    the soak's seeded random
     * @return one random fault on one of the endpoints
     */
    static Choice choose(List<Endpoint> endpoints, Random random) {
        Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
        String table = endpoint == Endpoint.CDN ? "cdn"
                : endpoint == Endpoint.RUN_SSE && random.nextBoolean() ? "stream" : "any";
        return new Choice(endpoint, table, random.nextInt(TABLES.get(table).size()));
    }

    /**
     * Injects the fault.
     *
     * @param emulator where
     * @param choice   what
     */
    static void apply(NemoEmulator emulator, Choice choice) {
        List<Consumer<FaultBuilder>> kinds = TABLES.get(choice.table());
        if (kinds == null || choice.kind() < 0 || choice.kind() >= kinds.size()) {
            throw new IllegalArgumentException("no such fault: " + choice);
        }
        kinds.get(choice.kind()).accept(emulator.faults().on(choice.endpoint()));
    }
}
