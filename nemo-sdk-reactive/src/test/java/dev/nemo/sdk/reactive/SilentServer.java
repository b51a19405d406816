package dev.nemo.sdk.reactive;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;

/**
 * An HTTP server that reads each request and never answers, recording when a request arrived
 * and when the client closed the connection: the observable effect of a cancelled exchange.
 */
final class SilentServer implements AutoCloseable {
    final CountDownLatch requestReceived = new CountDownLatch(1);
    final CountDownLatch closedByClient = new CountDownLatch(1);
    private final ServerSocket socket;
    private final Thread acceptor;

    SilentServer() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void serve() {
        try (Socket s = socket.accept(); InputStream in = s.getInputStream()) {
            int matched = 0;
            int b;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < end.length && (b = in.read()) != -1) {
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            requestReceived.countDown();
            byte[] sink = new byte[1024];
            while (in.read(sink) != -1) {
                // drain the body, if any, until the client closes
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
