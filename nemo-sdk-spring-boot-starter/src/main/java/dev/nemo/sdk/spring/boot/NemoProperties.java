package dev.nemo.sdk.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code nemo.*} settings of the auto-configured {@link dev.nemo.sdk.NemoClient}. Unset values
 * keep the SDK's defaults. {@link #toString()} never shows the token, and the starter keeps
 * {@code nemo.token} out of Actuator's {@code configprops} and {@code env} endpoints.
 */
@ConfigurationProperties(prefix = "nemo")
public class NemoProperties {

    /** API base URL; when unset, NEMO_API_URL, else the production API. */
    private String baseUrl;

    /** API token; when unset, NEMO_TOKEN, else a free anonymous token. Never logged or shown by Actuator. */
    private String token;

    /** Stable X-Client-Id for anonymous tokens (at most 64 printable characters). */
    private String clientId;

    /** Whether NEMO_TOKEN, NEMO_API_URL and NEMO_CLIENT_ID are read when the matching property is unset. */
    private boolean useEnvironmentVariables = true;

    /** Where the anonymous client id (and token) are persisted; default ~/.config/nemovideo. */
    private Path configDirectory;

    /** Whether an anonymous token is kept between runs next to the client id. */
    private boolean persistAnonymousToken = true;

    /** TCP/TLS connect timeout. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** Deadline of a whole JSON exchange, headers and body. */
    private Duration requestTimeout = Duration.ofSeconds(60);

    private final Retry retry = new Retry();

    private final Attribution attribution = new Attribution();

    private final Polling polling = new Polling();

    private final Health health = new Health();

    private final Metrics metrics = new Metrics();

    /** @return the API base URL, or {@code null} for the SDK's default */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** @param baseUrl the API base URL */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** @return the API token, or {@code null} */
    public String getToken() {
        return token;
    }

    /** @param token the API token */
    public void setToken(String token) {
        this.token = token;
    }

    /** @return the anonymous client id, or {@code null} */
    public String getClientId() {
        return clientId;
    }

    /** @param clientId the anonymous client id */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /** @return whether {@code NEMO_*} environment variables fill unset values */
    public boolean isUseEnvironmentVariables() {
        return useEnvironmentVariables;
    }

    /** @param useEnvironmentVariables whether {@code NEMO_*} environment variables fill unset values */
    public void setUseEnvironmentVariables(boolean useEnvironmentVariables) {
        this.useEnvironmentVariables = useEnvironmentVariables;
    }

    /** @return where the client id is persisted, or {@code null} for the default */
    public Path getConfigDirectory() {
        return configDirectory;
    }

    /** @param configDirectory where the client id is persisted */
    public void setConfigDirectory(Path configDirectory) {
        this.configDirectory = configDirectory;
    }

    /** @return whether an anonymous token is persisted */
    public boolean isPersistAnonymousToken() {
        return persistAnonymousToken;
    }

    /** @param persistAnonymousToken whether an anonymous token is persisted */
    public void setPersistAnonymousToken(boolean persistAnonymousToken) {
        this.persistAnonymousToken = persistAnonymousToken;
    }

    /** @return the connect timeout */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** @param connectTimeout the connect timeout */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** @return the request timeout */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    /** @param requestTimeout the request timeout */
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** @return {@code nemo.retry.*} */
    public Retry getRetry() {
        return retry;
    }

    /** @return {@code nemo.attribution.*} */
    public Attribution getAttribution() {
        return attribution;
    }

    /** @return {@code nemo.polling.*} */
    public Polling getPolling() {
        return polling;
    }

    /** @return {@code nemo.health.*} */
    public Health getHealth() {
        return health;
    }

    /** @return {@code nemo.metrics.*} */
    public Metrics getMetrics() {
        return metrics;
    }

    @Override
    public String toString() {
        return "NemoProperties{baseUrl=" + baseUrl + ", token="
                + (token == null || token.isBlank() ? "(unset)" : "****")
                + ", clientId=" + clientId + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + '}';
    }

    /** {@code nemo.retry.*}: the SDK's {@link dev.nemo.sdk.RetryPolicy}. */
    public static class Retry {
        /** Attempts in all for idempotent calls, including the first (1 means no retry). */
        private int maxAttempts = 3;

        /** Backoff cap of the first retry. */
        private Duration initialBackoff = Duration.ofMillis(500);

        /** Backoff cap of any retry. */
        private Duration maxBackoff = Duration.ofSeconds(8);

        /** Whether an HTTP 429 is retried once after waiting. */
        private boolean retryOnRateLimit = true;

        /** Wait after a 429 without Retry-After. */
        private Duration defaultRateLimitWait = Duration.ofSeconds(30);

        /** Longest Retry-After honoured automatically; longer ones are raised at once. */
        private Duration maxRateLimitWait = Duration.ofMinutes(2);

        /** @return attempts in all */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /** @param maxAttempts attempts in all */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** @return the first backoff cap */
        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        /** @param initialBackoff the first backoff cap */
        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        /** @return the largest backoff cap */
        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        /** @param maxBackoff the largest backoff cap */
        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        /** @return whether a 429 is retried once */
        public boolean isRetryOnRateLimit() {
            return retryOnRateLimit;
        }

        /** @param retryOnRateLimit whether a 429 is retried once */
        public void setRetryOnRateLimit(boolean retryOnRateLimit) {
            this.retryOnRateLimit = retryOnRateLimit;
        }

        /** @return the wait after a 429 without Retry-After */
        public Duration getDefaultRateLimitWait() {
            return defaultRateLimitWait;
        }

        /** @param defaultRateLimitWait the wait after a 429 without Retry-After */
        public void setDefaultRateLimitWait(Duration defaultRateLimitWait) {
            this.defaultRateLimitWait = defaultRateLimitWait;
        }

        /** @return the longest Retry-After honoured */
        public Duration getMaxRateLimitWait() {
            return maxRateLimitWait;
        }

        /** @param maxRateLimitWait the longest Retry-After honoured */
        public void setMaxRateLimitWait(Duration maxRateLimitWait) {
            this.maxRateLimitWait = maxRateLimitWait;
        }
    }

    /** {@code nemo.attribution.*}: the X-Skill-* headers; unset parts keep the SDK's defaults. */
    public static class Attribution {
        /** X-Skill-Source; default ai-gif-compressor. */
        private String source;

        /** X-Skill-Version; default the SDK's version. */
        private String version;

        /** X-Skill-Platform; default detected (clawhub, cursor or unknown). */
        private String platform;

        /** @return the source, or {@code null} */
        public String getSource() {
            return source;
        }

        /** @param source the source */
        public void setSource(String source) {
            this.source = source;
        }

        /** @return the version, or {@code null} */
        public String getVersion() {
            return version;
        }

        /** @param version the version */
        public void setVersion(String version) {
            this.version = version;
        }

        /** @return the platform, or {@code null} */
        public String getPlatform() {
            return platform;
        }

        /** @param platform the platform */
        public void setPlatform(String platform) {
            this.platform = platform;
        }
    }

    /** {@code nemo.polling.*}: the export {@link dev.nemo.sdk.export.PollingStrategy} bean. */
    public static class Polling {
        /** Wait between export status polls. */
        private Duration interval = Duration.ofSeconds(30);

        /** Most polls of one wait. */
        private int maxPolls = 10;

        /** Overall deadline of one wait. */
        private Duration timeout = Duration.ofMinutes(10);

        /** @return the wait between polls */
        public Duration getInterval() {
            return interval;
        }

        /** @param interval the wait between polls */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        /** @return the most polls of one wait */
        public int getMaxPolls() {
            return maxPolls;
        }

        /** @param maxPolls the most polls of one wait */
        public void setMaxPolls(int maxPolls) {
            this.maxPolls = maxPolls;
        }

        /** @return the deadline of one wait */
        public Duration getTimeout() {
            return timeout;
        }

        /** @param timeout the deadline of one wait */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** {@code nemo.health.*}: the Actuator health indicator. */
    public static class Health {
        /** Whether the "nemo" health indicator is registered; each check is an API call (the credit balance). */
        private boolean enabled;

        /** @return whether the health indicator is registered */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the health indicator is registered */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** {@code nemo.metrics.*}: Micrometer meters and observations of SDK calls. */
    public static class Metrics {
        /** Whether SDK calls are timed and observed when Micrometer is present. */
        private boolean enabled = true;

        /** @return whether metrics are recorded */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether metrics are recorded */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
