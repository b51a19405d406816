package dev.nemo.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Body-less calls with the same parts share one request, calls with a body the headers of equal
 * maps; anything that differs gets its own.
 */
class PreparedRequestsTest {
    private static final URI CREDITS = URI.create("https://api.example/api/credits/balance/simple");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final PreparedRequests prepared = new PreparedRequests();

    @Test
    void theSamePartsGiveTheSameRequestWithThoseParts() {
        Map<String, String> headers = Map.of("Accept", "application/json", "Authorization", "Bearer one");
        HttpRequest first = prepared.get("GET", CREDITS, headers, TIMEOUT);
        HttpRequest second = prepared.get("GET", URI.create(CREDITS.toString()), Map.copyOf(headers), TIMEOUT);

        assertThat(second).isSameAs(first);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.uri()).isEqualTo(CREDITS);
        assertThat(first.timeout()).contains(TIMEOUT);
        assertThat(first.headers().firstValue("authorization")).contains("Bearer one");
        assertThat(first.bodyPublisher())
                .hasValueSatisfying(p -> assertThat(p.contentLength()).isZero());
    }

    @Test
    void aRenewedTokenAnotherUriMethodOrTimeoutGetsItsOwnRequest() {
        HttpRequest first = prepared.get("GET", CREDITS, Map.of("Authorization", "Bearer one"), TIMEOUT);

        HttpRequest renewed = prepared.get("GET", CREDITS, Map.of("Authorization", "Bearer two"), TIMEOUT);
        HttpRequest other =
                prepared.get("GET", CREDITS.resolve("/api/other"), Map.of("Authorization", "Bearer one"), TIMEOUT);
        HttpRequest delete = prepared.get("DELETE", CREDITS, Map.of("Authorization", "Bearer one"), TIMEOUT);
        HttpRequest shorter =
                prepared.get("GET", CREDITS, Map.of("Authorization", "Bearer one"), Duration.ofSeconds(5));

        assertThat(renewed.headers().firstValue("authorization")).contains("Bearer two");
        assertThat(other.uri().getPath()).isEqualTo("/api/other");
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(shorter.timeout()).contains(Duration.ofSeconds(5));
        assertThat(first)
                .isNotSameAs(renewed)
                .isNotSameAs(other)
                .isNotSameAs(delete)
                .isNotSameAs(shorter);
    }

    @Test
    void everNewPathsNeverGrowItPastItsBound() {
        for (int i = 0; i < PreparedRequests.MAX_ENTRIES * 3; i++) {
            prepared.get("GET", CREDITS.resolve("/api/sessions/" + i), Map.of(), TIMEOUT);
        }

        assertThat(prepared.requestCount()).isLessThanOrEqualTo(PreparedRequests.MAX_ENTRIES);
    }

    @Test
    void callsWithABodyShareTheHeadersOfEqualMaps() {
        Map<String, String> map = Map.of("Content-Type", "application/json", "Authorization", "Bearer one");

        HttpHeaders first = prepared.headers(map);
        HttpHeaders again = prepared.headers(Map.copyOf(new LinkedHashMap<>(map)));
        HttpHeaders renewed =
                prepared.headers(Map.of("Content-Type", "application/json", "Authorization", "Bearer two"));

        assertThat(again).isSameAs(first);
        assertThat(first.map())
                .containsOnlyKeys("Content-Type", "Authorization")
                .containsEntry("content-type", List.of("application/json"))
                .containsEntry("authorization", List.of("Bearer one"));
        assertThat(renewed).isNotSameAs(first);
        assertThat(renewed.firstValue("Authorization")).contains("Bearer two");
    }

    @Test
    void everNewHeaderMapsNeverGrowItPastItsBound() {
        for (int i = 0; i < PreparedRequests.MAX_ENTRIES * 3; i++) {
            prepared.headers(Map.of("Authorization", "Bearer " + i));
        }

        assertThat(prepared.headerCount()).isLessThanOrEqualTo(PreparedRequests.MAX_ENTRIES);
    }
}
