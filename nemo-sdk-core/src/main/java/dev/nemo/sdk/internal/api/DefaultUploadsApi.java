package dev.nemo.sdk.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.internal.http.ApiRequest;
import dev.nemo.sdk.internal.http.HttpPipeline;
import dev.nemo.sdk.internal.json.Json;
import dev.nemo.sdk.internal.upload.MultipartUpload;
import dev.nemo.sdk.internal.upload.UploadResponses;
import dev.nemo.sdk.internal.util.Futures;
import dev.nemo.sdk.upload.MediaSource;
import dev.nemo.sdk.upload.UploadOptions;
import dev.nemo.sdk.upload.UploadResult;
import dev.nemo.sdk.upload.UploadsApi;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** {@code POST /api/upload-video/nemo_agent/me/<sid>}: multipart files and the URL variant. */
public final class DefaultUploadsApi implements UploadsApi {
    /** The endpoint, without the session id. */
    public static final String PATH_PREFIX = "/api/upload-video/nemo_agent/me/";

    private final HttpPipeline transport;

    /** @param transport the transport */
    public DefaultUploadsApi(HttpPipeline transport) {
        this.transport = transport;
    }

    @Override
    public UploadResult upload(String sessionId, List<MediaSource> files, UploadOptions options) {
        return Futures.await(multipart(sessionId, files, options).start(true));
    }

    @Override
    public CompletableFuture<UploadResult> uploadAsync(
            String sessionId, List<MediaSource> files, UploadOptions options) {
        return multipart(sessionId, files, options).start(false);
    }

    private MultipartUpload multipart(String sessionId, List<MediaSource> files, UploadOptions options) {
        String path = path(sessionId);
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(options, "options");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("nothing to upload: files is empty");
        }
        files.forEach(f -> Objects.requireNonNull(f, "files must not contain null"));
        return new MultipartUpload(transport, path, files, options);
    }

    @Override
    public UploadResult uploadUrls(String sessionId, List<String> urls, RequestOptions options) {
        return transport.send(urlsRequest(sessionId, urls, options), UploadResponses::decode);
    }

    @Override
    public CompletableFuture<UploadResult> uploadUrlsAsync(
            String sessionId, List<String> urls, RequestOptions options) {
        return transport.sendAsync(urlsRequest(sessionId, urls, options), UploadResponses::decode);
    }

    private static ApiRequest urlsRequest(String sessionId, List<String> urls, RequestOptions options) {
        String path = path(sessionId);
        Objects.requireNonNull(urls, "urls");
        Objects.requireNonNull(options, "options");
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("nothing to upload: urls is empty");
        }
        ObjectNode body = Json.newObject();
        ArrayNode list = body.putArray("urls");
        for (String url : urls) {
            list.add(checkUrl(url));
        }
        body.put("source_type", "url");
        // the server fetches the files before it answers: the JSON deadline is too short
        RequestOptions effective = options.timeout().isPresent()
                ? options
                : options.toBuilder().timeout(UploadOptions.DEFAULT_TIMEOUT).build();
        return ApiRequest.postJson(path, Json.write(body)).withOptions(effective);
    }

    /**
     * {@return the upload path for it}
     *
     * @param sessionId a session id
     */
    static String path(String sessionId) {
        return PATH_PREFIX + PathEncoding.segment(sessionId, "sessionId");
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
}
