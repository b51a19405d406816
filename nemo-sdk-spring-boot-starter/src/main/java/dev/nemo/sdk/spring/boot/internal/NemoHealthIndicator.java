package dev.nemo.sdk.spring.boot.internal;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.spring.health.NemoHealthCheck;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Boot 4's indicator over {@link NemoHealthCheck}: UP with the credit balance when the API answers,
 * DOWN with the error type, API code and HTTP status otherwise.
 */
public final class NemoHealthIndicator implements HealthIndicator {
    private final NemoHealthCheck check;

    /** @param client the client whose API is checked */
    public NemoHealthIndicator(NemoClient client) {
        this.check = new NemoHealthCheck(client);
    }

    @Override
    public Health health() {
        NemoHealthCheck.Result r = check.check();
        return (r.up() ? Health.up() : Health.down()).withDetails(r.details()).build();
    }
}
