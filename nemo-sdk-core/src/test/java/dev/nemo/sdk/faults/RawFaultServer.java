package dev.nemo.sdk.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket HTTP/1.1 server for byte-level faults: reads each request (head and
 * {@code Content-Length} body), counts it, then lets its {@link Behaviour} answer, break or stall.
 * Stalled sockets are closed by {@link #close()}.
 */
final class RawFaultServer implements AutoCloseable {
    /** What the server does once it has read a request. */
    @FunctionalInterface
    interface Behaviour {
        void answer(Socket socket, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private volatile Behaviour behaviour;
    private final AtomicInteger requests = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    RawFaultServer(Behaviour behaviour) throws IOException {
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
    void behave(Behaviour next) {
        behaviour = next;
        requests.set(0);
    }

    /** @return connections the server still holds open (stalled ones) */
    int openConnections() {
        open.removeIf(Socket::isClosed);
        return open.size();
    }

    /** Closes the connections the server holds open, as a stalled peer eventually does. */
    void dropOpenConnections() {
        open.forEach(RawFaultServer::close);
        open.clear();
    }

    int port() {
        return server.getLocalPort();
    }

    /** @return the requests read whole so far */
    int requests() {
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
        if (length > 0) {
            in.readNBytes((int) length);
        }
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
                return null;   // not HTTP (a TLS hello, say): no request was read
            }
        }
        return b.toString();
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(15).strip());
            }
        }
        return 0;
    }

    static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    static void reset(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(RawFaultServer::close);
    }
}
