package dev.nemo.sdk.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback address whose connects time out: a listening socket with a backlog of one that never
 * accepts, its accept queue filled by a few connections of our own. Linux (with the default
 * {@code tcp_abort_on_overflow=0}) then drops every further SYN instead of refusing it, so a
 * client's connect hangs until its own timeout, which is exactly a black-holed host. A
 * non-routable address (10.255.255.1) would depend on the machine's routes, and a firewall rule
 * needs root; this needs neither. Where the queue never fills (another OS), {@link #open()} says
 * so and returns {@code null}.
 */
public final class BlackHole implements AutoCloseable {
    private static final int MAX_FILLERS = 64;

    private final ServerSocket server;
    private final List<Socket> fillers;

    private BlackHole(ServerSocket server, List<Socket> fillers) {
        this.server = server;
        this.fillers = fillers;
    }

    /**
     * @return a black hole, or {@code null} (said on the console) when connects here never hang
     * @throws IOException when no loopback port is free
     */
    public static BlackHole open() throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        List<Socket> fillers = new ArrayList<>();
        for (int i = 0; i < MAX_FILLERS; i++) {
            Socket s = new Socket();
            try {
                s.connect(server.getLocalSocketAddress(), 200);
                fillers.add(s);
            } catch (SocketTimeoutException full) {
                s.close();
                System.out.println("black hole on 127.0.0.1:" + server.getLocalPort() + ": a backlog-1 listener that "
                        + "never accepts, its queue filled by " + fillers.size()
                        + " connections; the next SYNs are dropped");
                return new BlackHole(server, fillers);
            }
        }
        System.out.println("connects to a full accept queue do not hang on this OS (" + System.getProperty("os.name")
                + "): no black hole on loopback, the connect-timeout row cannot run here");
        fillers.forEach(BlackHole::closeQuietly);
        server.close();
        return null;
    }

    /** @return the address whose connects hang */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** @return the base URL of the black hole, for a client */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        fillers.forEach(BlackHole::closeQuietly);
        server.close();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
