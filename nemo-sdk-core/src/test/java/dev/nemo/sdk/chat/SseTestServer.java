package dev.nemo.sdk.chat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A tiny HTTP/1.1 server on a plain socket, for what WireMock cannot do precisely: cut a stream in
 * the middle of an event, stall after the headers, send only pings, and tell when the client
 * dropped the connection. Every connection runs {@link Script} once.
 */
final class SseTestServer implements AutoCloseable {
    /** Writes a response; may block until the client goes away. */
    @FunctionalInterface
    interface Script {
        void respond(String requestBody, Socket socket, OutputStream out) throws IOException, InterruptedException;
    }

    static final String SSE_HEADERS =
            "HTTP/1.1 200 \r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sse-test-server");
        t.setDaemon(true);
        return t;
    });
    private final Script script;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger closedByClient = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    SseTestServer(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.incrementAndGet();
                threads.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            String body = readRequest(in);
            requests.incrementAndGet();
            script.respond(body, s, s.getOutputStream());
        } catch (IOException | InterruptedException e) {
            // the client went away or the test is over
        } finally {
            lock.lock();
            try {
                open.decrementAndGet();
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * @param timeout hang guard
     * @return whether every connection was closed within the guard
     */
    boolean awaitNoOpenConnections(Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (open.get() > 0 && left > 0) {
                left = changed.awaitNanos(left);
            }
            return open.get() == 0;
        } finally {
            lock.unlock();
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** Writes one HTTP chunk. */
    static void chunk(OutputStream out, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Blocks until the client closes its side (or the socket is closed). */
    void awaitClientClose(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        while (in.read() >= 0) {
            // drain
        }
        closedByClient.incrementAndGet();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
