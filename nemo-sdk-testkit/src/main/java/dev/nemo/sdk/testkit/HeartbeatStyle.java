package dev.nemo.sdk.testkit;

/** The shapes of keep-alive messages a gateway may put on an SSE stream (contract §3.4). */
public enum HeartbeatStyle {
    /** An SSE comment, {@code : ping - <time>}, with CRLF line ends (sse-starlette's default). */
    COMMENT,
    /** {@code event: heartbeat} with an empty data field. */
    EVENT,
    /** {@code data: {"type":"heartbeat"}}. */
    JSON,
    /** An empty {@code data:} field. */
    EMPTY_DATA
}
