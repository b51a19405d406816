package dev.nemo.sdk.upload;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.error.MediaTooLargeException;
import dev.nemo.sdk.error.UnsupportedMediaException;
import dev.nemo.sdk.internal.util.Futures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Adds media to a session: {@code POST /api/upload-video/nemo_agent/me/<sid>}, as a streamed
 * {@code multipart/form-data} body (one {@code files} part per file) or as a list of URLs for the
 * server to fetch.
 *
 * <pre>{@code
 * UploadResult r = client.uploads().upload(session.sessionId(), Path.of("cat.gif"));
 * String cdnUrl = r.files().get(0).url().orElseThrow();
 * }</pre>
 *
 * <p>Before any byte is sent, every file is checked: its size against
 * {@link UploadOptions#maxFileSize()} ({@link MediaTooLargeException}) and its content against the
 * supported {@link MediaFormat}s by magic bytes ({@link UnsupportedMediaException}). The content
 * decides, not the extension: a GIF named {@code clip.bin} is sent (as {@code image/gif}), a text
 * file named {@code clip.mp4} is not. The server's codes 4001 and 4002 stay authoritative.
 *
 * <p>Uploads are not idempotent (a second upload stores a second asset): after a failure whose
 * outcome is unknown the SDK never sends the files again by itself. Nothing is sent before a
 * method is called. Blocking and {@code …Async} forms, each with and without its options
 * ({@link UploadOptions} for files, {@link RequestOptions} for URLs).
 */
public interface UploadsApi {

    /**
     * {@return what the server stored}
     *
     * @param sessionId the session
     * @param files     one or more files
     */
    default UploadResult upload(String sessionId, Path... files) {
        return upload(sessionId, sources(files), UploadOptions.defaults());
    }

    /**
     * {@return what the server stored}
     *
     * @param sessionId the session
     * @param files     one or more sources, sent in one request in this order
     */
    default UploadResult upload(String sessionId, List<MediaSource> files) {
        return upload(sessionId, files, UploadOptions.defaults());
    }

    /**
     * {@return what the server stored}
     *
     * @param sessionId the session
     * @param files     one or more sources, sent in one request in this order
     * @param options   checks, progress listener and request options
     */
    default UploadResult upload(String sessionId, List<MediaSource> files, UploadOptions options) {
        return Futures.await(uploadAsync(sessionId, files, options));
    }

    /**
     * {@return what the server stored, asynchronously}
     *
     * @param sessionId the session
     * @param files     one or more files
     */
    default CompletableFuture<UploadResult> uploadAsync(String sessionId, Path... files) {
        return uploadAsync(sessionId, sources(files), UploadOptions.defaults());
    }

    /**
     * {@return what the server stored, asynchronously}
     *
     * @param sessionId the session
     * @param files     one or more sources, sent in one request in this order
     */
    default CompletableFuture<UploadResult> uploadAsync(String sessionId, List<MediaSource> files) {
        return uploadAsync(sessionId, files, UploadOptions.defaults());
    }

    /**
     * Cancelling the returned future aborts the upload.
     *
     * @param sessionId the session
     * @param files     one or more sources, sent in one request in this order
     * @param options   checks, progress listener and request options
     * @return what the server stored, asynchronously; fails with the typed error
     */
    CompletableFuture<UploadResult> uploadAsync(String sessionId, List<MediaSource> files, UploadOptions options);

    /**
     * {@return what the server stored}
     *
     * @param sessionId the session
     * @param urls      absolute http(s) URLs of media for the server to fetch
     */
    default UploadResult uploadUrls(String sessionId, List<String> urls) {
        return uploadUrls(sessionId, urls, RequestOptions.none());
    }

    /**
     * Sends {@code {"urls":[…],"source_type":"url"}}. Without a timeout in {@code options}, the
     * deadline is {@link UploadOptions#DEFAULT_TIMEOUT}, since the server fetches the files first.
     *
     * @param sessionId the session
     * @param urls      absolute http(s) URLs of media for the server to fetch
     * @param options   per-request overrides
     * @return what the server stored
     */
    default UploadResult uploadUrls(String sessionId, List<String> urls, RequestOptions options) {
        return Futures.await(uploadUrlsAsync(sessionId, urls, options));
    }

    /**
     * {@return what the server stored, asynchronously}
     *
     * @param sessionId the session
     * @param urls      absolute http(s) URLs of media for the server to fetch
     */
    default CompletableFuture<UploadResult> uploadUrlsAsync(String sessionId, List<String> urls) {
        return uploadUrlsAsync(sessionId, urls, RequestOptions.none());
    }

    /**
     * {@return what the server stored, asynchronously}
     *
     * @param sessionId the session
     * @param urls      absolute http(s) URLs of media for the server to fetch
     * @param options   per-request overrides
     */
    CompletableFuture<UploadResult> uploadUrlsAsync(String sessionId, List<String> urls, RequestOptions options);

    private static List<MediaSource> sources(Path... files) {
        return Arrays.stream(files).map(MediaSource::of).collect(Collectors.toList());
    }
}
