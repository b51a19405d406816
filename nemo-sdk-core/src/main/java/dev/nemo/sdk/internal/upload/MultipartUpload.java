package dev.nemo.sdk.internal.upload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.MediaSourceException;
import dev.nemo.sdk.error.MediaTooLargeException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.error.UnsupportedMediaException;
import dev.nemo.sdk.internal.http.ApiRequest;
import dev.nemo.sdk.internal.http.HttpPipeline;
import dev.nemo.sdk.internal.util.Futures;
import dev.nemo.sdk.internal.util.ProgressReporter;
import dev.nemo.sdk.upload.MediaFormat;
import dev.nemo.sdk.upload.MediaFormats;
import dev.nemo.sdk.upload.MediaSource;
import dev.nemo.sdk.upload.UploadOptions;
import dev.nemo.sdk.upload.UploadProgressListener;
import dev.nemo.sdk.upload.UploadResult;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One multipart upload: checks every source (size, then content by magic bytes) before a byte is
 * sent, then streams them all in one {@code multipart/form-data} request with one {@code files}
 * part each. Single use.
 */
public final class MultipartUpload {
    /** The multipart field that carries each file. */
    public static final String FIELD = "files";
    private static final Logger LOG = LoggerFactory.getLogger("dev.nemo.sdk.upload");

    private final HttpPipeline transport;
    private final String path;
    private final List<MediaSource> sources;
    private final UploadOptions options;
    private final List<HeadPrefetch> prefetches = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> firstCheckFailure = new AtomicReference<>();
    /** A failure of the body itself (a source broke its promise), which the HTTP client reports as a bare I/O error. */
    private final AtomicReference<NemoException> bodyFailure = new AtomicReference<>();
    /** The HTTP exchange once started: cancelling the upload must abort it, not just the future above it. */
    private volatile @Nullable CompletableFuture<?> exchange;
    private volatile boolean cancelled;
    private boolean blocking;

    /**
     * Creates it from its parts.
     *
     * @param transport the transport
     * @param path      the upload path, session included
     * @param sources   the files, in order
     * @param options   checks, progress, deadline
     */
    public MultipartUpload(HttpPipeline transport, String path, List<MediaSource> sources, UploadOptions options) {
        this.transport = transport;
        this.path = path;
        this.sources = List.copyOf(sources);
        this.options = options;
    }

    /** {@return the result; cancelling it aborts the upload and releases every stream} */
    public CompletableFuture<UploadResult> start() {
        return start(false);
    }

    /**
     * {@return the result; cancelling it aborts the upload and releases every stream}
     *
     * @param blocking whether the caller waits on its own thread: the checks are awaited and the
     *                 request is sent there ({@code HttpClient.send}), and the answer is complete
     */
    public CompletableFuture<UploadResult> start(boolean blocking) {
        this.blocking = blocking;
        List<CompletableFuture<Checked>> each = new ArrayList<>();
        for (MediaSource s : sources) {
            CompletableFuture<Checked> c = check(s);
            Futures.onCompletion(c, (v, e) -> {
                if (e != null && firstCheckFailure.compareAndSet(null, Futures.unwrap(e))) {
                    // fail fast: stop reading the other streams
                    releaseAll();
                }
            });
            each.add(c);
        }
        CompletableFuture<List<Checked>> checks = CompletableFuture.allOf(each.toArray(new CompletableFuture<?>[0]))
                .handle((v, e) -> {
                    Throwable failure = firstCheckFailure.get();
                    if (failure != null) {
                        throw failure instanceof RuntimeException r ? r : new CompletionException(failure);
                    }
                    List<Checked> ok = new ArrayList<>();
                    each.forEach(c -> ok.add(c.join()));
                    return ok;
                });
        CompletableFuture<UploadResult> sent = blocking ? sendAfter(checks) : checks.thenCompose(this::send);
        CompletableFuture<UploadResult> result = new CompletableFuture<>();
        Futures.onCompletion(sent, (r, e) -> {
            releaseAll();
            if (e == null) {
                result.complete(r);
            } else {
                NemoException own = bodyFailure.get();
                result.completeExceptionally(own != null ? own : Futures.unwrap(e));
            }
        });
        Futures.onCompletion(result, (r, e) -> {
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

    /** The blocking form: waits for the checks on the caller's thread, then sends there. */
    private CompletableFuture<UploadResult> sendAfter(CompletableFuture<List<Checked>> checks) {
        List<Checked> ok;
        try {
            ok = checks.get();
        } catch (InterruptedException e) {
            checks.cancel(true);
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new TransportException("Interrupted while checking the files to "
                    + "upload", details(), e, TransportException.Kind.INTERRUPTED, true));
        } catch (ExecutionException e) {
            return CompletableFuture.failedFuture(Futures.unwrap(e));
        }
        return send(ok);
    }

    /** A source that passed the checks. */
    private static final class Checked {
        final MediaSource source;
        final long length;
        final String mimeType;
        final Supplier<Flow.Publisher<ByteBuffer>> content;

        Checked(MediaSource source, long length, String mimeType, Supplier<Flow.Publisher<ByteBuffer>> content) {
            this.source = source;
            this.length = length;
            this.mimeType = mimeType;
            this.content = content;
        }
    }

    private CompletableFuture<Checked> check(MediaSource source) {
        try {
            if (source.file().isPresent()) {
                return CompletableFuture.completedFuture(checkFile(source, source.file().get()));
            }
            return checkStream(source);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Checked> checkStream(MediaSource source) {
        long length = source.length().orElse(MediaSource.UNKNOWN_LENGTH);
        requireSize(source, length);
        Flow.Publisher<ByteBuffer> content = source.content().orElseThrow();
        if (!options.verifyContent()) {
            return CompletableFuture.completedFuture(new Checked(source, length, mimeByName(source), () -> content));
        }
        HeadPrefetch prefetch = HeadPrefetch.start(content, MediaSniffer.WINDOW);
        prefetches.add(prefetch);
        ScheduledFuture<?> timer = transport.settings().scheduler().schedule(() ->
                prefetch.head().completeExceptionally(new MediaSourceException("The stream of '" + source.fileName()
                        + "' produced no data within " + options.timeout().toSeconds() + " s", source.fileName(),
                        ErrorDetails.none(), null)), options.timeout().toNanos(), TimeUnit.NANOSECONDS);
        return prefetch.head().handle((head, error) -> {
            timer.cancel(false);
            if (error != null) {
                Throwable cause = Futures.unwrap(error);
                throw cause instanceof MediaSourceException m ? m
                        : new MediaSourceException("Reading '" + source.fileName() + "' failed: " + cause,
                        source.fileName(), ErrorDetails.none(), cause);
            }
            // the first attempt continues the stream whose head was read; a later one subscribes afresh
            return new Checked(source, length, mimeByContent(source, head), () -> prefetch.remainderOr(content));
        });
    }

    private Checked checkFile(MediaSource source, Path file) {
        long size;
        byte[] head = null;
        try {
            if (!Files.isRegularFile(file)) {
                throw new MediaSourceException((Files.exists(file) ? "Not a regular file: " : "No such file: ") + file,
                        source.fileName(), ErrorDetails.none(), null);
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
        String mime = head == null ? mimeByName(source) : mimeByContent(source, head);
        return new Checked(source, size, mime, () -> {
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

    private static String mimeByName(MediaSource source) {
        return source.contentType().orElse(MediaFormat.mimeTypeOf(source.fileName()));
    }

    private static String mimeByContent(MediaSource source, byte[] head) {
        MediaFormat detected = MediaSniffer.detect(head, head.length);
        if (detected == null) {
            MediaFormat claimed = MediaFormat.fromFileName(source.fileName()).orElse(null);
            throw new UnsupportedMediaException("'" + source.fileName() + "' is not a supported media file: "
                    + describeContent(head) + (claimed == null ? "" : " although its name says " + claimed.name())
                    + ". Accepted: " + MediaFormats.description()
                    + ". (UploadOptions.verifyContent(false) lets the server decide.)", source.fileName(),
                    claimed);
        }
        return source.contentType().orElse(MediaFormat.mimeTypeFor(source.fileName(), detected));
    }

    private CompletableFuture<UploadResult> send(List<Checked> checked) {
        String boundary = Multipart.newBoundary();
        List<Multipart.Part> parts = new ArrayList<>(checked.size());
        long total = 0;
        for (Checked c : checked) {
            parts.add(new Multipart.Part(FIELD, c.source.fileName(), c.mimeType, c.length, () -> guarded(c)));
            total = c.length < 0 || total < 0 ? -1 : total + c.length;
        }
        // one reporter for the whole upload: a listener that failed stays quiet on a second attempt
        Optional<ProgressReporter<UploadProgressListener>> progress = options.progressListener()
                .map(l -> new ProgressReporter<>(l, "upload"));
        Supplier<HttpRequest.BodyPublisher> body = () -> {
            HttpRequest.BodyPublisher b = Multipart.body(boundary, parts);
            return progress.<HttpRequest.BodyPublisher>map(p -> new ProgressBodyPublisher(b, p)).orElse(b);
        };
        RequestOptions requestOptions = options.request().toBuilder().timeout(options.timeout()).build();
        ApiRequest request = new ApiRequest("POST", path, body, Multipart.contentType(boundary), "application/json",
                true, false, Map.of(), requestOptions);
        LOG.debug("uploading {} file(s) ({}) to {}", checked.size(), total < 0 ? "length unknown, sent chunked"
                : total + " bytes of content", path);
        CompletableFuture<JsonNode> call = transport.json(request, blocking);
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
                e -> bodyFailure.compareAndSet(null, e));
    }

    private ErrorDetails details() {
        return ErrorDetails.request("POST", path);
    }

    /** Cancels the streams whose head was read but which no attempt took over. */
    private void releaseAll() {
        prefetches.forEach(HeadPrefetch::release);
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
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(head.length, 16); i++) {
            hex.append(String.format(Locale.ROOT, "%02x", head[i] & 0xFF));
        }
        String text = new String(head, 0, Math.min(head.length, 512), StandardCharsets.ISO_8859_1)
                .strip().toLowerCase(Locale.ROOT);
        String kind = text.startsWith("<!doctype html") || text.startsWith("<html") ? "an HTML page"
                : text.startsWith("%pdf") ? "a PDF document"
                : text.startsWith("pk\u0003\u0004") ? "a ZIP archive"
                : text.startsWith("{") || text.startsWith("[") ? "JSON"
                : head[0] == 'B' && head.length > 1 && head[1] == 'M' ? "a BMP image"
                : looksLikeText(head) ? "text"
                : "an unrecognised format";
        return "its content looks like " + kind + " (starts with " + hex + ")";
    }

    private static boolean looksLikeText(byte[] head) {
        for (int i = 0; i < Math.min(head.length, 512); i++) {
            int b = head[i] & 0xFF;
            if (b < 0x09 || (b > 0x0D && b < 0x20) || b == 0x7F) {
                return false;
            }
        }
        return true;
    }
}
