package dev.nemo.sdk.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.internal.draft.DraftNodes;
import dev.nemo.sdk.internal.draft.Summaries;
import dev.nemo.sdk.internal.json.JsonValues;
import dev.nemo.sdk.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One track ({@code t} element) of a {@link Draft}: its type ({@code tt}) and segments
 * ({@code sg}). Immutable and lossless: edits return a new track and keep every other field.
 *
 * <pre>{@code
 * Track title = Track.of(TrackType.TEXT)
 *         .withSegment(Segment.builder().start(Duration.ZERO).duration(Duration.ofSeconds(3))
 *                 .text("Urban Dreams").build());
 * }</pre>
 */
public final class Track {
    /** Field: the track type. */
    public static final String TYPE = "tt";
    /** Field: the segments. */
    public static final String SEGMENTS = "sg";

    static {
        DraftTreeAccess.register();
    }

    private final JsonNode json;

    private Track(JsonNode json) {
        this.json = json;
    }

    /** Wraps a node owned by a draft; never mutated. */
    static Track wrap(JsonNode json) {
        return new Track(json);
    }

    /**
     * {@return a new track {@code {"tt":type,"sg":[]}}}
     *
     * @param type the track type
     */
    public static Track of(TrackType type) {
        Objects.requireNonNull(type, "type");
        ObjectNode o = DraftNodes.NODES.objectNode();
        o.set(TYPE, DraftNodes.integer(type.code()));
        o.putArray(SEGMENTS);
        return new Track(o);
    }

    /**
     * {@return a view over it}
     *
     * @param json a track object; any JSON value is accepted and kept as it is
     */
    public static Track of(JsonValue json) {
        Objects.requireNonNull(json, "json");
        return new Track(JsonValues.toJackson(json));
    }

    /**
     * {@return the type ({@code tt}) when it is a whole number (or a numeric string); unknown codes are kept as {@code unknown(n)}}
     */
    public Optional<TrackType> type() {
        BigDecimal v = DraftNodes.number(json.get(TYPE));
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(TrackType.of(v.intValueExact()));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /**
     * {@return whether this track has that type}
     *
     * @param type a type
     */
    public boolean is(TrackType type) {
        return type().map(type::equals).orElse(false);
    }

    /** {@return the segments ({@code sg}); empty when absent or not an array} */
    public List<Segment> segments() {
        JsonNode sg = json.get(SEGMENTS);
        if (sg == null || !sg.isArray()) {
            return List.of();
        }
        List<Segment> out = new ArrayList<>(sg.size());
        sg.forEach(s -> out.add(Segment.wrap(s)));
        return Collections.unmodifiableList(out);
    }

    /**
     * {@return that segment}
     *
     * @param index segment index
     * @throws IndexOutOfBoundsException when there is no such segment
     */
    public Segment segment(int index) {
        List<Segment> all = segments();
        DraftNodes.checkIndex(index, all.size(), "segment");
        return all.get(index);
    }

    /** {@return whether {@code sg} is a non-empty array} */
    public boolean hasSegments() {
        JsonNode sg = json.get(SEGMENTS);
        return sg != null && sg.isArray() && sg.size() > 0;
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

    /** {@return the track's JSON, every field kept} */
    public JsonValue toJson() {
        return JsonValues.fromJackson(json);
    }

    JsonNode node() {
        return json;
    }

    /**
     * {@return a copy with {@code tt} set}
     *
     * @param type new type
     */
    public Track withType(TrackType type) {
        ObjectNode copy = DraftNodes.objectOrEmpty(json);
        copy.set(TYPE, DraftNodes.integer(Objects.requireNonNull(type, "type").code()));
        return new Track(copy);
    }

    /**
     * {@return a copy with the segment added last}
     *
     * @param segment a segment to append
     * @throws IllegalStateException when {@code sg} exists but is not an array
     */
    public Track withSegment(Segment segment) {
        Objects.requireNonNull(segment, "segment");
        ObjectNode copy = DraftNodes.objectOrEmpty(json);
        DraftNodes.editableArray(copy, SEGMENTS, "the segments of a track").add(segment.node().deepCopy());
        return new Track(copy);
    }

    /**
     * {@return a copy with that segment replaced}
     *
     * @param index   index of the segment to replace
     * @param segment its replacement
     */
    public Track withSegment(int index, Segment segment) {
        Objects.requireNonNull(segment, "segment");
        ObjectNode copy = DraftNodes.objectOrEmpty(json);
        ArrayNode sg = DraftNodes.editableArray(copy, SEGMENTS, "the segments of a track");
        DraftNodes.checkIndex(index, sg.size(), "segment");
        sg.set(index, segment.node().deepCopy());
        return new Track(copy);
    }

    /**
     * {@return a copy with that segment replaced by {@code edit}'s result}
     *
     * @param index index of the segment to edit
     * @param edit  how to change it
     */
    public Track editSegment(int index, UnaryOperator<Segment> edit) {
        return withSegment(index, Objects.requireNonNull(edit.apply(segment(index)), "edited segment"));
    }

    /**
     * {@return a copy without that segment}
     *
     * @param index index of the segment to remove
     */
    public Track withoutSegment(int index) {
        ObjectNode copy = DraftNodes.objectOrEmpty(json);
        ArrayNode sg = DraftNodes.editableArray(copy, SEGMENTS, "the segments of a track");
        DraftNodes.checkIndex(index, sg.size(), "segment");
        sg.remove(index);
        return new Track(copy);
    }

    /**
     * {@return a copy whose {@code sg} holds exactly these segments}
     *
     * @param segments the new segments
     */
    public Track withSegments(List<Segment> segments) {
        ObjectNode copy = DraftNodes.objectOrEmpty(json);
        ArrayNode sg = DraftNodes.NODES.arrayNode();
        segments.forEach(s -> sg.add(Objects.requireNonNull(s, "segment").node().deepCopy()));
        copy.set(SEGMENTS, sg);
        return new Track(copy);
    }

    /**
     * {@return a copy with that field set (an existing field keeps its position)}
     *
     * @param name  field name
     * @param value its value
     */
    public Track withField(String name, JsonValue value) {
        ObjectNode copy = DraftNodes.objectOrEmpty(json);
        copy.set(Objects.requireNonNull(name, "name"), JsonValues.toJackson(Objects.requireNonNull(value, "value")));
        return new Track(copy);
    }

    /**
     * {@return a copy without that field}
     *
     * @param name field name
     */
    public Track withoutField(String name) {
        Objects.requireNonNull(name, "name");
        if (!json.isObject() || !json.has(name)) {
            return this;
        }
        ObjectNode copy = ((ObjectNode) json).deepCopy();
        copy.remove(name);
        return new Track(copy);
    }

    /** {@return the track as the summary shows it, for example {@code BGM: Lo-fi (0-10s, 35%)}} */
    public String describe() {
        return Summaries.track(this);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Track t && json.equals(t.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "Track[" + describe() + "]";
    }
}
