package dev.nemo.sdk.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.nemo.sdk.internal.json.JsonValues;
import dev.nemo.sdk.json.JsonNull;
import dev.nemo.sdk.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The state of one render as the render service last reported it: status, progress, the output
 * URL once completed, the error once failed, timestamps, and the raw JSON.
 *
 * <p>{@link #fromJson} decodes every documented form of the poll and submit responses: the
 * {@code {"success":true,"data":{…}}} envelope with {@code outputUrl}; a top-level {@code status}
 * with {@code output.url}; {@code id}, {@code render_id} or {@code taskId}; and epoch-millisecond
 * or ISO-8601 timestamps. Immutable.
 */
public final class ExportJob {
    private final String renderId;
    private final ExportStatus status;
    private final @Nullable String rawStatus;
    private final @Nullable Integer progress;
    private final @Nullable URI outputUrl;
    private final @Nullable String error;
    private final @Nullable Instant createdAt;
    private final @Nullable Instant completedAt;
    private final @Nullable Long outputSize;
    private final @Nullable Duration outputDuration;
    private final JsonValue raw;

    private ExportJob(String renderId, ExportStatus status, @Nullable String rawStatus, @Nullable Integer progress,
                      @Nullable URI outputUrl, @Nullable String error, @Nullable Instant createdAt,
                      @Nullable Instant completedAt, @Nullable Long outputSize, @Nullable Duration outputDuration,
                      JsonValue raw) {
        this.renderId = renderId;
        this.status = status;
        this.rawStatus = rawStatus;
        this.progress = progress;
        this.outputUrl = outputUrl;
        this.error = error;
        this.createdAt = createdAt;
        this.completedAt = completedAt;
        this.outputSize = outputSize;
        this.outputDuration = outputDuration;
        this.raw = raw;
    }

    /**
     * Decodes a render response. When the response has no status, an output URL means completed,
     * an error means failed, and anything else counts as still running ({@link ExportStatus#UNKNOWN}).
     *
     * @param renderId the render id the caller asked about (the SDK keeps its own id even when the
     *                 response names another)
     * @param json     the response payload (envelope already removed or not), or {@code null}
     * @return the job
     */
    public static ExportJob fromJson(String renderId, @Nullable JsonValue json) {
        return decode(renderId, json == null ? null : JsonValues.toJackson(json), json == null ? JsonNull.INSTANCE : json);
    }

    private static ExportJob decode(String renderId, @Nullable JsonNode json, JsonValue raw) {
        Objects.requireNonNull(renderId, "renderId");
        JsonNode n = json == null || !json.isObject() ? JsonNodeFactory.instance.objectNode() : json;
        JsonNode data = n.get("data");
        JsonNode[] places = data != null && data.isObject() ? new JsonNode[] {n, data} : new JsonNode[] {n};
        String rawStatus = text(places, "status", "state", "render_status", "renderStatus");
        URI url = url(places);
        String error = error(places);
        ExportStatus status;
        if (rawStatus != null) {
            status = ExportStatus.parse(rawStatus);
        } else if (url != null) {
            status = ExportStatus.COMPLETED;
        } else if (error != null) {
            status = ExportStatus.FAILED;
        } else {
            status = ExportStatus.UNKNOWN;
        }
        if (error == null && status == ExportStatus.FAILED) {
            error = text(places, "message", "msg", "detail");
        }
        JsonNode output = field(places, "output");
        return new ExportJob(renderId, status, rawStatus, progress(field(places, "progress", "percent")), url,
                error, instant(field(places, "createdAt", "created_at")),
                instant(field(places, "completedAt", "completed_at", "finishedAt", "finished_at")),
                output == null ? null : size(output.get("size")),
                output == null ? null : seconds(output.get("duration")),
                raw);
    }

    /** {@return the render id} */
    public String renderId() {
        return renderId;
    }

    /** {@return the status; {@link ExportStatus#UNKNOWN} counts as still running} */
    public ExportStatus status() {
        return status;
    }

    /** {@return the status text exactly as the render service sent it} */
    public Optional<String> rawStatus() {
        return Optional.ofNullable(rawStatus);
    }

    /** {@return progress in percent, 0–100, when reported} */
    public OptionalInt progress() {
        return progress == null ? OptionalInt.empty() : OptionalInt.of(progress);
    }

    /** {@return where to download the video (often a CDN on another host), once completed} */
    public Optional<URI> outputUrl() {
        return Optional.ofNullable(outputUrl);
    }

    /** {@return why the render failed, when it did and the service said} */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** {@return when the render was created, when reported} */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    /** {@return when the render completed, when reported} */
    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }

    /** {@return the size of the output file in bytes ({@code output.size}), when reported} */
    public OptionalLong outputSize() {
        return outputSize == null ? OptionalLong.empty() : OptionalLong.of(outputSize);
    }

    /** {@return the length of the output video ({@code output.duration}, seconds), when reported} */
    public Optional<Duration> outputDuration() {
        return Optional.ofNullable(outputDuration);
    }

    /** {@return the response JSON this job was decoded from} */
    public JsonValue raw() {
        return raw;
    }

    /** {@return whether the video is ready} */
    public boolean isCompleted() {
        return status == ExportStatus.COMPLETED;
    }

    /** {@return whether the render ended (completed, failed or cancelled)} */
    public boolean isTerminal() {
        return status.isTerminal();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ExportJob x && renderId.equals(x.renderId) && raw.equals(x.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(renderId, raw);
    }

    /** {@return id, status, progress and the output URL without its query (signed URLs stay private)} */
    @Override
    public String toString() {
        return "ExportJob{renderId=" + renderId + ", status=" + status + (progress == null ? "" : ", progress=" + progress + "%")
                + (outputUrl == null ? "" : ", output=" + withoutQuery(outputUrl))
                + (error == null ? "" : ", error=" + error) + '}';
    }

    static String withoutQuery(URI u) {
        return u.getScheme() + "://" + u.getRawAuthority() + (u.getRawPath() == null ? "" : u.getRawPath());
    }

    // --- decoding ------------------------------------------------------------------------------

    private static @Nullable JsonNode field(JsonNode[] places, String... names) {
        for (JsonNode p : places) {
            for (String name : names) {
                JsonNode v = p.get(name);
                if (v != null && !v.isNull()) {
                    return v;
                }
            }
        }
        return null;
    }

    private static @Nullable String text(JsonNode[] places, String... names) {
        for (JsonNode p : places) {
            for (String name : names) {
                JsonNode v = p.get(name);
                if (v != null && (v.isTextual() || v.isNumber()) && !v.asText().isBlank()) {
                    return v.asText().strip();
                }
            }
        }
        return null;
    }

    private static @Nullable URI url(JsonNode[] places) {
        for (JsonNode p : places) {
            for (String name : new String[] {"outputUrl", "output_url", "url", "downloadUrl", "download_url",
                "resultUrl", "result_url"}) {
                URI u = uri(p.get(name));
                if (u != null) {
                    return u;
                }
            }
            for (String container : new String[] {"output", "result"}) {
                JsonNode o = p.get(container);
                if (o != null && o.isObject()) {
                    for (String name : new String[] {"url", "outputUrl", "output_url", "downloadUrl"}) {
                        URI u = uri(o.get(name));
                        if (u != null) {
                            return u;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static @Nullable URI uri(@Nullable JsonNode v) {
        if (v == null || !v.isTextual() || v.textValue().isBlank()) {
            return null;
        }
        try {
            URI u = new URI(v.textValue().strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && u.getHost() != null ? u : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static @Nullable String error(JsonNode[] places) {
        for (JsonNode p : places) {
            for (String name : new String[] {"error", "errorMessage", "error_message", "failureReason", "reason"}) {
                JsonNode v = p.get(name);
                if (v == null || v.isNull()) {
                    continue;
                }
                if (v.isTextual() && !v.textValue().isBlank()) {
                    return v.textValue().strip();
                }
                if (v.isObject()) {
                    for (String inner : new String[] {"message", "msg", "detail"}) {
                        JsonNode m = v.get(inner);
                        if (m != null && m.isTextual() && !m.textValue().isBlank()) {
                            return m.textValue().strip();
                        }
                    }
                }
            }
        }
        return null;
    }

    private static @Nullable BigDecimal number(@Nullable JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.isDouble() || v.isFloat() ? (Double.isFinite(v.doubleValue()) ? BigDecimal.valueOf(v.doubleValue())
                    : null) : v.decimalValue();
        }
        if (v.isTextual()) {
            String s = v.textValue().strip();
            if (s.isEmpty() || s.length() > 40) {
                return null;
            }
            try {
                return new BigDecimal(s.endsWith("%") ? s.substring(0, s.length() - 1) : s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static @Nullable Integer progress(@Nullable JsonNode v) {
        BigDecimal d = number(v);
        if (d == null) {
            return null;
        }
        BigDecimal clamped = d.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100));
        return clamped.setScale(0, RoundingMode.HALF_UP).intValue();
    }

    private static @Nullable Long size(@Nullable JsonNode v) {
        BigDecimal d = number(v);
        if (d == null || d.signum() < 0) {
            return null;
        }
        try {
            return d.setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static @Nullable Duration seconds(@Nullable JsonNode v) {
        BigDecimal d = number(v);
        if (d == null || d.signum() < 0 || d.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
            return null;
        }
        return Duration.ofMillis(d.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValue());
    }

    /** Epoch milliseconds (values below 1e11 are taken as seconds) or ISO-8601 text. */
    private static @Nullable Instant instant(@Nullable JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            String s = v.textValue().strip();
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(s);
                } catch (DateTimeParseException e2) {
                    // maybe a number in a string
                }
            }
        }
        BigDecimal d = number(v);
        if (d == null || d.signum() < 0) {
            return null;
        }
        try {
            BigDecimal ms = d.compareTo(BigDecimal.valueOf(100_000_000_000L)) < 0 ? d.movePointRight(3) : d;
            return Instant.ofEpochMilli(ms.setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException | DateTimeException e) {
            return null;
        }
    }
}
