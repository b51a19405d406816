package dev.nemo.sdk.internal.http;

import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.NemoServiceException;
import dev.nemo.sdk.internal.util.Futures;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows redirects (at most five hops). A hop within the same origin keeps the call's
 * credentials; a hop to another origin drops {@code Authorization}, {@code X-Skill-*},
 * {@code X-Client-Id} and the caller's extra headers ({@code RequestOptions.headers()}), and they
 * are never added again, even when a later hop comes back.
 * API calls refuse to leave the API's origin at all (their bodies and answers belong to the API);
 * only downloads follow a redirect to another host.
 */
final class RedirectStage implements HttpStage {
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.http");
    static final int MAX_REDIRECTS = 5;

    @Override
    public <T> CompletableFuture<HttpReply<T>> process(HttpCall<T> call, HttpSender next) {
        return follow(call, next, 0);
    }

    private <T> CompletableFuture<HttpReply<T>> follow(HttpCall<T> call, HttpSender next, int hops) {
        CompletableFuture<HttpReply<T>> sent = next.send(call);
        if (Futures.succeeded(sent) && !sent.join().isRedirect()) {
            return sent;
        }
        return sent.thenCompose(reply -> {
            if (!reply.isRedirect()) {
                return CompletableFuture.completedFuture(reply);
            }
            HttpCall<T> hop = nextHop(call, reply, hops);
            if (call.context().cancelled()) {
                return CompletableFuture.failedFuture(new CancellationException("cancelled"));
            }
            return follow(hop, next, hops + 1);
        });
    }

    private static <T> HttpCall<T> nextHop(HttpCall<T> call, HttpReply<T> reply, int hops) {
        ApiRequest r = call.context().request();
        ErrorDetails details = new ErrorDetails(reply.status(), null, call.method(), r.path(), null,
                reply.headers().map());
        URI target;
        try {
            target = call.uri().resolve(reply.location().orElseThrow().strip());
        } catch (IllegalArgumentException e) {
            throw new NemoServiceException("The answer to " + r.method() + " " + r.path()
                    + " redirected to an invalid URL", details, e);
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || target.getHost() == null) {
            throw new NemoServiceException("The answer to " + r.method() + " " + r.path()
                    + " redirected to a URL that is not http(s)", details, null);
        }
        boolean sameOrigin = Origins.same(call.uri(), target);
        if (!sameOrigin && !call.context().followsCrossOrigin()) {
            throw new NemoServiceException("The API redirected " + r.method() + " " + r.path() + " to another origin ("
                    + target.getScheme() + "://" + target.getAuthority() + "); the SDK does not send credentials there",
                    details, null);
        }
        if (hops >= MAX_REDIRECTS) {
            throw new NemoServiceException("Too many redirects for " + r.method() + " " + r.path(), details, null);
        }
        int status = reply.status();
        boolean keepMethod = status == 307 || status == 308 || "GET".equals(call.method()) || "HEAD".equals(call.method());
        HttpCall<T> hop = call.redirectTo(keepMethod ? call.method() : "GET", target, keepMethod ? call.body() : null);
        if (!sameOrigin && !call.credentialsDropped()) {
            LOG.debug("{} {} was redirected to another host; its credentials are not sent there", r.method(), r.path());
            hop = hop.withoutCredentials();
        }
        return hop;
    }
}
