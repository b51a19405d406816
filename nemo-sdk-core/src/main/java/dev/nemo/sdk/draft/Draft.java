package dev.nemo.sdk.draft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.nemo.sdk.internal.draft.DraftNodes;
import dev.nemo.sdk.internal.draft.Summaries;
import dev.nemo.sdk.internal.json.Json;
import dev.nemo.sdk.internal.json.JsonValues;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The editing timeline of a session ({@code data.state.draft}): an immutable, lossless view over
 * its JSON.
 *
 * <p>The compact keys are {@code t} (tracks), {@code tt} (track type), {@code sg} (segments),
 * {@code d} (duration in milliseconds) and {@code m} (metadata); segment fields follow
 * {@code docs/draft-model.md}. Everything else is undocumented upstream and kept exactly:
 * {@link #toJson()} gives JSON equal to what was read, with unknown keys at every level, key
 * order, integer and decimal forms and numbers beyond {@code long}. That matters because an export
 * sends the whole draft back: a dropped field is lost user work.
 *
 * <p>Edits return new drafts and keep everything they do not touch:
 *
 * <pre>{@code
 * Draft edited = draft
 *         .withTitle("Urban Dreams")
 *         .withTrack(Track.of(TrackType.TEXT).withSegment(Segment.builder()
 *                 .start(Duration.ZERO).duration(Duration.ofSeconds(3)).text("Urban Dreams").build()))
 *         .editTrack(1, t -> t.editSegment(0, s -> s.withVolume(0.5)));
 * System.out.println(edited.summary());
 * }</pre>
 *
 * <p>Equality is JSON equality. Instances are thread-safe.
 */
public final class Draft {
    /** Field: the tracks. */
    public static final String TRACKS = "t";
    /** Field: the duration in milliseconds. */
    public static final String DURATION = "d";
    /** Field: the metadata object. */
    public static final String METADATA = "m";
    /** Metadata field: the title. */
    public static final String TITLE = "title";

    static {
        DraftTreeAccess.register();
    }

    private final ObjectNode json;

    private Draft(ObjectNode json) {
        this.json = json;
    }

    /**
     * {@return the draft}
     *
     * @param json the draft's JSON text
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    public static Draft parse(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode node;
        try {
            node = Json.mapper().readerFor(JsonNode.class)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A draft must be a JSON object; this text is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("A draft must be a JSON object, not "
                    + (node == null || node.isMissingNode() ? "empty text" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return new Draft((ObjectNode) node);
    }

    /**
     * {@return the draft}
     *
     * @param json the draft's JSON
     */
    public static Draft of(JsonObject json) {
        Objects.requireNonNull(json, "json");
        return new Draft(JsonValues.toJackson(json));
    }

    static Draft wrap(ObjectNode tree) {
        return new Draft(tree);
    }

    /** {@return a draft with no fields, {@code {}}} */
    public static Draft empty() {
        return new Draft(DraftNodes.NODES.objectNode());
    }

    /** {@return the tracks ({@code t}) in order; empty when absent or not an array} */
    public List<Track> tracks() {
        JsonNode t = json.get(TRACKS);
        if (t == null || !t.isArray()) {
            return List.of();
        }
        List<Track> out = new ArrayList<>(t.size());
        t.forEach(n -> out.add(Track.wrap(n)));
        return Collections.unmodifiableList(out);
    }

    /**
     * {@return that track}
     *
     * @param index track index, from 0
     * @throws IndexOutOfBoundsException when there is no such track
     */
    public Track track(int index) {
        List<Track> all = tracks();
        DraftNodes.checkIndex(index, all.size(), "track");
        return all.get(index);
    }

    /** {@return the number of tracks} */
    public int trackCount() {
        JsonNode t = json.get(TRACKS);
        return t != null && t.isArray() ? t.size() : 0;
    }

    /**
     * {@return the index of the first track of that type}
     *
     * @param type a track type
     */
    public OptionalInt indexOf(TrackType type) {
        Objects.requireNonNull(type, "type");
        List<Track> all = tracks();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).is(type)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** {@return the duration ({@code d}, milliseconds), when present and a non-negative number} */
    public Optional<Duration> duration() {
        return DraftNodes.millis(json.get(DURATION));
    }

    /** {@return the metadata object ({@code m}); an empty object when absent or not an object} */
    public JsonObject metadata() {
        return JsonValues.objectOrEmpty(json.get(METADATA));
    }

    /** {@return the title ({@code m.title}), when it is a string} */
    public Optional<String> title() {
        JsonNode m = json.get(METADATA);
        return m != null && m.isObject() ? DraftNodes.text(m.get(TITLE)) : Optional.empty();
    }

    /**
     * {@return that field's value, when present}
     *
     * @param name a top-level field name
     */
    public Optional<JsonValue> field(String name) {
        JsonNode v = json.get(Objects.requireNonNull(name, "name"));
        return v == null ? Optional.empty() : Optional.of(JsonValues.fromJackson(v));
    }

    /**
     * Whether the render service can export this draft: {@code t} exists and at least one track
     * has a non-empty {@code sg}.
     *
     * @return {@code true} when exportable
     */
    public boolean isExportable() {
        JsonNode t = json.get(TRACKS);
        if (t == null || !t.isArray()) {
            return false;
        }
        for (JsonNode track : t) {
            JsonNode sg = track.get(Track.SEGMENTS);
            if (sg != null && sg.isArray() && sg.size() > 0) {
                return true;
            }
        }
        return false;
    }

    /** {@return whether the draft has no fields at all} */
    public boolean isEmpty() {
        return json.isEmpty();
    }

    /**
     * The timeline in the skill's one-line format, for example
     * {@code Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban Dreams" (0-3s)}.
     * Never throws, whatever the draft's shape.
     *
     * @return the summary
     */
    public String summary() {
        return Summaries.draft(this);
    }

    /** {@return the draft's JSON, equal to what was read plus the edits made} */
    public JsonObject toJson() {
        return JsonValues.fromJackson(json);
    }

    /** {@return the draft as compact JSON text} */
    public String toJsonString() {
        return Json.writeString(json);
    }

    /**
     * {@return a copy with the track added last ({@code t} is created when absent)}
     *
     * @param track a track to append
     * @throws IllegalStateException when {@code t} exists but is not an array
     */
    public Draft withTrack(Track track) {
        Objects.requireNonNull(track, "track");
        ObjectNode copy = json.deepCopy();
        DraftNodes.editableArray(copy, TRACKS, "the tracks of a draft").add(track.node().deepCopy());
        return new Draft(copy);
    }

    /**
     * {@return a copy with that track replaced}
     *
     * @param index index of the track to replace
     * @param track its replacement
     */
    public Draft withTrack(int index, Track track) {
        Objects.requireNonNull(track, "track");
        ObjectNode copy = json.deepCopy();
        ArrayNode t = DraftNodes.editableArray(copy, TRACKS, "the tracks of a draft");
        DraftNodes.checkIndex(index, t.size(), "track");
        t.set(index, track.node().deepCopy());
        return new Draft(copy);
    }

    /**
     * {@return a copy with the track inserted there}
     *
     * @param index index at which to insert, from 0 to {@link #trackCount()}
     * @param track the track
     */
    public Draft withTrackInserted(int index, Track track) {
        Objects.requireNonNull(track, "track");
        ObjectNode copy = json.deepCopy();
        ArrayNode t = DraftNodes.editableArray(copy, TRACKS, "the tracks of a draft");
        DraftNodes.checkIndex(index, t.size() + 1, "insertion");
        t.insert(index, track.node().deepCopy());
        return new Draft(copy);
    }

    /**
     * {@return a copy with that track replaced by {@code edit}'s result}
     *
     * @param index index of the track to edit
     * @param edit  how to change it
     */
    public Draft editTrack(int index, UnaryOperator<Track> edit) {
        Objects.requireNonNull(edit, "edit");
        return withTrack(index, Objects.requireNonNull(edit.apply(track(index)), "edited track"));
    }

    /**
     * {@return a copy without that track}
     *
     * @param index index of the track to remove
     */
    public Draft withoutTrack(int index) {
        ObjectNode copy = json.deepCopy();
        ArrayNode t = DraftNodes.editableArray(copy, TRACKS, "the tracks of a draft");
        DraftNodes.checkIndex(index, t.size(), "track");
        t.remove(index);
        return new Draft(copy);
    }

    /**
     * {@return a copy whose {@code t} holds exactly these tracks (at its old position among the keys)}
     *
     * @param tracks the new tracks
     */
    public Draft withTracks(List<Track> tracks) {
        ArrayNode t = DraftNodes.NODES.arrayNode();
        tracks.forEach(tr -> t.add(Objects.requireNonNull(tr, "track").node().deepCopy()));
        ObjectNode copy = json.deepCopy();
        copy.set(TRACKS, t);
        return new Draft(copy);
    }

    /**
     * {@return a copy with the segment added last in that track}
     *
     * @param trackIndex index of the track
     * @param segment    a segment to append to it
     */
    public Draft withSegment(int trackIndex, Segment segment) {
        Objects.requireNonNull(segment, "segment");
        return editTrack(trackIndex, t -> t.withSegment(segment));
    }

    /**
     * {@return a copy with that segment replaced}
     *
     * @param trackIndex   index of the track
     * @param segmentIndex index of the segment to replace
     * @param segment      its replacement
     */
    public Draft withSegment(int trackIndex, int segmentIndex, Segment segment) {
        Objects.requireNonNull(segment, "segment");
        return editTrack(trackIndex, t -> t.withSegment(segmentIndex, segment));
    }

    /**
     * {@return a copy with that segment replaced by {@code edit}'s result}
     *
     * @param trackIndex   index of the track
     * @param segmentIndex index of the segment
     * @param edit         how to change it
     */
    public Draft editSegment(int trackIndex, int segmentIndex, UnaryOperator<Segment> edit) {
        Objects.requireNonNull(edit, "edit");
        return editTrack(trackIndex, t -> t.editSegment(segmentIndex, edit));
    }

    /**
     * {@return a copy without that segment}
     *
     * @param trackIndex   index of the track
     * @param segmentIndex index of the segment to remove
     */
    public Draft withoutSegment(int trackIndex, int segmentIndex) {
        return editTrack(trackIndex, t -> t.withoutSegment(segmentIndex));
    }

    /**
     * {@return a copy with {@code d} set (milliseconds)}
     *
     * @param duration the timeline's length
     */
    public Draft withDuration(Duration duration) {
        ObjectNode copy = json.deepCopy();
        copy.set(DURATION, DraftNodes.millis(duration, "duration"));
        return new Draft(copy);
    }

    /**
     * {@return a copy whose {@code m} is exactly {@code metadata}}
     *
     * @param metadata the new metadata object
     */
    public Draft withMetadata(JsonObject metadata) {
        Objects.requireNonNull(metadata, "metadata");
        ObjectNode copy = json.deepCopy();
        copy.set(METADATA, JsonValues.toJackson(metadata));
        return new Draft(copy);
    }

    /**
     * {@return a copy with {@code m.key} set ({@code m} is created when absent)}
     *
     * @param key   a metadata field
     * @param value its value
     * @throws IllegalStateException when {@code m} exists but is not an object
     */
    public Draft withMetadata(String key, JsonValue value) {
        Objects.requireNonNull(value, "value");
        return withMetadataNode(key, JsonValues.toJackson(value));
    }

    /**
     * {@return a copy with {@code m.key} set}
     *
     * @param key   a metadata field
     * @param value its text value
     */
    public Draft withMetadata(String key, String value) {
        return withMetadataNode(key, TextNode.valueOf(Objects.requireNonNull(value, "value")));
    }

    private Draft withMetadataNode(String key, JsonNode value) {
        Objects.requireNonNull(key, "key");
        ObjectNode copy = json.deepCopy();
        DraftNodes.editableObject(copy, METADATA, "the metadata of a draft").set(key, value);
        return new Draft(copy);
    }

    /**
     * {@return a copy without {@code m.key}}
     *
     * @param key a metadata field
     */
    public Draft withoutMetadata(String key) {
        Objects.requireNonNull(key, "key");
        JsonNode m = json.get(METADATA);
        if (m == null || !m.isObject() || !m.has(key)) {
            return this;
        }
        ObjectNode copy = json.deepCopy();
        ((ObjectNode) copy.get(METADATA)).remove(key);
        return new Draft(copy);
    }

    /**
     * {@return a copy with {@code m.title} set}
     *
     * @param title the title
     */
    public Draft withTitle(String title) {
        return withMetadata(TITLE, title);
    }

    /**
     * {@return a copy with that field set (an existing field keeps its position)}
     *
     * @param name  a top-level field
     * @param value its value
     */
    public Draft withField(String name, JsonValue value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        ObjectNode copy = json.deepCopy();
        copy.set(name, JsonValues.toJackson(value));
        return new Draft(copy);
    }

    /**
     * {@return a copy without that field}
     *
     * @param name a top-level field
     */
    public Draft withoutField(String name) {
        Objects.requireNonNull(name, "name");
        if (!json.has(name)) {
            return this;
        }
        ObjectNode copy = json.deepCopy();
        copy.remove(name);
        return new Draft(copy);
    }

    ObjectNode node() {
        return json;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Draft d && json.equals(d.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    /** {@return {@code Draft[<summary>]}} */
    @Override
    public String toString() {
        return "Draft[" + summary() + "]";
    }
}
