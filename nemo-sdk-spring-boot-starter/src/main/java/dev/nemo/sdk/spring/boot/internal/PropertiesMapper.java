package dev.nemo.sdk.spring.boot.internal;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.auth.Attribution;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.spring.boot.NemoProperties;
import java.util.Map;

/** Turns {@code nemo.*} properties into SDK settings. Unset values keep the SDK's defaults. */
public final class PropertiesMapper {
    private PropertiesMapper() {}

    /**
     * @param p the bound properties
     * @return a client builder with the properties applied
     */
    public static NemoClient.Builder builder(NemoProperties p) {
        NemoClient.Builder b = NemoClient.builder()
                .connectTimeout(p.getConnectTimeout())
                .requestTimeout(p.getRequestTimeout())
                .retryPolicy(retryPolicy(p.getRetry()))
                .attribution(attribution(p.getAttribution()))
                .persistAnonymousToken(p.isPersistAnonymousToken());
        if (!p.isUseEnvironmentVariables()) {
            b.environment(Map.of());
        }
        if (hasText(p.getBaseUrl())) {
            b.baseUrl(p.getBaseUrl());
        }
        if (hasText(p.getToken())) {
            b.token(p.getToken().strip());
        }
        if (hasText(p.getClientId())) {
            b.clientId(p.getClientId().strip());
        }
        if (p.getConfigDirectory() != null) {
            b.configDirectory(p.getConfigDirectory());
        }
        return b;
    }

    /**
     * @param r {@code nemo.retry.*}
     * @return the retry policy
     */
    public static RetryPolicy retryPolicy(NemoProperties.Retry r) {
        return RetryPolicy.builder()
                .maxAttempts(r.getMaxAttempts())
                .initialBackoff(r.getInitialBackoff())
                .maxBackoff(r.getMaxBackoff())
                .retryOnRateLimit(r.isRetryOnRateLimit())
                .defaultRateLimitWait(r.getDefaultRateLimitWait())
                .maxRateLimitWait(r.getMaxRateLimitWait())
                .build();
    }

    /**
     * @param a {@code nemo.attribution.*}
     * @return the SDK's default attribution with the set parts replaced
     */
    public static Attribution attribution(NemoProperties.Attribution a) {
        Attribution out = Attribution.defaults();
        if (hasText(a.getSource())) {
            out = out.withSource(a.getSource());
        }
        if (hasText(a.getVersion())) {
            out = out.withVersion(a.getVersion());
        }
        if (hasText(a.getPlatform())) {
            out = out.withPlatform(a.getPlatform());
        }
        return out;
    }

    /**
     * @param p {@code nemo.polling.*}
     * @return the polling strategy
     */
    public static PollingStrategy polling(NemoProperties.Polling p) {
        return PollingStrategy.builder()
                .interval(p.getInterval())
                .maxPolls(p.getMaxPolls())
                .timeout(p.getTimeout())
                .build();
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
