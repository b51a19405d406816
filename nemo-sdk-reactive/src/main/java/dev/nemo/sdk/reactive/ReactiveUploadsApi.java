package dev.nemo.sdk.reactive;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.reactive.internal.Calls;
import dev.nemo.sdk.upload.MediaSource;
import dev.nemo.sdk.upload.UploadOptions;
import dev.nemo.sdk.upload.UploadResult;
import dev.nemo.sdk.upload.UploadsApi;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

/**
 * Adds media to a session, streaming: files ({@link Path}) or a {@code Flux<ByteBuffer>} with a
 * declared length, sent through the core's upload (content checks, multipart, typed errors).
 *
 * <p>Every subscription uploads again (the session gets another asset); a stream source is then
 * subscribed to again, so re-subscribe only with a cold {@code Flux}. Cancelling aborts the
 * upload. The checks of a file source (its size and first bytes) read the disk, so they run on
 * {@link Schedulers#boundedElastic()}, never on the subscriber's thread.
 *
 * <pre>{@code
 * Flux<ByteBuffer> bytes = ...;   // for example from a WebClient body
 * reactive.uploads().upload(sessionId, "cat.gif", size, bytes)
 *         .map(r -> r.files().get(0).url().orElseThrow());
 * }</pre>
 */
public final class ReactiveUploadsApi {
    private final UploadsApi uploads;

    ReactiveUploadsApi(UploadsApi uploads) {
        this.uploads = uploads;
    }

    /**
     * A source to mix with files in {@link #upload(String, List, UploadOptions)}.
     *
     * @param fileName the file name to send, for example {@code cat.gif}
     * @param length   the exact number of bytes {@code content} produces, or {@link MediaSource#UNKNOWN_LENGTH}
     * @param content  the bytes (the buffers must not be modified once published); subscribed to once
     *                 per attempt, so a cold publisher lets the core re-send after a refusal
     * @return the source
     */
    public static MediaSource source(String fileName, long length, Publisher<ByteBuffer> content) {
        Objects.requireNonNull(content, "content");
        return MediaSource.ofPublisher(fileName, length, JdkFlowAdapter.publisherToFlowPublisher(content));
    }

    /**
     * {@return what the server stored; the context's {@link RequestOptions}, if any, apply to the upload}
     *
     * @param sessionId the session
     * @param files     one or more files
     */
    public Mono<UploadResult> upload(String sessionId, Path... files) {
        Objects.requireNonNull(files, "files");
        return upload(sessionId, Arrays.stream(files).map(MediaSource::of).collect(Collectors.toList()));
    }

    /**
     * {@return what the server stored; the context's {@link RequestOptions} apply as for files}
     *
     * @param sessionId the session
     * @param fileName  the file name to send, for example {@code cat.gif}
     * @param length    the exact number of bytes {@code content} produces (a mismatch fails the upload
     *                  with {@link dev.nemo.sdk.error.MediaSourceException}), or {@link MediaSource#UNKNOWN_LENGTH}
     * @param content   the bytes, streamed with backpressure
     */
    public Mono<UploadResult> upload(String sessionId, String fileName, long length, Publisher<ByteBuffer> content) {
        return upload(sessionId, List.of(source(fileName, length, content)));
    }

    /**
     * {@return what the server stored; the context's {@link RequestOptions}, if any, apply to the upload}
     *
     * @param sessionId the session
     * @param files     one or more sources, sent in one request in this order
     */
    public Mono<UploadResult> upload(String sessionId, List<MediaSource> files) {
        Objects.requireNonNull(sessionId, "sessionId");
        List<MediaSource> copy = List.copyOf(files);
        return Mono.deferContextual(context -> send(sessionId, copy, fromContext(context)));
    }

    /**
     * {@return what the server stored}
     *
     * @param sessionId the session
     * @param files     one or more sources, sent in one request in this order
     * @param options   checks, progress listener and request options (the context's are ignored)
     */
    public Mono<UploadResult> upload(String sessionId, List<MediaSource> files, UploadOptions options) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(options, "options");
        List<MediaSource> copy = List.copyOf(files);
        return Mono.defer(() -> send(sessionId, copy, options));
    }

    /**
     * {@return what the server stored, with the request options of the subscriber's context}
     *
     * @param sessionId the session
     * @param urls      absolute http(s) URLs of media for the server to fetch
     */
    public Mono<UploadResult> uploadUrls(String sessionId, List<String> urls) {
        Objects.requireNonNull(sessionId, "sessionId");
        List<String> copy = List.copyOf(urls);
        return Calls.mono(options -> uploads.uploadUrlsAsync(sessionId, copy, options));
    }

    /**
     * {@return what the server stored}
     *
     * @param sessionId the session
     * @param urls      absolute http(s) URLs of media for the server to fetch
     * @param options   per-request overrides (the context's are ignored)
     */
    public Mono<UploadResult> uploadUrls(String sessionId, List<String> urls, RequestOptions options) {
        Objects.requireNonNull(sessionId, "sessionId");
        List<String> copy = List.copyOf(urls);
        return Calls.mono(o -> uploads.uploadUrlsAsync(sessionId, copy, o), options);
    }

    private Mono<UploadResult> send(String sessionId, List<MediaSource> files, UploadOptions options) {
        Mono<UploadResult> upload = Calls.future(() -> uploads.uploadAsync(sessionId, files, options));
        boolean readsFiles = files.stream().anyMatch(f -> f.file().isPresent());
        return readsFiles ? upload.subscribeOn(Schedulers.boundedElastic()) : upload;
    }

    private static UploadOptions fromContext(ContextView context) {
        return UploadOptions.builder().request(NemoContext.options(context)).build();
    }
}
