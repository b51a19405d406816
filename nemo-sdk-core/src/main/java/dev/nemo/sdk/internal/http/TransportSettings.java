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
import org.jspecify.annotations.Nullable;

/**
 * Everything the pipeline needs, resolved by the client builder.
 *
 * @param baseUri        API base, no trailing slash
 * @param http           the HTTP client (may be shared between clients)
 * @param attribution    {@code X-Skill-*} values
 * @param userAgent      {@code User-Agent}
 * @param requestTimeout default deadline of each attempt of a JSON exchange, headers and body
 * @param retryPolicy    default retry policy
 * @param sleeper        how to wait
 * @param clock          time source
 * @param scheduler      the client's timer (body deadlines, stream watchdogs)
 * @param executor       where to run continuations, or {@code null} for the default
 * @param listeners      the user's request listeners
 * @param durableDownloads whether a download is forced to the device before it is moved into place
 */
public record TransportSettings(URI baseUri, HttpClient http, Attribution attribution, String userAgent,
                                Duration requestTimeout, RetryPolicy retryPolicy, Sleeper sleeper, Clock clock,
                                ScheduledExecutorService scheduler, @Nullable Executor executor, Listeners listeners,
                                boolean durableDownloads) {
}
