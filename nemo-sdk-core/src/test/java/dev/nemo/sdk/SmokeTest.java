package dev.nemo.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.testing.WireMockSupport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
    @TempDir
    Path dir;

    @Test
    void anonymousTokenThenCredits() {
        WireMockServer wm = WireMockSupport.startWithJournal();
        try {
            wm.stubFor(post("/api/auth/anonymous-token").willReturn(okJson(
                    "{\"code\":0,\"data\":{\"token\":\"" + TestTokens.ANON_1 + "\",\"user_id\":\"anon_1\",\"expires_at\":\"2026-12-01T00:00:00Z\",\"credits\":100}}")));
            wm.stubFor(get("/api/credits/balance/simple").willReturn(okJson(
                    "{\"code\":0,\"data\":{\"available\":100,\"frozen\":0,\"total\":100}}")));
            try (NemoClient c = WireMockSupport.client(wm, VirtualTime.create(), dir).clientId("cid-1").build()) {
                assertThat(c.credits().balance().available()).isEqualTo(100);
            }
            wm.verify(getRequestedFor(urlEqualTo("/api/credits/balance/simple"))
                    .withHeader("Authorization", equalTo("Bearer " + TestTokens.ANON_1)));
        } finally {
            wm.stop();
        }
    }
}
