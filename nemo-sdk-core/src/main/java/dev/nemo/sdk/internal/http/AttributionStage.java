package dev.nemo.sdk.internal.http;

import dev.nemo.sdk.auth.Attribution;
import java.util.concurrent.CompletableFuture;

/**
 * Adds {@code User-Agent} to every call, and the {@code X-Skill-*} attribution headers to calls
 * that carry credentials (the API's origin): the backend needs them to allow exports (HTTP 402
 * without them), and no other host gets them.
 */
final class AttributionStage implements HttpStage {
    private final Attribution attribution;
    private final String userAgent;

    AttributionStage(Attribution attribution, String userAgent) {
        this.attribution = attribution;
        this.userAgent = userAgent;
    }

    @Override
    public <T> CompletableFuture<HttpReply<T>> process(HttpCall<T> call, HttpSender next) {
        HttpCall<T> c = call.withHeader("User-Agent", userAgent);
        if (!c.credentialsDropped()) {
            c = c.withHeader("X-Skill-Source", attribution.source())
                    .withHeader("X-Skill-Version", attribution.version())
                    .withHeader("X-Skill-Platform", attribution.platform());
        }
        return next.send(c);
    }
}
