package dev.nemo.sdk.internal.http;

import dev.nemo.sdk.auth.Attribution;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Adds {@code User-Agent} to every call, and the {@code X-Skill-*} attribution headers to calls
 * that carry credentials (the API's origin): the backend needs them to allow exports (HTTP 402
 * without them), and no other host gets them.
 */
final class AttributionStage implements HttpStage {
    private final Map<String, String> plain;
    private final Map<String, String> attributed;
    private final HeaderMerge plainMerge = new HeaderMerge();
    private final HeaderMerge attributedMerge = new HeaderMerge();

    AttributionStage(Attribution attribution, String userAgent) {
        this.plain = Map.of("User-Agent", userAgent);
        Map<String, String> all = new LinkedHashMap<>(plain);
        all.put("X-Skill-Source", attribution.source());
        all.put("X-Skill-Version", attribution.version());
        all.put("X-Skill-Platform", attribution.platform());
        this.attributed = Map.copyOf(all);
    }

    @Override
    public <T> CompletableFuture<HttpReply<T>> process(HttpCall<T> call, HttpSender next) {
        return next.send(
                call.credentialsDropped()
                        ? call.withHeaders(plain, plainMerge)
                        : call.withHeaders(attributed, attributedMerge));
    }
}
