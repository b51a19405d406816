package dev.nemo.sdk.upload;

import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.error.MediaTooLargeException;
import dev.nemo.sdk.error.UnsupportedMediaException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Settings of one upload: client-side checks, progress, and the deadline.
 *
 * <pre>{@code
 * UploadOptions options = UploadOptions.builder()
 *         .maxFileSize(500L * 1024 * 1024)
 *         .progressListener((sent, total) -> System.out.printf("%d/%d%n", sent, total))
 *         .timeout(Duration.ofHours(1))
 *         .build();
 * }</pre>
 */
public final class UploadOptions {
    /** The default size limit per file: 200 MB (200 × 1024 × 1024 bytes), as the GIF compressor documents. */
    public static final long DEFAULT_MAX_FILE_SIZE = 200L * 1024 * 1024;
    /**
     * The default deadline of a whole upload exchange (sending the body and waiting for the
     * answer): 30 minutes, enough for 200 MB at about 1 Mbit/s. The client's request timeout is
     * meant for small JSON calls and does not apply to uploads.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    private static final UploadOptions DEFAULTS = new Builder().build();

    private final long maxFileSize;
    private final boolean verifyContent;
    private final @Nullable UploadProgressListener progressListener;
    private final Duration timeout;
    private final @Nullable RetryPolicy retryPolicy;

    private UploadOptions(Builder b) {
        this.maxFileSize = b.maxFileSize;
        this.verifyContent = b.verifyContent;
        this.progressListener = b.progressListener;
        this.timeout = b.timeout;
        this.retryPolicy = b.retryPolicy;
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
        b.timeout = timeout;
        b.retryPolicy = retryPolicy;
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

    /** {@return the deadline of the whole exchange} */
    public Duration timeout() {
        return timeout;
    }

    /** {@return the retry policy, when it overrides the client's} */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    @Override
    public String toString() {
        return "UploadOptions{maxFileSize=" + maxFileSize + ", verifyContent=" + verifyContent + ", progressListener="
                + (progressListener != null) + ", timeout=" + timeout + ", retryPolicy=" + retryPolicy + '}';
    }

    /** Builds {@link UploadOptions}. */
    public static final class Builder {
        private long maxFileSize = DEFAULT_MAX_FILE_SIZE;
        private boolean verifyContent = true;
        private @Nullable UploadProgressListener progressListener;
        private Duration timeout = DEFAULT_TIMEOUT;
        private @Nullable RetryPolicy retryPolicy;

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
         * Sets {@code progressListener}.
         *
         * @param listener called as the body is sent, or {@code null} for none
         * @return this builder
         */
        public Builder progressListener(UploadProgressListener listener) {
            this.progressListener = listener;
            return this;
        }

        /**
         * Sets {@code timeout}.
         *
         * @param timeout deadline of the whole exchange, positive; default {@link #DEFAULT_TIMEOUT}
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * An upload is never replayed after an unknown outcome whatever the policy; the policy
         * governs the safe retries (connect failures, rate limits).
         *
         * @param retryPolicy the policy, or {@code null} for the client's
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /** {@return the options} */
        public UploadOptions build() {
            return new UploadOptions(this);
        }
    }
}
