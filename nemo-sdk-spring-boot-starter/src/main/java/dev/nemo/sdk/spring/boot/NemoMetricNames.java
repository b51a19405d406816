package dev.nemo.sdk.spring.boot;

/**
 * The names and tags of the Micrometer meters and observations the starter records for SDK calls
 * (when Micrometer is on the class path, the application has a {@code MeterRegistry}, and
 * {@code nemo.metrics.enabled} is not {@code false}). They come from the SDK's
 * {@code RequestListener}, added to the client by the starter, so an application's own
 * {@code HttpClient} does not turn them off. Every tag has few values, so the meters stay cheap: no
 * session, render or user ids.
 *
 * <p>Each SDK call is one {@link #REQUESTS} sample and one {@link #OBSERVATION}, from its start to its
 * last answer (token wait, retries and their backoff included), tagged with its final status and its
 * {@link #RETRIES}; each HTTP attempt is one {@link #ATTEMPTS} sample. A call retried once after a
 * 503 records one {@code requests} sample {@code status=200, outcome=success, retries=1} and two
 * {@code request.attempts} samples, {@code status=503, outcome=server_error} and
 * {@code status=200, outcome=success}.
 */
public final class NemoMetricNames {
    /** Timer of each SDK call, from its start to its last answer or error, retries and their waits included: tags {@link #OPERATION}, {@link #STATUS}, {@link #OUTCOME}, {@link #RETRIES}. For a streamed call (chat, download) up to the accepted response head. */
    public static final String REQUESTS = "nemo.client.requests";
    /** Timer of each HTTP attempt of a call, from sending to the mapped answer: tags {@link #OPERATION}, {@link #STATUS}, {@link #OUTCOME}. */
    public static final String ATTEMPTS = "nemo.client.request.attempts";
    /** Timer of a whole chat stream, from opening to its end: tag {@link #OUTCOME}, the SDK's {@code ChatEnd} in lower case ({@code completed_with_text}, {@code completed_silently}, {@code error_event}, {@code transport_cut}, {@code first_byte_timeout}, {@code idle_timeout}, {@code overall_timeout}, {@code cancelled}). */
    public static final String CHAT_STREAM = "nemo.client.chat.stream";
    /** Timer from opening a chat stream to its first decoded event (heartbeats included): no tags. */
    public static final String CHAT_FIRST_EVENT = "nemo.client.chat.first.event";
    /** Timer of an export wait (polling until a terminal status), on the client's clock: tag {@link #OUTCOME} ({@code completed}, {@code failed}, {@code cancelled}, {@code timeout}, {@code error}). */
    public static final String EXPORT_WAIT = "nemo.client.export.wait";
    /** Observation (tracing) spanning each SDK call like {@link #REQUESTS}, contextual name {@code nemo <operation>}, with the call's error and a {@code nemo.retry} event per retry: low-cardinality keys {@link #OPERATION} (from the start), {@link #STATUS}, {@link #OUTCOME}, {@link #RETRIES} (at the end). */
    public static final String OBSERVATION = "nemo.client.request";

    /** Tag: the SDK's operation name, for example {@code sessions.create}, {@code chat.stream}, {@code exports.poll} (see {@code RequestListener}). */
    public static final String OPERATION = "operation";
    /** Tag: the HTTP status (of the call's last answer for {@link #REQUESTS}), or {@code none} when no usable answer came. */
    public static final String STATUS = "status";
    /** Tag of {@link #REQUESTS} and {@link #ATTEMPTS}: {@code success}, {@code client_error} (a 4xx, or an API error code in a 2xx answer), {@code server_error}, {@code transport_error}, {@code decode_error} or {@code cancelled}. */
    public static final String OUTCOME = "outcome";
    /** Tag of {@link #REQUESTS}: the call's retries (attempts after the first): {@code 0}, {@code 1}, {@code 2} or {@code 3+}. */
    public static final String RETRIES = "retries";

    private NemoMetricNames() {}
}
