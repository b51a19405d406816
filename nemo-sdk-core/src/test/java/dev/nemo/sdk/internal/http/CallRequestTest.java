package dev.nemo.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A request made without the JDK's builder: the JDK's client still checks every header of it when
 * it is sent (so skipping the builder skipped no check), it equals the built request with the same
 * parts, and it never shows its headers.
 */
class CallRequestTest {
    private static final URI TARGET = URI.create("http://127.0.0.1:9/run_sse");

    @Test
    void theClientRefusesAHeaderTheBuilderWouldHaveRefused() {
        HttpClient http = HttpClient.newHttpClient();
        for (Map<String, String> bad : List.of(
                Map.of("X-Trace", "one\u0000two"),
                Map.of("X-Trace", "中"),
                Map.of("Bad Name", "v"),
                Map.of("Host", "elsewhere.example"))) {
            CallRequest request = request(bad);

            assertThatThrownBy(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                    .as("%s", bad.keySet())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void itEqualsTheBuiltRequestWithTheSameParts() {
        CallRequest request = request(Map.of("Authorization", "Bearer secret-token", "Accept", "text/event-stream"));
        HttpRequest built = HttpRequest.newBuilder(TARGET)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Authorization", "Bearer secret-token")
                .header("Accept", "text/event-stream")
                .build();

        assertThat(request).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(request.timeout()).contains(Duration.ofSeconds(30));
        assertThat(request.expectContinue()).isFalse();
        assertThat(request.version()).isEmpty();
        assertThat(request.bodyPublisher())
                .hasValueSatisfying(p -> assertThat(p.contentLength()).isEqualTo(2));
    }

    @Test
    void itNeverShowsItsHeaders() {
        assertThat(request(Map.of("Authorization", "Bearer secret-token")).toString())
                .isEqualTo(TARGET + " POST")
                .doesNotContain("secret-token");
    }

    private static CallRequest request(Map<String, String> headers) {
        return new CallRequest(
                "POST",
                TARGET,
                Duration.ofSeconds(30),
                HttpRequest.BodyPublishers.ofString("{}"),
                new PreparedRequests().headers(headers));
    }
}
