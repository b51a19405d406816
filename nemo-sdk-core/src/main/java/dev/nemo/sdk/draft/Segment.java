package dev.nemo.sdk.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.nemo.sdk.internal.draft.DraftNodes;
import dev.nemo.sdk.internal.draft.Summaries;
import dev.nemo.sdk.internal.json.JsonValues;
import dev.nemo.sdk.json.JsonValue;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * One segment ({@code sg} element) of a {@link Track}: an immutable, lossless view over its JSON.
 *
 * <p>Segment fields are undocumented upstream; this SDK reads the schema described in
 * {@code docs/draft-model.md}: {@code start} and {@code duration} in milliseconds, {@code label},
 * {@code text} and {@code volume} (0–1, where 1 is 100%). Accessors are tolerant: a field that is
 * absent or has another shape reads as empty, and {@link #toJson()} keeps every field, known or not.
 *
 * <pre>{@code
 * Segment bgm = Segment.builder().start(Duration.ZERO).duration(Duration.ofSeconds(10))
 *         .label("Lo-fi").volume(0.35).build();
 * Segment louder = bgm.withVolume(0.5);     // bgm is unchanged
 * }</pre>
 */
public final class Segment {
    /** Field: start on the timeline, in milliseconds. */
    public static final String START = "start";
    /** Field: length, in milliseconds. */
    public static final String DURATION = "duration";
    /** Field: a human name of the clip or sound (for example {@code city timelapse}). */
    public static final String LABEL = "label";
    /** Field: the text shown by a text segment. */
    public static final String TEXT = "text";
    /** Field: volume from 0 to 1. */
    public static final String VOLUME = "volume";

    static {
        DraftTreeAccess.register();
    }

    private final JsonNode json;

    private Segment(JsonNode json) {
        this.json = json;
    }

    /** Wraps a node owned by a draft; never mutated. */
    static Segment wrap(JsonNode json) {
        return new Segment(json);
    }

    /**
     * {@return a view over a copy of it}
     *
     * @param json a segment object (copied); any JSON value is accepted and kept as it is
     */
    public static Segment of(JsonValue json) {
        Objects.requireNonNull(json, "json");
        return new Segment(JsonValues.toJackson(json));
    }

    /** {@return a new builder of a segment object} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the start on the timeline ({@code start}, ms), when present and a non-negative number} */
    public Optional<Duration> start() {
        return DraftNodes.millis(json.get(START));
    }

    /** {@return the length ({@code duration}, ms), when present and a non-negative number} */
    public Optional<Duration> duration() {
        return DraftNodes.millis(json.get(DURATION));
    }

    /**
     * {@return the end on the timeline: start (0 when absent) plus duration; empty without a duration}
     */
    public Optional<Duration> end() {
        return duration().map(d -> start().orElse(Duration.ZERO).plus(d));
    }

    /** {@return the {@code label}, when it is a string} */
    public Optional<String> label() {
        return DraftNodes.text(json.get(LABEL));
    }

    /** {@return the {@code text}, when it is a string} */
    public Optional<String> text() {
        return DraftNodes.text(json.get(TEXT));
    }

    /** {@return the {@code volume} (1.0 = 100%), when it is a finite, non-negative number} */
    public OptionalDouble volume() {
        return DraftNodes.finiteNonNegative(json.get(VOLUME));
    }

    /**
     * {@return a copy of that field's value, when present}
     *
     * @param name a field name
     */
    public Optional<JsonValue> field(String name) {
        JsonNode v = json.get(Objects.requireNonNull(name, "name"));
        return v == null ? Optional.empty() : Optional.of(JsonValues.fromJackson(v));
    }

    /** {@return the segment's JSON, every field kept} */
    public JsonValue toJson() {
        return JsonValues.fromJackson(json);
    }

    /** The JSON without a copy, for the draft types (never mutated). */
    JsonNode node() {
        return json;
    }

    /**
     * {@return a copy with {@code start} set (in ms)}
     *
     * @param start new start
     */
    public Segment withStart(Duration start) {
        return withNode(START, DraftNodes.millis(start, "start"));
    }

    /**
     * {@return a copy with {@code duration} set (in ms)}
     *
     * @param duration new length
     */
    public Segment withDuration(Duration duration) {
        return withNode(DURATION, DraftNodes.millis(duration, "duration"));
    }

    /**
     * {@return a copy with {@code label} set}
     *
     * @param label new label
     */
    public Segment withLabel(String label) {
        return withNode(LABEL, TextNode.valueOf(Objects.requireNonNull(label, "label")));
    }

    /**
     * {@return a copy with {@code text} set}
     *
     * @param text new text
     */
    public Segment withText(String text) {
        return withNode(TEXT, TextNode.valueOf(Objects.requireNonNull(text, "text")));
    }

    /**
     * {@return a copy with {@code volume} set}
     *
     * @param volume new volume, 0 or more (1.0 = 100%)
     */
    public Segment withVolume(double volume) {
        if (!Double.isFinite(volume) || volume < 0) {
            throw new IllegalArgumentException("volume must be a finite number >= 0 (1.0 = 100%): " + volume);
        }
        return withNode(VOLUME, DraftNodes.decimal(volume));
    }

    /**
     * Sets any field. An existing field keeps its position among the keys; a new one goes last.
     *
     * @param name  field name
     * @param value its value
     * @return a copy with the field set
     */
    public Segment withField(String name, JsonValue value) {
        return withNode(Objects.requireNonNull(name, "name"), JsonValues.toJackson(Objects.requireNonNull(value, "value")));
    }

    /**
     * {@return a copy without that field}
     *
     * @param name field name
     */
    public Segment withoutField(String name) {
        Objects.requireNonNull(name, "name");
        if (!json.isObject() || !json.has(name)) {
            return this;
        }
        ObjectNode copy = ((ObjectNode) json).deepCopy();
        copy.remove(name);
        return new Segment(copy);
    }

    private Segment withNode(String name, JsonNode value) {
        // a segment that is not an object (a malformed element) becomes one: there is nothing to keep
        ObjectNode copy = DraftNodes.objectOrEmpty(json);
        copy.set(name, value);
        return new Segment(copy);
    }

    /** {@return the segment as the summary shows it, for example {@code Lo-fi (0-10s, 35%)}} */
    public String describe() {
        return Summaries.segment(this, false);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Segment s && json.equals(s.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "Segment[" + describe() + "]";
    }

    /** Builds a segment object; fields appear in the order they are first set. */
    public static final class Builder {
        private Segment segment = new Segment(DraftNodes.NODES.objectNode());

        private Builder() {
        }

        /**
         * Sets {@code start}.
         *
         * @param start start on the timeline
         * @return this builder
         */
        public Builder start(Duration start) {
            segment = segment.withStart(start);
            return this;
        }

        /**
         * Sets {@code duration}.
         *
         * @param duration length
         * @return this builder
         */
        public Builder duration(Duration duration) {
            segment = segment.withDuration(duration);
            return this;
        }

        /**
         * Sets {@code label}.
         *
         * @param label label
         * @return this builder
         */
        public Builder label(String label) {
            segment = segment.withLabel(label);
            return this;
        }

        /**
         * Sets {@code text}.
         *
         * @param text text
         * @return this builder
         */
        public Builder text(String text) {
            segment = segment.withText(text);
            return this;
        }

        /**
         * Sets {@code volume}.
         *
         * @param volume volume, 1.0 = 100%
         * @return this builder
         */
        public Builder volume(double volume) {
            segment = segment.withVolume(volume);
            return this;
        }

        /**
         * Sets {@code field}.
         *
         * @param name  field name
         * @param value value
         * @return this builder
         */
        public Builder field(String name, JsonValue value) {
            segment = segment.withField(name, value);
            return this;
        }

        /** {@return the segment} */
        public Segment build() {
            return segment;
        }
    }
}
