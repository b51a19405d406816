package dev.nemo.sdk.conformance.gateway;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * What ADK sent for one {@code /run_sse} call, byte for byte, as the gateway relayed it.
 */
public final class WireRecord {
    private final String sessionId;
    private final String upstreamBody;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile int status;
    private volatile boolean cut;
    private final CompletableFuture<WireRecord> finished = new CompletableFuture<>();

    WireRecord(String sessionId, String upstreamBody) {
        this.sessionId = sessionId;
        this.upstreamBody = upstreamBody;
    }

    synchronized void append(byte[] b, int off, int len) {
        bytes.write(b, off, len);
    }

    void status(int status) {
        this.status = status;
    }

    void end(boolean cut) {
        this.cut = cut;
        finished.complete(this);
    }

    /** @return the session */
    public String sessionId() {
        return sessionId;
    }

    /** @return the camelCase body the gateway sent to ADK */
    public String upstreamBody() {
        return upstreamBody;
    }

    /** @return ADK's HTTP status */
    public int status() {
        return status;
    }

    /** @return the entity body ADK sent (chunked framing removed) */
    public synchronized byte[] body() {
        return bytes.toByteArray();
    }

    /** @return whether ADK's response ended without its terminating chunk (a cut) */
    public boolean cut() {
        return cut;
    }

    /** @return completes when the relay has finished (ADK ended or cut its response) */
    public CompletableFuture<WireRecord> finished() {
        return finished;
    }
}
