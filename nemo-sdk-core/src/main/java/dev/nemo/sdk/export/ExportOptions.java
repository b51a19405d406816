package dev.nemo.sdk.export;

import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.internal.util.Checks;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Output settings of an export, how to wait for it, who follows its progress, and the
 * {@link RequestOptions} of the submission (the polls take theirs from the {@link PollingStrategy}).
 *
 * <p>{@link #defaults()} sends the documented default output {@code {"format":"mp4","quality":"high"}}
 * and polls with {@link PollingStrategy#defaults()}.
 *
 * <pre>{@code
 * ExportOptions gif = ExportOptions.builder()
 *         .format(ExportFormat.GIF)
 *         .resolution("720p")
 *         .polling(PollingStrategy.builder().interval(Duration.ofSeconds(10)).maxPolls(30).build())
 *         .onProgress(job -> System.out.println(job.status() + " " + job.progress().orElse(0) + "%"))
 *         .build();
 * }</pre>
 */
public final class ExportOptions {
    private static final ExportOptions DEFAULTS = new Builder().build();

    private final ExportFormat format;
    private final String quality;
    private final @Nullable String resolution;
    private final Map<String, JsonValue> extra;
    private final PollingStrategy polling;
    private final @Nullable ExportProgressListener progressListener;
    private final RequestOptions request;

    private ExportOptions(Builder b) {
        this.format = b.format;
        this.quality = b.quality;
        this.resolution = b.resolution;
        this.extra = Map.copyOf(b.extra);
        this.polling = b.polling;
        this.progressListener = b.progressListener;
        this.request = b.request;
    }

    /** {@return MP4, quality {@code high}, default polling} */
    public static ExportOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a builder with the default values} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised from these options} */
    public Builder toBuilder() {
        Builder b = new Builder().format(format).quality(quality).polling(polling);
        b.resolution = resolution;
        b.extra.putAll(extra);
        b.progressListener = progressListener;
        b.request = request;
        return b;
    }

    /** {@return the output format; default MP4} */
    public ExportFormat format() {
        return format;
    }

    /** {@return the quality; default {@code high}} */
    public String quality() {
        return quality;
    }

    /** {@return the resolution, for example {@code 1080p}, when set (the server's default otherwise)} */
    public Optional<String> resolution() {
        return Optional.ofNullable(resolution);
    }

    /** {@return how the poller waits} */
    public PollingStrategy polling() {
        return polling;
    }

    /** {@return the listener told about every status the poller sees, when set} */
    public Optional<ExportProgressListener> progressListener() {
        return Optional.ofNullable(progressListener);
    }

    /** {@return the options of the submission request} */
    public RequestOptions request() {
        return request;
    }

    /**
     * {@return the {@code output} object of the submit body: {@code format}, {@code quality}, then {@code resolution} and the extra fields when set}
     */
    public JsonObject toOutputJson() {
        JsonObject.Builder o = JsonObject.builder().put("format", format.wireName()).put("quality", quality);
        if (resolution != null) {
            o.put("resolution", resolution);
        }
        new TreeMap<>(extra).forEach(o::put);
        return o.build();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ExportOptions x && format == x.format && quality.equals(x.quality)
                && Objects.equals(resolution, x.resolution) && extra.equals(x.extra) && polling.equals(x.polling)
                && Objects.equals(progressListener, x.progressListener) && request.equals(x.request);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, quality, resolution, extra, polling, request);
    }

    @Override
    public String toString() {
        return "ExportOptions{output=" + toOutputJson() + ", polling=" + polling + ", progressListener="
                + (progressListener != null) + ", request=" + request + '}';
    }

    /** Builds {@link ExportOptions}. */
    public static final class Builder {
        private ExportFormat format = ExportFormat.MP4;
        private String quality = "high";
        private @Nullable String resolution;
        private final Map<String, JsonValue> extra = new LinkedHashMap<>();
        private PollingStrategy polling = PollingStrategy.defaults();
        private @Nullable ExportProgressListener progressListener;
        private RequestOptions request = RequestOptions.none();

        private Builder() {
        }

        /**
         * Sets {@code format}.
         *
         * @param format MP4 or GIF; default MP4
         * @return this builder
         */
        public Builder format(ExportFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * Sets {@code quality}.
         *
         * @param quality for example {@code high}; default {@code high}
         * @return this builder
         */
        public Builder quality(String quality) {
            this.quality = Checks.nonBlank(quality, "quality");
            return this;
        }

        /**
         * Sets {@code resolution}.
         *
         * @param resolution for example {@code 720p} or {@code 1080p}, when the service supports it
         * @return this builder
         */
        public Builder resolution(String resolution) {
            this.resolution = Checks.nonBlank(resolution, "resolution");
            return this;
        }

        /**
         * Adds a field the API may support but this SDK does not model (for example {@code fps}).
         *
         * @param name  field of the {@code output} object (not {@code format}, {@code quality} or {@code resolution})
         * @param value its value
         * @return this builder
         */
        public Builder outputField(String name, JsonValue value) {
            Checks.nonBlank(name, "name");
            if (name.equals("format") || name.equals("quality") || name.equals("resolution")) {
                throw new IllegalArgumentException("use the " + name + "(...) method for " + name);
            }
            extra.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets {@code polling}.
         *
         * @param polling how the poller waits; default {@link PollingStrategy#defaults()}
         * @return this builder
         */
        public Builder polling(PollingStrategy polling) {
            this.polling = Objects.requireNonNull(polling, "polling");
            return this;
        }

        /**
         * Sets {@code onProgress}.
         *
         * @param listener told about the submission and every poll result (status, progress); see
         *                 {@link ExportProgressListener}; {@code null} for none
         * @return this builder
         */
        public Builder onProgress(@Nullable ExportProgressListener listener) {
            this.progressListener = listener;
            return this;
        }

        /**
         * The options of the submission request: deadline, retry policy (a submission whose
         * outcome is unknown is never sent again, whatever the policy) and extra headers. The
         * polls use {@link PollingStrategy#request()}.
         *
         * @param request the request options
         * @return this builder
         */
        public Builder request(RequestOptions request) {
            this.request = Objects.requireNonNull(request, "request");
            return this;
        }

        /** {@return the options} */
        public ExportOptions build() {
            return new ExportOptions(this);
        }
    }
}
