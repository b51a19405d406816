package dev.nemo.sdk.internal.export;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.NemoClientException;
import dev.nemo.sdk.error.NemoServiceException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.internal.http.HttpPipeline;
import dev.nemo.sdk.internal.http.HttpReply;
import dev.nemo.sdk.internal.http.Origins;
import dev.nemo.sdk.internal.http.TransportSettings;
import dev.nemo.sdk.internal.util.Futures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads an export's video through the client's pipeline: credentials (bearer token,
 * {@code X-Skill-*}) are sent only while every hop stays on the API's origin, so the output URL on
 * a CDN gets a plain GET, and a redirect that leaves the origin drops them for good. The body goes to a
 * temporary file that is moved into place atomically; a deadline covers the whole download. When
 * the output URL fails, the authenticated {@code /api/render/proxy/<id>/download} is tried.
 *
 * <p>The caller's {@link RequestOptions}: {@code timeout} is that whole-download deadline;
 * {@code attemptTimeout} bounds each attempt up to the response head (the body is bounded by the
 * deadline alone); the retry policy governs requests to the API's origin (the output URL on a CDN is
 * tried once, the fallback follows); the extra headers go only to the API's origin, like the
 * credentials (the contract's download from a CDN is a plain GET, and an extra header may hold a
 * secret of its own): a CDN URL never gets them, and a redirect that leaves the origin drops them.
 */
public final class Downloader {
    /** Deadline of a whole download when the caller gives none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.export");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final HttpPipeline transport;

    /** @param transport the client's transport */
    public Downloader(HttpPipeline transport) {
        this.transport = transport;
    }

    /**
     * {@return the result}
     *
     * @param job          a completed job
     * @param fallbackPath the authenticated download path of the job
     * @param target       a file, or an existing directory
     * @param options      {@code timeout}: deadline of the whole download; the rest as the class says
     */
    public CompletableFuture<DownloadResult> download(ExportJob job, String fallbackPath, Path target,
                                                      RequestOptions options) {
        return download(job, fallbackPath, target, options, false);
    }

    /**
     * {@return the result}
     *
     * @param job          a completed job
     * @param fallbackPath the authenticated download path of the job
     * @param target       a file, or an existing directory
     * @param options      {@code timeout}: deadline of the whole download; the rest as the class says
     * @param blocking     whether the body is read on the caller's thread (the answer is then complete)
     */
    public CompletableFuture<DownloadResult> download(ExportJob job, String fallbackPath, Path target,
                                                      RequestOptions options, boolean blocking) {
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
        return new Download(job, fallbackPath, file, options, blocking).start();
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
        private final Path directory;
        private final Duration timeout;
        private final RequestOptions options;
        private final boolean blocking;
        private final TransportSettings settings = transport.settings();
        private final CompletableFuture<DownloadResult> result = new CompletableFuture<>();
        private final long startedNanos = System.nanoTime();
        private volatile @Nullable CompletableFuture<?> inFlight;
        private volatile @Nullable FileSink sink;
        private volatile boolean timedOut;
        /** Set before the current sink is read by {@link #stop}; a sink created later sees it and aborts. */
        private volatile boolean stopped;
        private boolean finishing;
        private volatile FileSink.@Nullable LocalFileFailure localFailure;
        private final ReentrantLock decision = new ReentrantLock();

        Download(ExportJob job, String fallbackPath, Path file, RequestOptions options, boolean blocking) {
            this.blocking = blocking;
            this.job = job;
            this.fallbackPath = fallbackPath;
            this.file = file;
            // resolveTarget made it absolute, in an existing directory
            this.directory = Objects.requireNonNull(file.getParent(), "directory");
            this.timeout = options.timeout().orElse(DEFAULT_TIMEOUT);
            this.options = options;
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
            String primaryForLog = primary == null ? "" : Origins.hostAndPath(primary);
            CompletableFuture<Fetched> first = primary != null ? fetch(primary)
                    : CompletableFuture.failedFuture(new NoOutputUrl());
            CompletableFuture<Fetched> fetched = first.exceptionallyCompose(error -> {
                Throwable e = Futures.unwrap(error);
                if (result.isDone() || timedOut || localFailure != null) {
                    return CompletableFuture.failedFuture(e);
                }
                if (!(e instanceof NoOutputUrl)) {
                    LOG.debug("Download of render {} from {} failed ({}); trying {}", job.renderId(), primaryForLog,
                            e.getClass().getSimpleName(), fallbackPath);
                }
                return fetch(transport.resolve(fallbackPath)).handle((ok, e2) -> {
                    if (e2 != null) {
                        Throwable fallbackError = Futures.unwrap(e2);
                        if (!(e instanceof NoOutputUrl) && fallbackError != e) {
                            fallbackError.addSuppressed(e);
                        }
                        throw new CompletionException(fallbackError);
                    }
                    return ok.asFallback();
                });
            });
            Futures.onCompletion(fetched, (done, error) -> {
                if (error != null) {
                    Throwable e = Futures.unwrap(error);
                    FileSink.LocalFileFailure local = localFailure;
                    result.completeExceptionally(timedOut ? timeoutError() : local != null ? local
                            : e instanceof NoOutputUrl ? new NemoServiceException("Export " + job.renderId()
                            + " has no output URL", ErrorDetails.none(), null) : e);
                } else {
                    finish(Objects.requireNonNull(done, "fetched"));
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

        /**
         * Fetches {@code uri} through the client's pipeline, which follows redirects and sends
         * credentials only while every hop stays on the API's origin.
         */
        private CompletableFuture<Fetched> fetch(URI uri) {
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
            boolean apiOrigin = HttpPipeline.apiPath(uri, settings.baseUri()) != null;
            HttpResponse.BodyHandler<Long> handler = info -> {
                FileSink s = new FileSink(directory, "." + file.getFileName() + ".", settings.durableDownloads(),
                        failure -> localFailure = failure);
                sink = s;
                if (stopped) {
                    s.abort(new CancellationException("download stopped"));
                }
                return s;
            };
            CompletableFuture<HttpReply<Long>> sent = transport.fetch(uri, attemptOptions(left, apiOrigin), handler,
                    blocking);
            inFlight = sent;
            return sent.handle((reply, error) -> {
                if (error != null) {
                    throw new CompletionException(failure(uri, apiOrigin, error));
                }
                long bytes = reply.streamedBody();
                // the body was read, so the handler made its sink
                FileSink written = Objects.requireNonNull(sink, "sink");
                if (job.outputSize().isPresent() && job.outputSize().getAsLong() != bytes) {
                    written.discard();
                    throw new TransportException("The download of render " + job.renderId() + " from "
                            + reply.uri().getHost() + " is incomplete: " + bytes + " of " + job.outputSize().getAsLong()
                            + " bytes", detailsOf(reply.uri(), reply.status()), null, TransportException.Kind.TRUNCATED,
                            false);
                }
                return new Fetched(written, bytes, withoutQuery(reply.uri()), false);
            });
        }

        /**
         * The options of one fetch: each attempt bounded by the caller's attempt timeout and what
         * is left of the deadline; the caller's retries (else the client's) and extra headers only
         * on the API's origin, where the output URL on a CDN is tried once (the fallback follows).
         */
        private RequestOptions attemptOptions(Duration left, boolean apiOrigin) {
            Duration attempt = options.attemptTimeout().filter(a -> a.compareTo(left) < 0).orElse(left);
            RequestOptions.Builder b = RequestOptions.builder().attemptTimeout(attempt);
            if (apiOrigin) {
                b.retryPolicy(options.retryPolicy().orElse(settings.retryPolicy())).headers(options.headers());
            } else {
                b.retryPolicy(RetryPolicy.none());
            }
            return b.build();
        }

        private Throwable failure(URI uri, boolean apiOrigin, Throwable error) {
            FileSink s = sink;
            if (s != null) {
                s.abort(error);
            }
            Throwable e = Futures.unwrap(error);
            FileSink.LocalFileFailure local = localFailure;
            if (local != null) {
                return local;
            }
            if (e instanceof NemoServiceException n && !apiOrigin) {
                return new NemoServiceException("The download of render " + job.renderId() + " from " + uri.getHost()
                        + " failed with HTTP " + n.httpStatus(), n.details(), n);
            }
            return e;
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

    private static ErrorDetails detailsOf(URI uri, int status) {
        return new ErrorDetails(status, null, "GET", uri.getRawPath(), null);
    }

    private static URI withoutQuery(URI u) {
        return URI.create(Origins.hostAndPath(u));
    }

    /** Internal marker: the job has no output URL, go straight to the fallback. */
    private static final class NoOutputUrl extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoOutputUrl() {
            super("no output URL", null, false, false);
        }
    }
}
