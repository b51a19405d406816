package dev.nemo.sdk.spring.boot.internal;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.credits.Credits;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP with the credit balance when the API answers; DOWN with the error type and API code otherwise. */
public final class NemoHealthIndicator implements HealthIndicator {
    private final NemoClient client;

    /** @param client the client whose API is checked */
    public NemoHealthIndicator(NemoClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        try {
            Credits c = client.credits().balance();
            return Health.up().withDetail("baseUrl", client.baseUrl().toString())
                    .withDetail("creditsAvailable", c.available()).build();
        } catch (NemoException e) {
            Health.Builder down = Health.down().withDetail("baseUrl", client.baseUrl().toString())
                    .withDetail("error", e.getClass().getSimpleName());
            e.apiCode().ifPresent(code -> down.withDetail("apiCode", code));
            if (e.httpStatus() != NemoException.NO_STATUS) {
                down.withDetail("httpStatus", e.httpStatus());
            }
            return down.build();
        }
    }
}
