package dev.nemo.sdk.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.credits.Credits;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.testing.WireMockSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentRenewalTest {
    @TempDir
    Path dir;

    @Test
    void twentyThreadsHittingAnExpiredTokenTriggerExactlyOneRenewal() throws Exception {
        WireMockServer wm = WireMockSupport.startWithJournal();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            wm.stubFor(post("/api/auth/anonymous-token")
                    .inScenario("t")
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(okJson("{\"code\":0,\"data\":{\"token\":\"" + TestTokens.ANON_1 + "\"}}"))
                    .willSetStateTo("renewed"));
            wm.stubFor(post("/api/auth/anonymous-token")
                    .inScenario("t")
                    .whenScenarioStateIs("renewed")
                    .willReturn(okJson("{\"code\":0,\"data\":{\"token\":\"" + TestTokens.ANON_2 + "\"}}")
                            .withFixedDelay(200)));
            wm.stubFor(get("/api/credits/balance/simple")
                    .withHeader("Authorization", equalTo("Bearer " + TestTokens.ANON_1))
                    .willReturn(okJson("{\"code\":1001}")));
            wm.stubFor(get("/api/credits/balance/simple")
                    .withHeader("Authorization", equalTo("Bearer " + TestTokens.ANON_2))
                    .willReturn(okJson("{\"code\":0,\"data\":{\"available\":1,\"frozen\":0,\"total\":1}}")));

            try (NemoClient client = WireMockSupport.client(wm, VirtualTime.create(), dir)
                    .clientId("same-id")
                    .build()) {
                // building the client fetches nothing: the 20 callers race for the first token as well
                wm.verify(exactly(0), postRequestedFor(urlEqualTo("/api/auth/anonymous-token")));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Credits>> results = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return client.credits().balance();
                    }));
                }
                start.countDown();
                for (Future<Credits> f : results) {
                    assertThat(f.get(30, TimeUnit.SECONDS).available()).isEqualTo(1);
                }
            }

            // one initial token + exactly one renewal, both with the same client id
            wm.verify(
                    exactly(2),
                    postRequestedFor(urlEqualTo("/api/auth/anonymous-token"))
                            .withHeader("X-Client-Id", equalTo("same-id")));
        } finally {
            pool.shutdownNow();
            wm.stop();
        }
    }
}
