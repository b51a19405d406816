package dev.nemo.sdk.spring.health;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.credits.Credits;
import dev.nemo.sdk.error.NemoException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The check behind the starter's Actuator health indicators (Spring Boot 3.5 and 4), free of any
 * Spring type: one credit-balance call. UP with the base URL and the credits available; DOWN with
 * the base URL, the typed error's class name, its API code and HTTP status. Never the token, the
 * error's message or a query string.
 */
public final class NemoHealthCheck {
    private final NemoClient client;

    /**
     * Creates the check.
     *
     * @param client the client whose API is checked
     */
    public NemoHealthCheck(NemoClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Reads the credit balance once.
     *
     * @return whether the API answered, and the details to show
     */
    public Result check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("baseUrl", withoutUserInfoOrQuery(client.baseUrl()));
        try {
            Credits c = client.credits().balance();
            details.put("creditsAvailable", c.available());
            return new Result(true, details);
        } catch (NemoException e) {
            details.put("error", e.getClass().getSimpleName());
            e.apiCode().ifPresent(code -> details.put("apiCode", code));
            if (e.httpStatus() != NemoException.NO_STATUS) {
                details.put("httpStatus", e.httpStatus());
            }
            return new Result(false, details);
        }
    }

    private static String withoutUserInfoOrQuery(URI u) {
        try {
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return u.getScheme() + "://" + u.getHost();
        }
    }

    /**
     * What one check found.
     *
     * @param up      whether the API answered the balance call
     * @param details the details an indicator shows, in order
     */
    public record Result(boolean up, Map<String, Object> details) {
        /** Copies the details, keeping their order. */
        public Result {
            details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        }
    }
}
