package dev.nemo.sdk.internal.http;

import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.Sleeper;
import dev.nemo.sdk.auth.Attribution;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Everything the transport needs, resolved by the client builder.
 *
 * @param baseUri        API base, no trailing slash
 * @param http           the HTTP client (may be shared between clients)
 * @param attribution    {@code X-Skill-*} values
 * @param userAgent      {@code User-Agent}
 * @param requestTimeout default deadline of a whole JSON exchange
 * @param retryPolicy    default retry policy
 * @param sleeper        how to wait
 * @param clock          time source
 * @param scheduler      timer for deadlines
 * @param executor       where to run continuations, or {@code null} for the default
 */
public record TransportSettings(URI baseUri, HttpClient http, Attribution attribution, String userAgent,
                                Duration requestTimeout, RetryPolicy retryPolicy, Sleeper sleeper, Clock clock,
                                ScheduledExecutorService scheduler, Executor executor) {
}
