package dev.nemo.sdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.testkit.internal.JsonBridge;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An export to render: the draft as submitted ({@code t/tt/sg/d/m}), the submitted
 * {@code output} options, and the session's uploaded media in upload order. Render settings the
 * emulated agent understood from chat ("720p", "under 500KB", "make it a GIF") live in the draft's
 * metadata {@code m}; the accessors below merge both places, {@code output} first.
 */
public final class RenderInput {
    private final String renderId;
    private final String sessionId;
    private final JsonObject draftJson;
    private final JsonObject outputJson;
    private final JsonNode draft;
    private final JsonNode output;
    private final List<SourceMedia> sources;

    /**
     * @param renderId  the client-chosen render id
     * @param sessionId the session
     * @param draft     the submitted draft
     * @param output    the submitted output options, or {@code null}
     * @param sources   the session's media, in upload order
     */
    public RenderInput(
            String renderId, String sessionId, JsonObject draft, JsonObject output, List<SourceMedia> sources) {
        this.renderId = Objects.requireNonNull(renderId, "renderId");
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.draftJson = Objects.requireNonNull(draft, "draft");
        this.outputJson = output == null ? JsonObject.empty() : output;
        this.draft = JsonBridge.toJackson(draftJson);
        this.output = JsonBridge.toJackson(outputJson);
        this.sources = List.copyOf(sources);
    }

    /** @return the render id */
    public String renderId() {
        return renderId;
    }

    /** @return the session id */
    public String sessionId() {
        return sessionId;
    }

    /** @return the submitted draft */
    public JsonObject draft() {
        return draftJson;
    }

    /** @return the submitted {@code output} object (empty when none was sent) */
    public JsonObject output() {
        return outputJson;
    }

    /** @return the session's uploaded media, in upload order */
    public List<SourceMedia> sources() {
        return sources;
    }

    /**
     * @return the media of the first video-track segment (matched by its {@code src} URL), else the
     *         first uploaded visual media
     */
    public Optional<SourceMedia> primarySource() {
        for (JsonNode track : draft.path("t")) {
            if (track.path("tt").asInt(-1) != 0) {
                continue;
            }
            for (JsonNode segment : track.path("sg")) {
                String src = segment.path("src").asText(null);
                for (SourceMedia s : sources) {
                    if (s.url().equals(src)) {
                        return Optional.of(s);
                    }
                }
            }
        }
        return sources.stream().filter(s -> !s.mimeType().startsWith("audio/")).findFirst();
    }

    /** @return the requested container format, lowercase: {@code output.format}, else {@code m.format}, else {@code mp4} */
    public String format() {
        String f = output.path("format").asText(draft.path("m").path("format").asText("mp4"));
        return f.isBlank() ? "mp4" : f.toLowerCase(Locale.ROOT);
    }

    /** @return the requested maximum output size in bytes ({@code m.target_size_bytes}) */
    public OptionalLong targetSizeBytes() {
        JsonNode v = output.has("target_size_bytes")
                ? output.get("target_size_bytes")
                : draft.path("m").path("target_size_bytes");
        return v.canConvertToLong() && v.isNumber() ? OptionalLong.of(v.longValue()) : OptionalLong.empty();
    }

    /** @return the requested output width ({@code output.width}, else {@code m.width}) */
    public OptionalInt width() {
        return intSetting("width");
    }

    /** @return the requested output height ({@code output.height}, else {@code m.height}) */
    public OptionalInt height() {
        return intSetting("height");
    }

    /** @return the requested frame rate ({@code output.fps}, else {@code m.fps}) */
    public OptionalInt fps() {
        return intSetting("fps");
    }

    /**
     * @return the colour transparent areas are shown on ({@code output.background}, else
     *         {@code m.background}): {@code #rrggbb} as the emulated agent writes it, or whatever text
     *         the client sent
     */
    public Optional<String> background() {
        JsonNode v = output.has("background")
                ? output.get("background")
                : draft.path("m").path("background");
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** @return the timeline length in ms ({@code d}), when the draft has one */
    public OptionalLong durationMillis() {
        JsonNode d = draft.path("d");
        return d.isNumber() ? OptionalLong.of(d.longValue()) : OptionalLong.empty();
    }

    private OptionalInt intSetting(String name) {
        JsonNode v = output.has(name) ? output.get(name) : draft.path("m").path(name);
        return v.isNumber() && v.canConvertToInt() ? OptionalInt.of(v.intValue()) : OptionalInt.empty();
    }

    @Override
    public String toString() {
        return "RenderInput{" + renderId + ", session=" + sessionId + ", format=" + format() + ", sources="
                + sources.size() + '}';
    }
}
