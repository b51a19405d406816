package dev.nemo.sdk.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket HTTP/1.1 server for byte-level faults: reads each request (head and
 * {@code Content-Length} body), counts it, then lets its {@link Behaviour} answer, break or stall.
 * Stalled sockets are closed by {@link #close()}. Public so that the reactive module's tests run the
 * same faults (through the core's test-jar).
 */
public final class RawFaultServer implements AutoCloseable {
    /** What the server does once it has read a request. */
    @FunctionalInterface
    public interface Behaviour {
        /**
         * Answers, breaks or stalls the exchange.
         *
         * @param socket the connection
         * @param out    its output
         * @throws IOException when the client went away
         */
        void answer(Socket socket, OutputStream out) throws IOException;
    }

    /**
     * One request as the server read it.
     *
     * @param head the request line and headers
     * @param body the body bytes, exactly as received ({@code Content-Length} or de-chunked)
     */
    public record Received(String head, byte[] body) {
        /** @return the request line, for example {@code POST /api/render/proxy/lambda HTTP/1.1} */
        public String requestLine() {
            return head.substring(0, head.indexOf("\r\n"));
        }
    }

    private final ServerSocket server;
    private volatile Behaviour behaviour;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    /**
     * Starts listening on a free loopback port.
     *
     * @param behaviour what to do with each request
     * @throws IOException when no port is free
     */
    public RawFaultServer(Behaviour behaviour) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.behaviour = behaviour;
        this.acceptor = new Thread(this::acceptLoop, "raw-fault-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Switches the fault and starts counting afresh.
     *
     * @param next what the server does from now on
     */
    public void behave(Behaviour next) {
        behaviour = next;
        requests.set(0);
        received.clear();
    }

    /** @return the requests read whole since the last {@link #behave}, in order */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** @return connections the server still holds open (stalled ones) */
    public int openConnections() {
        open.removeIf(Socket::isClosed);
        return open.size();
    }

    /** Closes the connections the server holds open, as a stalled peer eventually does. */
    public void dropOpenConnections() {
        open.forEach(RawFaultServer::close);
        open.clear();
    }

    /** @return the port it listens on */
    public int port() {
        return server.getLocalPort();
    }

    /** @return the requests read whole so far */
    public int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                serve(s);
            } catch (IOException e) {
                // closed, or the client went away
            }
        }
    }

    /** One request per connection, served on the acceptor thread (the faults need no concurrency). */
    private void serve(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        String head = readHead(in);
        if (head == null) {
            close(s);
            return;
        }
        long length = contentLength(head);
        byte[] body = length > 0
                ? in.readNBytes((int) length)
                : head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked") ? readChunked(in) : new byte[0];
        if (body == null || body.length < length) {
            close(s); // the client gave up within the body: not a request
            return;
        }
        received.add(new Received(head, body));
        requests.incrementAndGet();
        behaviour.answer(s, s.getOutputStream());
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            b.append((char) c);
            matched = (c == "\r\n\r\n".charAt(matched)) ? matched + 1 : (c == '\r' ? 1 : 0);
            if (b.length() > 64 * 1024 || (b.length() == 1 && !Character.isLetter(c))) {
                return null; // not HTTP (a TLS hello, say): no request was read
            }
        }
        return b.toString();
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    return null;
                }
                line.append((char) c);
            }
            String size = line.toString().strip();
            int semi = size.indexOf(';');
            int n = Integer.parseInt(semi < 0 ? size : size.substring(0, semi), 16);
            if (n == 0) {
                in.readNBytes(2); // the empty trailer line
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(n);
            if (chunk.length < n) {
                return null;
            }
            body.write(chunk);
            in.readNBytes(2);
        }
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(15).strip());
            }
        }
        return 0;
    }

    /** @param s a connection to close, quietly */
    public static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /**
     * Closes a connection with a TCP reset.
     *
     * @param s the connection
     * @throws IOException when it is already gone
     */
    public static void reset(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }

    /**
     * Writes text as ISO-8859-1 and flushes it.
     *
     * @param out  the connection's output
     * @param text the bytes, one per char
     * @throws IOException when the client went away
     */
    public static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(RawFaultServer::close);
    }
}
