package dev.nemo.sdk.spring.boot;

/**
 * The names and tags of the Micrometer meters and observations the starter records for SDK calls
 * (when Micrometer is on the class path, the application has a {@code MeterRegistry}, and
 * {@code nemo.metrics.enabled} is not {@code false}). Every tag has few values, so the meters stay
 * cheap: no session, render or user ids.
 *
 * <p>Today the starter measures at the HTTP exchange (a metered {@code HttpClient} given to the
 * client through its public builder), so each attempt of a retried request is one
 * {@link #REQUESTS} sample. {@link #RETRIES} and {@link #EXPORT_WAIT} are reserved for the SDK's
 * request listener and are not recorded yet.
 */
public final class NemoMetricNames {
    /** Timer of each API request, retries included: tags {@link #OPERATION}, {@link #STATUS}, {@link #OUTCOME}, {@link #RETRIES}. */
    public static final String REQUESTS = "nemo.client.requests";
    /** Timer of a whole chat stream, from the request to the end of its body: tags {@link #OUTCOME}. */
    public static final String CHAT_STREAM = "nemo.client.chat.stream";
    /** Timer from a chat request to the stream's first bytes (in practice its first event): no tags. */
    public static final String CHAT_FIRST_EVENT = "nemo.client.chat.first.event";
    /** Timer of an export wait, from the submission (or resume) to a terminal status: tags {@link #OUTCOME}. Not recorded yet. */
    public static final String EXPORT_WAIT = "nemo.client.export.wait";
    /** Observation of each API request (tracing): low-cardinality keys {@link #OPERATION}, {@link #STATUS}, {@link #OUTCOME}. */
    public static final String OBSERVATION = "nemo.client.request";

    /** Tag: the SDK operation, for example {@code sessions.create}, {@code chat.run}, {@code exports.poll}. */
    public static final String OPERATION = "operation";
    /** Tag: the final HTTP status, or {@code none} when no response came. */
    public static final String STATUS = "status";
    /** Tag: {@code success}, {@code client_error}, {@code server_error}, {@code transport_error} or {@code cancelled}. */
    public static final String OUTCOME = "outcome";
    /** Tag: retries before the final attempt: {@code 0}, {@code 1}, {@code 2} or {@code 3+}. Not recorded yet. */
    public static final String RETRIES = "retries";

    private NemoMetricNames() {
    }
}
