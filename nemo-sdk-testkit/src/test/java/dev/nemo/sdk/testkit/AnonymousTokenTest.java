package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.testing.VirtualTime;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The anonymous-token rules: client id, 100 credits, 7-day expiry on the injected clock, per-client limit. */
class AnonymousTokenTest {
    private final VirtualTime time = VirtualTime.create();
    private NemoEmulator emulator;
    private Http http;

    @BeforeEach
    void start() {
        emulator = NemoEmulator.start(EmulatorOptions.builder()
                .clock(time)
                .tokenTag("tag42")
                .staticToken("nmv_usr_static_test_token", 250)
                .build());
        http = new Http(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private HttpResponse<String> tokenCall(String clientId) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(http.uri("/api/auth/anonymous-token")).POST(HttpRequest.BodyPublishers.noBody());
        if (clientId != null) {
            b.header("X-Client-Id", clientId);
        }
        return http.send(b);
    }

    @Test
    void issuesATokenWith100CreditsValidForSevenDaysOfTheInjectedClock() {
        HttpResponse<String> r = tokenCall("client-a");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode data = Http.json(r).path("data");
        assertThat(Http.json(r).path("code").asInt()).isZero();
        assertThat(data.path("token").asText()).startsWith("nmv_usr_tag42").hasSize("nmv_usr_tag42".length() + 40);
        assertThat(data.path("user_id").asText()).startsWith("anon_");
        assertThat(data.path("credits").asLong()).isEqualTo(100);
        assertThat(Instant.parse(data.path("expires_at").asText()))
                .isEqualTo(time.instant().plus(Duration.ofDays(7)));
        assertThat(emulator.accountForClient("client-a")).hasValueSatisfying(a -> {
            assertThat(a.anonymous()).isTrue();
            assertThat(a.total()).isEqualTo(100);
        });
    }

    @Test
    void refusesAMissingOrOverlongClientIdWith400() {
        assertThat(tokenCall(null).statusCode()).isEqualTo(400);
        assertThat(tokenCall("x".repeat(65)).statusCode()).isEqualTo(400);
        assertThat(tokenCall("x".repeat(64)).statusCode()).isEqualTo(200);
    }

    @Test
    void aSecondTokenForTheSameClientIsRateLimitedUntilTheFirstExpires() {
        JsonNode first = Http.json(tokenCall("client-b")).path("data");
        time.advance(Duration.ofDays(1));

        HttpResponse<String> limited = tokenCall("client-b");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After"))
                .hasValue(Long.toString(Duration.ofDays(6).toSeconds()));

        assertThat(tokenCall("client-other").statusCode()).isEqualTo(200);

        time.advance(Duration.ofDays(6));
        HttpResponse<String> renewed = tokenCall("client-b");
        assertThat(renewed.statusCode()).isEqualTo(200);
        JsonNode second = Http.json(renewed).path("data");
        assertThat(second.path("token").asText())
                .isNotEqualTo(first.path("token").asText());
        assertThat(second.path("user_id").asText())
                .isEqualTo(first.path("user_id").asText());
    }

    @Test
    void anExpiredTokenGets1001AndTheRenewedOneKeepsTheAccount() {
        http.login("client-c");
        String sid = http.newSession();
        time.advance(Duration.ofDays(7));

        JsonNode expired = Http.json(http.get("/api/credits/balance/simple"));
        assertThat(expired.path("code").asInt()).isEqualTo(1001);

        http.login("client-c");
        JsonNode state = Http.json(http.get("/api/state/nemo_agent/me/" + sid + "/latest"));
        assertThat(state.path("code").asInt()).isZero();
    }

    @Test
    void everyOtherEndpointNeedsAKnownBearerToken() {
        assertThat(Http.json(http.get("/api/credits/balance/simple"))
                        .path("code")
                        .asInt())
                .isEqualTo(1001);
        http.token = "nmv_usr_not_issued_by_the_emulator";
        assertThat(Http.json(http.post("/api/tasks/me/with-session/nemo_agent", "{}"))
                        .path("code")
                        .asInt())
                .isEqualTo(1001);
        http.token = "nmv_usr_static_test_token";
        JsonNode credits = Http.json(http.get("/api/credits/balance/simple")).path("data");
        assertThat(credits.path("available").asLong()).isEqualTo(250);
        time.advance(Duration.ofDays(365));
        assertThat(Http.json(http.get("/api/credits/balance/simple"))
                        .path("code")
                        .asInt())
                .isZero();
    }
}
