package dev.nemo.sdk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RequestListener;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.ServerException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The token endpoint fails in the middle of a renewal that 20 callers wait for (issue 15): the
 * anonymous-token POST is sent once (a POST is not retried after a 5xx or a timeout), every
 * caller ends with the same typed error, and none hangs. The renewal is held by the server until
 * all 20 callers were refused with 1001 and their threads stopped running (they wait for the
 * shared renewal), so no caller can arrive after the renewal has already failed.
 */
class RenewalFaultsTest {
    private static final int CALLERS = 20;
    private static final String TOKEN = "/api/auth/anonymous-token";

    /** What the token endpoint does with the renewal. */
    enum Fault {
        EMPTY_503(ServerException.class),
        HTML_502(ServerException.class),
        NO_ANSWER(TransportException.class);

        final Class<? extends NemoException> expected;

        Fault(Class<? extends NemoException> expected) {
            this.expected = expected;
        }
    }

    @TempDir
    Path dir;

    private HttpServer server;
    private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    private final AtomicInteger tokenCalls = new AtomicInteger();
    private final CountDownLatch refused = new CountDownLatch(CALLERS);
    private final Set<Thread> refusedOn = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile Fault fault;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(TOKEN, this::token);
        server.createContext("/api/credits/balance/simple", x -> {
            boolean first =
                    ("Bearer " + TestTokens.ANON_1).equals(x.getRequestHeaders().getFirst("Authorization"));
            answer(
                    x,
                    200,
                    "application/json",
                    first
                            ? "{\"code\":1001,\"message\":\"token expired\"}"
                            : "{\"code\":0,\"data\":{\"available\":1,\"frozen\":0,\"total\":1}}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        stop.countDown();
        callers.shutdownNow();
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void oneRenewalRequestAndEveryWaitingCallerGetsTheSameTypedError(Fault f) throws Exception {
        fault = f;
        List<Throwable> errors = new ArrayList<>();
        try (NemoClient client = client()) {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                results.add(callers.submit(() -> client.credits().balance()));
            }
            for (Future<?> r : results) {
                try {
                    r.get(60, TimeUnit.SECONDS); // a hang guard: none may hang
                    errors.add(null);
                } catch (ExecutionException e) {
                    errors.add(e.getCause());
                }
            }
        }
        System.out.println(f + ": token calls " + tokenCalls + "; first error " + errors.get(0));
        assertThat(tokenCalls)
                .as("anonymous-token POSTs: the first token, then one renewal")
                .hasValue(2);
        assertThat(errors).as("every caller fails").doesNotContainNull().hasSize(CALLERS);
        assertThat(errors).allSatisfy(e -> assertThat(e).isInstanceOf(f.expected));
        assertThat(errors.stream().map(Throwable::getMessage).distinct())
                .as("the same error for all")
                .hasSize(1);
        if (f == Fault.NO_ANSWER) {
            assertThat(((TransportException) errors.get(0)).kind()).isEqualTo(TransportException.Kind.TIMEOUT);
        }
    }

    private NemoClient client() {
        VirtualTime time = VirtualTime.create();
        return NemoClient.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .environment(Map.of())
                .configDirectory(dir)
                .clock(time)
                .sleeper(time)
                .clientId("same-id")
                .requestTimeout(Duration.ofSeconds(2))
                .requestListener(new RequestListener() {
                    @Override
                    public void responseReceived(ResponseReceived e) {
                        if (e.apiCode().orElse(0) == 1001) {
                            refusedOn.add(Thread.currentThread());
                            refused.countDown();
                        }
                    }
                })
                .build();
    }

    private void token(HttpExchange x) throws IOException {
        if (tokenCalls.incrementAndGet() == 1) {
            answer(x, 200, "application/json", "{\"code\":0,\"data\":{\"token\":\"" + TestTokens.ANON_1 + "\"}}");
            return;
        }
        awaitAllWaiting();
        switch (fault) {
            case EMPTY_503 -> answer(x, 503, null, "");
            case HTML_502 -> answer(x, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
            case NO_ANSWER -> {
                await(stop); // never answered: the client's deadline ends it
                x.close();
            }
        }
    }

    /** Until the 20 callers were refused and the threads that saw it stopped running (they wait for the renewal). */
    private void awaitAllWaiting() {
        await(refused);
        for (int i = 0; i < 5_000 && refusedOn.stream().anyMatch(t -> t.getState() == Thread.State.RUNNABLE); i++) {
            sleep();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                System.out.println("gave up waiting for " + latch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            x.getResponseHeaders().add("Content-Type", type);
        }
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
