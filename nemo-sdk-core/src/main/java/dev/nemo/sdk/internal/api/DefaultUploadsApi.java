package dev.nemo.sdk.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.internal.http.ApiRequest;
import dev.nemo.sdk.internal.http.Transport;
import dev.nemo.sdk.internal.json.Json;
import dev.nemo.sdk.internal.upload.CheckedContent;
import dev.nemo.sdk.internal.upload.HeadPrefetch;
import dev.nemo.sdk.internal.upload.MediaSniffer;
import dev.nemo.sdk.internal.upload.Multipart;
import dev.nemo.sdk.internal.upload.ProgressBodyPublisher;
import dev.nemo.sdk.internal.upload.UploadResponses;
import dev.nemo.sdk.internal.util.Futures;
import dev.nemo.sdk.upload.MediaFormat;
import dev.nemo.sdk.upload.MediaSource;
import dev.nemo.sdk.upload.MediaSourceException;
import dev.nemo.sdk.upload.MediaTooLargeException;
import dev.nemo.sdk.upload.UnsupportedMediaException;
import dev.nemo.sdk.upload.UploadOptions;
import dev.nemo.sdk.upload.UploadResult;
import dev.nemo.sdk.upload.UploadsApi;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/upload-video/nemo_agent/me/<sid>}: multipart files and the URL variant. */
public final class DefaultUploadsApi implements UploadsApi {
    /** The endpoint, without the session id. */
    public static final String PATH_PREFIX = "/api/upload-video/nemo_agent/me/";
    /** The multipart field that carries each file. */
    public static final String FIELD = "files";
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.upload");

    private final Transport transport;

    /** @param transport the transport */
    public DefaultUploadsApi(Transport transport) {
        this.transport = transport;
        // on the thread that builds the client, not on the thread of the first upload
        Multipart.seedRandom();
    }

    @Override
    public UploadResult upload(String sessionId, List<MediaSource> files, UploadOptions options) {
        return Futures.await(uploadAsync(sessionId, files, options));
    }

    @Override
    public CompletableFuture<UploadResult> uploadAsync(String sessionId, List<MediaSource> files,
                                                       UploadOptions options) {
        String path = path(sessionId);
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(options, "options");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("nothing to upload: files is empty");
        }
        files.forEach(f -> Objects.requireNonNull(f, "files must not contain null"));
        return new Upload(path, List.copyOf(files), options).start();
    }

    @Override
    public UploadResult uploadUrls(String sessionId, List<String> urls, RequestOptions options) {
        return Futures.await(uploadUrlsAsync(sessionId, urls, options));
    }

    @Override
    public CompletableFuture<UploadResult> uploadUrlsAsync(String sessionId, List<String> urls,
                                                           RequestOptions options) {
        String path = path(sessionId);
        Objects.requireNonNull(urls, "urls");
        Objects.requireNonNull(options, "options");
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("nothing to upload: urls is empty");
        }
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode list = body.putArray("urls");
        for (String url : urls) {
            list.add(checkUrl(url));
        }
        body.put("source_type", "url");
        RequestOptions effective = options.timeout().isPresent() ? options
                : options.toBuilder().timeout(UploadOptions.DEFAULT_TIMEOUT).build();
        return Futures.map(transport.json(ApiRequest.postJson(path, Json.write(body)).withOptions(effective)),
                UploadResponses::decode);
    }

    /**
     * @param sessionId a session id
     * @return the upload path for it
     */
    static String path(String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId");
        if (sessionId.isBlank()) {
            throw new IllegalArgumentException("sessionId must not be blank");
        }
        return PATH_PREFIX + PathSegment.encode(sessionId.strip());
    }

    private static String checkUrl(String url) {
        Objects.requireNonNull(url, "urls must not contain null");
        URI u;
        try {
            u = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid URL: " + url, e);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!("http".equals(scheme) || "https".equals(scheme)) || u.getHost() == null) {
            throw new IllegalArgumentException("the server fetches only absolute http(s) URLs: " + url);
        }
        return url.strip();
    }

    /** One multipart upload: checks every source, then sends them all in one request. */
    private final class Upload {
        private final String path;
        private final List<MediaSource> sources;
        private final UploadOptions options;
        private final List<Checked> checked = new ArrayList<>();
        /** A failure of the body itself (a source broke its promise), which the HTTP client would blur. */
        private final AtomicReference<NemoException> abort = new AtomicReference<>();
        /** The HTTP exchange once started, so that cancelling the upload aborts it. */
        private volatile CompletableFuture<?> exchange;
        private volatile boolean cancelled;

        Upload(String path, List<MediaSource> sources, UploadOptions options) {
            this.path = path;
            this.sources = sources;
            this.options = options;
        }

        CompletableFuture<UploadResult> start() {
            CompletableFuture<UploadResult> result = new CompletableFuture<>();
            List<CompletableFuture<Checked>> each = new ArrayList<>();
            for (MediaSource s : sources) {
                each.add(check(s));
            }
            CompletableFuture<Void> checks = CompletableFuture.allOf(each.toArray(new CompletableFuture<?>[0]))
                    .handle((v, e) -> {
                        for (CompletableFuture<Checked> c : each) {
                            if (!c.isCompletedExceptionally()) {
                                checked.add(c.join());
                            }
                        }
                        // report the first failing source in list order, not the first to fail in time
                        for (CompletableFuture<Checked> c : each) {
                            c.join();
                        }
                        return null;
                    });
            CompletableFuture<UploadResult> sent = checks.thenCompose(v -> send());
            sent.whenComplete((r, e) -> {
                releaseAll();
                if (e == null) {
                    result.complete(r);
                } else {
                    Throwable cause = Futures.unwrap(e);
                    NemoException own = abort.get();
                    result.completeExceptionally(own != null ? own : cause);
                }
            });
            result.whenComplete((r, e) -> {
                if (result.isCancelled()) {
                    cancelled = true;
                    sent.cancel(true);
                    CompletableFuture<?> x = exchange;
                    if (x != null) {
                        x.cancel(true);
                    }
                    releaseAll();
                }
            });
            return result;
        }

        private CompletableFuture<Checked> check(MediaSource source) {
            try {
                return checkOrThrow(source);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        private CompletableFuture<Checked> checkOrThrow(MediaSource source) {
            if (source.file().isPresent()) {
                return CompletableFuture.completedFuture(checkFile(source, source.file().get()));
            }
            long length = source.length().orElse(MediaSource.UNKNOWN_LENGTH);
            requireSize(source, length);
            Flow.Publisher<ByteBuffer> content = source.content().orElseThrow();
            if (!options.verifyContent()) {
                return CompletableFuture.completedFuture(new Checked(source, length,
                        source.contentType().orElse(MediaFormat.mimeTypeOf(source.fileName())), null,
                        () -> content));
            }
            HeadPrefetch prefetch = HeadPrefetch.start(content, MediaSniffer.WINDOW);
            ScheduledFuture<?> timer = transport.settings().scheduler().schedule(() ->
                    prefetch.head().completeExceptionally(new MediaSourceException("The stream of '"
                            + source.fileName() + "' produced no data within " + options.timeout().toSeconds()
                            + " s", source.fileName(), ErrorDetails.none(), null)),
                    options.timeout().toNanos(), TimeUnit.NANOSECONDS);
            return prefetch.head().handle((head, error) -> {
                timer.cancel(false);
                if (error != null) {
                    prefetch.release();
                    Throwable cause = Futures.unwrap(error);
                    throw cause instanceof MediaSourceException ? (MediaSourceException) cause
                            : new MediaSourceException("Reading '" + source.fileName() + "' failed: " + cause,
                            source.fileName(), ErrorDetails.none(), cause);
                }
                String mime;
                try {
                    mime = mimeType(source, head);
                } catch (RuntimeException e) {
                    prefetch.release();
                    throw e;
                }
                // the first attempt continues the stream already opened; any later one subscribes afresh
                AtomicReference<HeadPrefetch> first = new AtomicReference<>(prefetch);
                return new Checked(source, length, mime, prefetch, () -> {
                    HeadPrefetch p = first.getAndSet(null);
                    return p != null ? p.remainder() : content;
                });
            });
        }

        private Checked checkFile(MediaSource source, Path file) {
            long size;
            byte[] head = null;
            try {
                if (!Files.isRegularFile(file)) {
                    throw new MediaSourceException(Files.exists(file) ? "Not a regular file: " + file
                            : "No such file: " + file, source.fileName(), ErrorDetails.none(), null);
                }
                size = Files.size(file);
                requireSize(source, size);
                if (options.verifyContent()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        head = in.readNBytes(MediaSniffer.WINDOW);
                    }
                }
            } catch (NoSuchFileException e) {
                throw new MediaSourceException("No such file: " + file, source.fileName(), ErrorDetails.none(), e);
            } catch (IOException e) {
                throw new MediaSourceException("Cannot read " + file + ": " + e.getMessage(), source.fileName(),
                        ErrorDetails.none(), e);
            }
            String mime = head == null ? source.contentType().orElse(MediaFormat.mimeTypeOf(source.fileName()))
                    : mimeType(source, head);
            return new Checked(source, size, mime, null, () -> {
                try {
                    return HttpRequest.BodyPublishers.ofFile(file);
                } catch (FileNotFoundException e) {
                    return CheckedContent.failing(new MediaSourceException("The file " + file
                            + " disappeared before it was sent", source.fileName(), details(), e));
                }
            });
        }

        private void requireSize(MediaSource source, long size) {
            if (size > options.maxFileSize()) {
                throw new MediaTooLargeException("'" + source.fileName() + "' is " + describeSize(size)
                        + ", over the upload limit of " + describeSize(options.maxFileSize())
                        + "; compress or trim it first (UploadOptions.maxFileSize raises the client-side limit)",
                        source.fileName(), size, options.maxFileSize(), ErrorDetails.none());
            }
        }

        private String mimeType(MediaSource source, byte[] head) {
            MediaFormat detected = MediaSniffer.detect(head, head.length);
            if (detected == null) {
                MediaFormat claimed = MediaFormat.fromFileName(source.fileName()).orElse(null);
                throw new UnsupportedMediaException("'" + source.fileName() + "' is not a supported media file: "
                        + describeContent(head) + (claimed == null ? "" : " although its name says "
                        + claimed.name()) + ". Accepted: video mp4, mov, avi, webm, mkv; image gif, png, apng, jpg, "
                        + "webp; audio mp3, wav, m4a, aac. (UploadOptions.verifyContent(false) lets the server "
                        + "decide.)", source.fileName(), claimed);
            }
            return source.contentType().orElse(MediaFormat.mimeTypeFor(source.fileName(), detected));
        }

        private CompletableFuture<UploadResult> send() {
            String boundary = Multipart.newBoundary();
            List<Multipart.Part> parts = new ArrayList<>(checked.size());
            long total = 0;
            for (Checked c : checked) {
                parts.add(new Multipart.Part(FIELD, c.source.fileName(), c.mimeType, c.length, () -> guarded(c)));
                total = c.length < 0 || total < 0 ? -1 : total + c.length;
            }
            Supplier<HttpRequest.BodyPublisher> body = () -> {
                HttpRequest.BodyPublisher b = Multipart.body(boundary, parts);
                return options.progressListener().<HttpRequest.BodyPublisher>map(l -> new ProgressBodyPublisher(b, l))
                        .orElse(b);
            };
            RequestOptions.Builder ro = RequestOptions.builder().timeout(options.timeout());
            options.retryPolicy().ifPresent(ro::retryPolicy);
            ApiRequest request = new ApiRequest("POST", path, body, Multipart.contentType(boundary), null, true, false,
                    java.util.Map.of(), ro.build());
            LOG.debug("Uploading {} file(s), {} to {}", checked.size(), total < 0 ? "length unknown"
                    : total + " content bytes", path);
            CompletableFuture<JsonNode> call = transport.json(request);
            exchange = call;
            if (cancelled) {
                call.cancel(true);
            }
            return call.thenApply(UploadResponses::decode);
        }

        private Flow.Publisher<ByteBuffer> guarded(Checked c) {
            String name = c.source.fileName();
            CheckedContent.Errors errors = new CheckedContent.Errors() {
                @Override
                public NemoException lengthMismatch(long read, long declared) {
                    return new MediaSourceException("'" + name + "' produced " + (read > declared ? "more than " : "")
                            + read + " bytes but " + declared + " were declared" + (c.source.file().isPresent()
                            ? "; the file changed while it was being uploaded" : ""), name, details(), null);
                }

                @Override
                public NemoException failed(Throwable cause) {
                    return new MediaSourceException("Reading '" + name + "' failed during the upload: " + cause, name,
                            details(), cause);
                }

                @Override
                public NemoException tooLarge(long read) {
                    return new MediaTooLargeException("'" + name + "' passed the upload limit of "
                            + describeSize(options.maxFileSize()) + " while it was being sent; the upload was stopped",
                            name, read, options.maxFileSize(), details());
                }
            };
            return new CheckedContent(c.content.get(), c.length, options.maxFileSize(), errors,
                    e -> abort.compareAndSet(null, e));
        }

        private ErrorDetails details() {
            return ErrorDetails.request("POST", path);
        }

        private void releaseAll() {
            for (Checked c : checked) {
                if (c.prefetch != null) {
                    c.prefetch.release();
                }
            }
        }
    }

    /** A source that passed the checks. */
    private static final class Checked {
        final MediaSource source;
        final long length;
        final String mimeType;
        final HeadPrefetch prefetch;
        final Supplier<Flow.Publisher<ByteBuffer>> content;

        Checked(MediaSource source, long length, String mimeType, HeadPrefetch prefetch,
                Supplier<Flow.Publisher<ByteBuffer>> content) {
            this.source = source;
            this.length = length;
            this.mimeType = mimeType;
            this.prefetch = prefetch;
            this.content = content;
        }
    }

    static String describeSize(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "unlimited";
        }
        if (bytes < 1024 * 1024) {
            return bytes + " bytes";
        }
        return String.format(Locale.ROOT, "%.1f MB (%d bytes)", bytes / (1024.0 * 1024.0), bytes);
    }

    static String describeContent(byte[] head) {
        if (head.length == 0) {
            return "the file is empty";
        }
        int n = Math.min(head.length, 16);
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < n; i++) {
            hex.append(String.format(Locale.ROOT, "%02x", head[i] & 0xFF));
        }
        String text = new String(head, 0, Math.min(head.length, 512), StandardCharsets.ISO_8859_1)
                .strip().toLowerCase(Locale.ROOT);
        String kind = text.startsWith("<!doctype html") || text.startsWith("<html") ? "an HTML page"
                : text.startsWith("%pdf") ? "a PDF document"
                : text.startsWith("pk\u0003\u0004") ? "a ZIP archive"
                : text.startsWith("{") || text.startsWith("[") ? "JSON or text"
                : head[0] == 0x42 && head.length > 1 && head[1] == 0x4d ? "a BMP image"
                : "an unrecognised format";
        return "its content looks like " + kind + " (starts with " + hex + ")";
    }
}
