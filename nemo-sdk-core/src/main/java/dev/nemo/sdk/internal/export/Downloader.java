package dev.nemo.sdk.internal.export;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.NemoClientException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.NemoServiceException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.internal.http.ApiRequest;
import dev.nemo.sdk.internal.http.Transport;
import dev.nemo.sdk.internal.http.TransportSettings;
import dev.nemo.sdk.internal.util.Futures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads an export's video. Credentials (bearer token, {@code X-Skill-*}) are sent only while
 * every hop stays on the API's origin: the output URL on a CDN gets a plain GET, and redirects are
 * followed here so the credentials are dropped as soon as the origin changes. The body goes to a
 * temporary file that is moved into place atomically; a deadline covers the whole download. When
 * the output URL fails, the authenticated {@code /api/render/proxy/<id>/download} is tried.
 */
public final class Downloader {
    /** Deadline of a whole download when the caller gives none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.export");
    private static final int MAX_REDIRECTS = 5;
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Transport transport;

    /** @param transport the client's transport */
    public Downloader(Transport transport) {
        this.transport = transport;
    }

    /**
     * {@return the result}
     *
     * @param job          a completed job
     * @param fallbackPath the authenticated download path of the job
     * @param target       a file, or an existing directory
     * @param options      {@code timeout}: deadline of the whole download
     */
    public CompletableFuture<DownloadResult> download(ExportJob job, String fallbackPath, Path target,
                                                      RequestOptions options) {
        if (!job.isCompleted() && job.outputUrl().isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("Export " + job.renderId()
                    + " has nothing to download yet (status " + job.status() + "); wait for it to complete"));
        }
        Path file;
        try {
            file = resolveTarget(job, target);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new FileSink.LocalFileFailure("Cannot write to " + target, e));
        }
        return new Download(job, fallbackPath, file, options.timeout().orElse(DEFAULT_TIMEOUT)).start();
    }

    static Path resolveTarget(ExportJob job, Path target) throws IOException {
        Path t = target.toAbsolutePath();
        if (Files.isDirectory(t)) {
            return t.resolve(fileName(job));
        }
        Path parent = t.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new NoSuchFileException(String.valueOf(parent), null, "the target's directory does not exist");
        }
        return t;
    }

    /** The output URL's last segment when it is a plain file name, else {@code <renderId>.<ext>}. */
    static String fileName(ExportJob job) {
        String fromUrl = job.outputUrl().map(u -> {
            String p = u.getPath() == null ? "" : u.getPath();
            return p.substring(p.lastIndexOf('/') + 1);
        }).orElse("");
        if (SAFE_NAME.matcher(fromUrl).matches() && fromUrl.indexOf('.') > 0) {
            return fromUrl;
        }
        String ext = fromUrl.lastIndexOf('.') > 0 ? fromUrl.substring(fromUrl.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                : "";
        if (!ext.matches("[a-z0-9]{1,5}")) {
            ext = "mp4";
        }
        String base = job.renderId().replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty() || base.startsWith(".")) {
            base = "export" + base;
        }
        return base + "." + ext;
    }

    /** A body written to its temporary file, and where it came from. */
    private record Fetched(FileSink sink, long bytes, URI source, boolean fallback) {
        Fetched asFallback() {
            return new Fetched(sink, bytes, source, true);
        }
    }

    /** One download: the output URL, then the fallback, under one deadline. */
    private final class Download {
        private final ExportJob job;
        private final String fallbackPath;
        private final Path file;
        private final Duration timeout;
        private final TransportSettings settings = transport.settings();
        private final CompletableFuture<DownloadResult> result = new CompletableFuture<>();
        private final long startedNanos = System.nanoTime();
        private volatile CompletableFuture<?> inFlight;
        private volatile FileSink sink;
        private volatile boolean timedOut;
        /** Set before the current sink is read by {@link #stop}; a sink created later sees it and aborts. */
        private volatile boolean stopped;
        private boolean finishing;
        private volatile FileSink.LocalFileFailure localFailure;
        private final ReentrantLock decision = new ReentrantLock();

        Download(ExportJob job, String fallbackPath, Path file, Duration timeout) {
            this.job = job;
            this.fallbackPath = fallbackPath;
            this.file = file;
            this.timeout = timeout;
        }

        CompletableFuture<DownloadResult> start() {
            ScheduledFuture<?> deadline = settings.scheduler().schedule(this::expire, timeout.toNanos(),
                    TimeUnit.NANOSECONDS);
            Futures.onCompletion(result, (r, e) -> {
                deadline.cancel(false);
                if (e != null) {
                    // the caller cancelled: stop reading and remove the temporary file
                    stop(e);
                }
            });
            URI primary = job.outputUrl().orElse(null);
            CompletableFuture<Fetched> first = primary != null ? fetch(primary, true, 0)
                    : CompletableFuture.failedFuture(new NoOutputUrl());
            Futures.onCompletion(first.exceptionallyCompose(error -> {
                Throwable e = Futures.unwrap(error);
                if (result.isDone() || timedOut || localFailure != null) {
                    return CompletableFuture.failedFuture(e);
                }
                if (!(e instanceof NoOutputUrl)) {
                    LOG.debug("Download of render {} from {} failed ({}); trying {}", job.renderId(), hostAndPath(primary),
                            e.getClass().getSimpleName(), fallbackPath);
                }
                return fetch(transport.resolve(fallbackPath), true, 0).handle((ok, e2) -> {
                    if (e2 != null) {
                        Throwable fallbackError = Futures.unwrap(e2);
                        if (!(e instanceof NoOutputUrl) && fallbackError != e) {
                            fallbackError.addSuppressed(e);
                        }
                        throw new CompletionException(fallbackError);
                    }
                    return ok.asFallback();
                });
            }), (fetched, error) -> {
                if (error != null) {
                    Throwable e = Futures.unwrap(error);
                    result.completeExceptionally(timedOut ? timeoutError() : localFailure != null ? localFailure
                            : e instanceof NoOutputUrl ? new NemoServiceException("Export " + job.renderId()
                            + " has no output URL", ErrorDetails.none(), null) : e);
                } else {
                    finish(fetched);
                }
            });
            return result;
        }

        private void finish(Fetched fetched) {
            decision.lock();
            try {
                if (stopped || result.isDone()) {
                    fetched.sink().discard();
                    return;
                }
                finishing = true;
            } finally {
                decision.unlock();
            }
            try {
                try {
                    Files.move(fetched.sink().temp(), file, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(fetched.sink().temp(), file, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException | RuntimeException e) {
                fetched.sink().discard();
                result.completeExceptionally(new FileSink.LocalFileFailure("Cannot move the download into " + file, e));
                return;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
            LOG.debug("Downloaded render {} ({} bytes in {} ms) to {}", job.renderId(), fetched.bytes(),
                    took.toMillis(), file.getFileName());
            result.complete(new DownloadResult(file, fetched.bytes(), took, fetched.source(), fetched.fallback()));
        }

        /** Fetches {@code uri}, following redirects; credentials only while on the API's origin. */
        private CompletableFuture<Fetched> fetch(URI uri, boolean credentialed, int redirects) {
            if (stopped || result.isDone()) {
                return CompletableFuture.failedFuture(new CancellationException("download stopped"));
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                return CompletableFuture.failedFuture(new NemoClientException("The download URL of render " + job.renderId()
                        + " is not an http(s) URL", ErrorDetails.none(), null));
            }
            Duration left = timeout.minusNanos(System.nanoTime() - startedNanos);
            if (left.isNegative() || left.isZero()) {
                return CompletableFuture.failedFuture(timeoutError());
            }
            String apiPath = credentialed ? apiPath(uri, settings.baseUri()) : null;
            boolean apiOrigin = apiPath != null;
            HttpResponse.BodyHandler<Object> handler = info -> {
                if (info.statusCode() / 100 == 2) {
                    FileSink s = new FileSink(file.getParent(), "." + file.getFileName() + ".",
                            failure -> localFailure = failure);
                    sink = s;
                    if (stopped) {
                        s.abort(new CancellationException("download stopped"));
                    }
                    @SuppressWarnings("unchecked")
                    HttpResponse.BodySubscriber<Object> bs = (HttpResponse.BodySubscriber<Object>) (Object) s;
                    return bs;
                }
                return HttpResponse.BodySubscribers.replacing(null);
            };
            CompletableFuture<HttpResponse<Object>> sent;
            LOG.debug("--> GET {} ({})", hostAndPath(uri), apiOrigin ? "API origin, authenticated" : "plain");
            if (apiOrigin) {
                ApiRequest request = ApiRequest.get(apiPath).withAccept("*/*")
                        .withOptions(RequestOptions.builder().timeout(left).build());
                sent = transport.stream(request, info -> info.statusCode() / 100 == 2
                        || (info.statusCode() / 100 == 3 && info.headers().firstValue("location").isPresent()), handler);
            } else {
                HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(left)
                        .header("User-Agent", settings.userAgent())
                        .header("Accept", "*/*")
                        .build();
                sent = settings.http().sendAsync(request, handler);
            }
            inFlight = sent;
            return sent.handle((response, error) -> {
                if (error != null) {
                    FileSink s = sink;
                    if (s != null) {
                        s.abort(error);
                    }
                    Throwable e = Futures.unwrap(error);
                    if (localFailure != null) {
                        throw new CompletionException(localFailure);
                    }
                    throw new CompletionException(e instanceof NemoException ? e : Transport.classify(e, describe(uri)));
                }
                return response;
            }).thenCompose(response -> {
                int status = response.statusCode();
                if (status / 100 == 2) {
                    FileSink s = sink;
                    long bytes = (Long) response.body();
                    if (job.outputSize().isPresent() && job.outputSize().getAsLong() != bytes) {
                        s.discard();
                        throw new TransportException("The download of render " + job.renderId() + " from "
                                + uri.getHost() + " is incomplete: " + bytes + " of " + job.outputSize().getAsLong()
                                + " bytes", detailsOf(uri, status), null, TransportException.Kind.TRUNCATED, false);
                    }
                    return CompletableFuture.completedFuture(new Fetched(s, bytes, withoutQuery(uri), false));
                }
                if (status / 100 == 3 && response.headers().firstValue("location").isPresent()) {
                    if (redirects >= MAX_REDIRECTS) {
                        throw new NemoServiceException("Too many redirects downloading render " + job.renderId(),
                                detailsOf(uri, status), null);
                    }
                    URI next;
                    try {
                        next = uri.resolve(response.headers().firstValue("location").orElseThrow().strip());
                    } catch (IllegalArgumentException e) {
                        throw new NemoServiceException("The download of render " + job.renderId()
                                + " was redirected to an invalid URL", detailsOf(uri, status), e);
                    }
                    boolean keep = apiOrigin && apiPath(next, settings.baseUri()) != null;
                    if (apiOrigin && !keep) {
                        LOG.debug("Download of render {} redirected to {}; credentials are not sent there", job.renderId(),
                                next.getHost());
                    }
                    return fetch(next, keep, redirects + 1);
                }
                throw new NemoServiceException("The download of render " + job.renderId() + " from " + uri.getHost()
                        + " failed with HTTP " + status, detailsOf(uri, status), null);
            });
        }

        /** The deadline: stop and clean up first, then fail, so no temporary file outlives the failure. */
        private void expire() {
            decision.lock();
            try {
                if (result.isDone() || finishing) {
                    return;
                }
                timedOut = true;
                stop(timeoutError());
            } finally {
                decision.unlock();
            }
            result.completeExceptionally(timeoutError());
        }

        private void stop(Throwable why) {
            stopped = true;
            CompletableFuture<?> f = inFlight;
            if (f != null) {
                f.cancel(true);
            }
            FileSink s = sink;
            if (s != null) {
                s.abort(why);
                s.discard();
            }
        }

        private TransportException timeoutError() {
            return new TransportException("The download of render " + job.renderId() + " did not finish within "
                    + timeout.toMillis() + " ms", ErrorDetails.request("GET", fallbackPath), new HttpTimeoutException(
                    "download deadline"), TransportException.Kind.TIMEOUT, false);
        }

    }

    /**
     * The path (and query) of {@code uri} relative to the API base when it is on the API's origin
     * and under the base's path, else {@code null} (then it is fetched without credentials).
     */
    static String apiPath(URI uri, URI base) {
        if (!Transport.sameOrigin(uri, base)) {
            return null;
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!basePath.isEmpty()) {
            if (!path.startsWith(basePath + "/")) {
                return null;
            }
            path = path.substring(basePath.length());
        }
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static ApiRequest describe(URI uri) {
        return ApiRequest.get(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
    }

    private static ErrorDetails detailsOf(URI uri, int status) {
        return new ErrorDetails(status, null, "GET", uri.getRawPath(), null);
    }

    private static URI withoutQuery(URI u) {
        return URI.create(hostAndPath(u));
    }

    /** Scheme, host, port and path: no user info, no query (signed URLs stay out of logs and results). */
    private static String hostAndPath(URI u) {
        if (u == null) {
            return "(none)";
        }
        String host = u.getHost().contains(":") ? "[" + u.getHost() + "]" : u.getHost();
        return u.getScheme() + "://" + host + (u.getPort() == -1 ? "" : ":" + u.getPort())
                + (u.getRawPath() == null ? "" : u.getRawPath());
    }

    /** Internal marker: the job has no output URL, go straight to the fallback. */
    private static final class NoOutputUrl extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoOutputUrl() {
            super("no output URL", null, false, false);
        }
    }
}
