package dev.nemo.sdk.upload;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.error.MediaTooLargeException;
import dev.nemo.sdk.error.UnsupportedMediaException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Settings of one upload: the client-side checks, the progress listener, and the
 * {@link RequestOptions} of its request (deadline, retry policy, extra headers).
 *
 * <pre>{@code
 * UploadOptions options = UploadOptions.builder()
 *         .maxFileSize(500L * 1024 * 1024)
 *         .onProgress((sent, total) -> System.out.printf("%d/%d%n", sent, total))
 *         .request(RequestOptions.builder().timeout(Duration.ofHours(1)).build())
 *         .build();
 * }</pre>
 */
public final class UploadOptions {
    /** The default size limit per file: {@link MediaFormats#MAX_FILE_SIZE}, 200 MB, as the GIF compressor documents. */
    public static final long DEFAULT_MAX_FILE_SIZE = MediaFormats.MAX_FILE_SIZE;
    /**
     * The deadline of a whole upload (sending the body and waiting for the answer) when
     * {@link RequestOptions#timeout()} does not set one: 30 minutes, enough for 200 MB at about
     * 1 Mbit/s. The client's request timeout is meant for small JSON calls and does not apply to
     * uploads.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    private static final UploadOptions DEFAULTS = new Builder().build();

    private final long maxFileSize;
    private final boolean verifyContent;
    private final @Nullable UploadProgressListener progressListener;
    private final RequestOptions request;

    private UploadOptions(Builder b) {
        this.maxFileSize = b.maxFileSize;
        this.verifyContent = b.verifyContent;
        this.progressListener = b.progressListener;
        this.request = b.request;
    }

    /** {@return the defaults: 200 MB limit, content verified, no listener, 30 minute deadline} */
    public static UploadOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a new builder with the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised from these options} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxFileSize = maxFileSize;
        b.verifyContent = verifyContent;
        b.progressListener = progressListener;
        b.request = request;
        return b;
    }

    /** {@return the largest file accepted before sending, in bytes ({@link Long#MAX_VALUE}: no limit)} */
    public long maxFileSize() {
        return maxFileSize;
    }

    /** {@return whether files are checked by their magic bytes before sending} */
    public boolean verifyContent() {
        return verifyContent;
    }

    /** {@return the progress listener, when set} */
    public Optional<UploadProgressListener> progressListener() {
        return Optional.ofNullable(progressListener);
    }

    /** {@return the options of the upload request, as set (without the default deadline)} */
    public RequestOptions request() {
        return request;
    }

    /** {@return the deadline of the whole upload: the request's timeout, else {@link #DEFAULT_TIMEOUT}} */
    public Duration timeout() {
        return request.timeout().orElse(DEFAULT_TIMEOUT);
    }

    @Override
    public String toString() {
        return "UploadOptions{maxFileSize=" + maxFileSize + ", verifyContent=" + verifyContent + ", progressListener="
                + (progressListener != null) + ", request=" + request + '}';
    }

    /** Builds {@link UploadOptions}. */
    public static final class Builder {
        private long maxFileSize = DEFAULT_MAX_FILE_SIZE;
        private boolean verifyContent = true;
        private @Nullable UploadProgressListener progressListener;
        private RequestOptions request = RequestOptions.none();

        private Builder() {
        }

        /**
         * The client-side limit per file. A larger file is refused with a
         * {@link MediaTooLargeException} before any byte is sent; the server's limit (code 4002)
         * stays authoritative. Other NemoVideo products document 500 MB.
         *
         * @param bytes the limit, positive; {@link Long#MAX_VALUE} disables the check
         * @return this builder
         */
        public Builder maxFileSize(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxFileSize must be positive");
            }
            this.maxFileSize = bytes;
            return this;
        }

        /**
         * Whether to check every file's magic bytes before sending (default on). With the check
         * on, a file is accepted when its content is a supported {@link MediaFormat}, whatever its
         * extension (or lack of one), and refused with an {@link UnsupportedMediaException}
         * otherwise. Turn it off to let the server judge formats the SDK does not recognise; the
         * MIME type then comes from the extension alone.
         *
         * @param verifyContent whether to check
         * @return this builder
         */
        public Builder verifyContent(boolean verifyContent) {
            this.verifyContent = verifyContent;
            return this;
        }

        /**
         * Sets {@code onProgress}.
         *
         * @param listener told how much of the body was sent (see {@link UploadProgressListener}),
         *                 or {@code null} for none
         * @return this builder
         */
        public Builder onProgress(@Nullable UploadProgressListener listener) {
            this.progressListener = listener;
            return this;
        }

        /**
         * The deadline ({@link #DEFAULT_TIMEOUT} when it sets none), retry policy and extra headers
         * of the upload request. An upload is never replayed after an unknown outcome whatever the
         * policy; the policy governs the safe retries (connect failures, rate limits).
         *
         * @param request the request options
         * @return this builder
         */
        public Builder request(RequestOptions request) {
            this.request = Objects.requireNonNull(request, "request");
            return this;
        }

        /** {@return the options} */
        public UploadOptions build() {
            return new UploadOptions(this);
        }
    }
}
