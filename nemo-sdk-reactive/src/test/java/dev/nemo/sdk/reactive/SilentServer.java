package dev.nemo.sdk.reactive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * An HTTP server for one exchange that reads the request head, optionally writes the start of a
 * response, and then never finishes it, recording when the request arrived and when the client
 * closed the connection: the observable effect of a cancelled exchange.
 */
final class SilentServer implements AutoCloseable {
    final CountDownLatch requestReceived = new CountDownLatch(1);
    final CountDownLatch closedByClient = new CountDownLatch(1);
    private final ServerSocket socket;
    private final byte[] responseStart;

    /** A server that answers nothing at all. */
    SilentServer() throws IOException {
        this("");
    }

    /** @param responseStart what to write after the request head (a status line, headers, part of a body) */
    SilentServer(String responseStart) throws IOException {
        this.responseStart = responseStart.getBytes(StandardCharsets.UTF_8);
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void serve() {
        try (Socket s = socket.accept();
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream()) {
            int matched = 0;
            int b;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < end.length && (b = in.read()) != -1) {
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            requestReceived.countDown();
            if (responseStart.length > 0) {
                out.write(responseStart);
                out.flush();
            }
            byte[] sink = new byte[8192];
            while (in.read(sink) != -1) {
                // drain the request body, if any, until the client closes
            }
            closedByClient.countDown();
        } catch (IOException e) {
            closedByClient.countDown();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
