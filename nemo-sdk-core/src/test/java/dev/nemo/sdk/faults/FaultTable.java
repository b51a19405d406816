package dev.nemo.sdk.faults;

import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.error.DecodeException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.error.TransportException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The faults of issue 15's matrix that break an exchange after the request was read, one list for
 * every form (blocking and async in {@link FaultMatrixTest}, Mono in the reactive module's tests).
 */
public final class FaultTable {
    private FaultTable() {}

    /** @return the seed's draft, the body of the export POST every fault breaks */
    public static Draft seedDraft() {
        try (InputStream in = FaultTable.class.getResourceAsStream("/drafts/seed-draft.json")) {
            return Draft.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One fault: how the server breaks the exchange, and what the caller must see.
     *
     * @param name         what happens, for the test's name
     * @param behaviour    what the server does once it has read the request
     * @param kinds        the transport error kinds the caller may see (empty for other errors)
     * @param type         the error type the caller must see
     * @param requestsSeen how many requests the server reads (the POST is never sent twice)
     */
    public record Fault(
            String name,
            RawFaultServer.Behaviour behaviour,
            Set<Kind> kinds,
            Class<? extends NemoException> type,
            int requestsSeen) {
        static Fault transport(String name, RawFaultServer.Behaviour b, Kind... kinds) {
            return new Fault(name, b, Set.of(kinds), TransportException.class, 1);
        }
    }

    /**
     * The complete answers say "Connection: close": the server hangs up after them, and a pooled
     * connection it had closed would otherwise carry the next case's POST and cut it short.
     *
     * @return the exchange faults, each with what the caller must see
     */
    public static List<Fault> exchangeFaults() {
        List<Fault> f = new ArrayList<>();
        f.add(Fault.transport(
                "reset before the response", (s, out) -> RawFaultServer.reset(s), Kind.RESET, Kind.TRUNCATED));
        f.add(Fault.transport(
                "reset mid-body",
                (s, out) -> {
                    RawFaultServer.write(
                            out,
                            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n"
                                    + "{\"success\":true,");
                    RawFaultServer.reset(s);
                },
                Kind.RESET,
                Kind.TRUNCATED));
        f.add(Fault.transport("no response: a POST timed out after it was sent", (s, out) -> {}, Kind.TIMEOUT));
        f.add(Fault.transport(
                "a body that stalls forever",
                (s, out) -> RawFaultServer.write(
                        out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"succ"),
                Kind.TIMEOUT));
        f.add(Fault.transport(
                "truncated chunked body",
                (s, out) -> {
                    RawFaultServer.write(
                            out,
                            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                    + "Transfer-Encoding: chunked\r\n\r\n40\r\n{\"success\":true,");
                    RawFaultServer.close(s);
                },
                Kind.TRUNCATED));
        f.add(Fault.transport(
                "Content-Length longer than the body",
                (s, out) -> {
                    RawFaultServer.write(
                            out,
                            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                                    + "{\"success\":true}");
                    RawFaultServer.close(s);
                },
                Kind.TRUNCATED));
        f.add(new Fault(
                "200 with an HTML body",
                (s, out) -> {
                    RawFaultServer.write(
                            out,
                            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 26\r\nConnection: close\r\n\r\n"
                                    + "<html><body>hi</body></html>".substring(0, 26));
                    RawFaultServer.close(s);
                },
                Set.of(),
                DecodeException.class,
                1));
        f.add(new Fault(
                "200 with an empty body",
                (s, out) -> {
                    RawFaultServer.write(
                            out,
                            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    RawFaultServer.close(s);
                },
                Set.of(),
                DecodeException.class,
                1));
        return f;
    }
}
