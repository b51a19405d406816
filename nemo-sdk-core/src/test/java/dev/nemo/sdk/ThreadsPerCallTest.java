package dev.nemo.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocking calls run on the caller's thread: 200 of them start no thread (issue 15 measured one new
 * thread per call on hosts with two CPUs or fewer, where the JDK's async pool spawns a thread per task).
 */
class ThreadsPerCallTest {
    private static final byte[] CREDITS = "{\"code\":0,\"data\":{\"available\":5,\"frozen\":0,\"total\":5}}"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void twoHundredBlockingCallsStartNoThread() throws Exception {
        ExecutorService serverThreads = Executors.newFixedThreadPool(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, CREDITS.length);
            exchange.getResponseBody().write(CREDITS);
            exchange.close();
        });
        server.setExecutor(serverThreads);
        server.start();
        VirtualTime time = VirtualTime.create();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (NemoClient client = NemoClient.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .environment(Map.of()).configDirectory(dir).clock(time).sleeper(time)
                .token(TestTokens.EXPLICIT).build()) {
            for (int i = 0; i < 20; i++) {
                client.credits().balance();   // warm up: connection pool, HTTP client worker, server thread
            }
            long before = threads.getTotalStartedThreadCount();
            for (int i = 0; i < 200; i++) {
                assertThat(client.credits().balance().available()).isEqualTo(5);
            }
            long started = threads.getTotalStartedThreadCount() - before;
            System.out.println("threads started by 200 blocking calls: " + started);
            // a thread per call would show 200; allow a few for the JVM's own (JIT compiler threads come and go)
            assertThat(started).isLessThanOrEqualTo(3);
        } finally {
            server.stop(0);
            serverThreads.shutdownNow();
        }
    }
}
