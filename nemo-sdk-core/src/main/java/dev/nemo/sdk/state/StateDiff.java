package dev.nemo.sdk.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.draft.Segment;
import dev.nemo.sdk.draft.Track;
import dev.nemo.sdk.draft.TrackType;
import dev.nemo.sdk.internal.draft.DraftNodes;
import dev.nemo.sdk.internal.draft.DraftTrees;
import dev.nemo.sdk.internal.draft.Summaries;
import dev.nemo.sdk.internal.json.JsonNodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two {@link SessionState}s, in words a user understands: media added or
 * removed, a draft created, tracks and segments added, removed or changed (timing, volume, text,
 * label), duration, title, metadata and canvas.
 *
 * <p>The chat uses it after a stream that ended without text (about 30% of edits): fetch the state,
 * compare it with the state before the message, and tell the user what was updated.
 *
 * <pre>{@code
 * StateDiff diff = StateDiff.between(before, client.state().get(sessionId));
 * System.out.println(diff.describe());
 * // Added track 3: Title: "Urban Dreams" (0-3s); Title set to "Urban Dreams"
 * }</pre>
 *
 * <p>Tracks are matched by content (a longest common subsequence), so inserting or removing a
 * track in the middle is reported as exactly that; an unmatched track of the same type at the same
 * place is reported as changed. Immutable.
 */
public final class StateDiff {
    private static final Set<String> DRAFT_KEYS = Set.of(Draft.TRACKS, Draft.DURATION, Draft.METADATA);
    private static final Set<String> STATE_KEYS = Set.of(SessionState.VIDEO_INFOS, SessionState.DRAFT,
            SessionState.CANVAS_CONFIG, SessionState.VIDEO_ANALYSES, SessionState.GENERATED_MEDIA);

    private final List<String> changes;

    private StateDiff(List<String> changes) {
        this.changes = List.copyOf(changes);
    }

    /**
     * {@return the differences}
     *
     * @param before the earlier state, or {@code null} for "nothing known" (an empty state)
     * @param after  the later state, or {@code null} for an empty state
     */
    public static StateDiff between(@Nullable SessionState before, @Nullable SessionState after) {
        ObjectNode b = before == null ? DraftNodes.NODES.objectNode() : before.stateNode();
        ObjectNode a = after == null ? DraftNodes.NODES.objectNode() : after.stateNode();
        List<String> out = new ArrayList<>();
        if (!b.equals(a)) {
            media(b.get(SessionState.VIDEO_INFOS), a.get(SessionState.VIDEO_INFOS), out);
            draft(before == null ? Optional.empty() : before.draft(), after == null ? Optional.empty() : after.draft(),
                    out);
            canvas(b.get(SessionState.CANVAS_CONFIG), a.get(SessionState.CANVAS_CONFIG), out);
            if (changed(b.get(SessionState.VIDEO_ANALYSES), a.get(SessionState.VIDEO_ANALYSES))) {
                out.add("AI analysis updated");
            }
            generated(b.get(SessionState.GENERATED_MEDIA), a.get(SessionState.GENERATED_MEDIA), out);
            otherKeys(b, a, STATE_KEYS, "Other session data changed", out);
        }
        @Nullable String nameBefore = before == null ? null : before.taskName().orElse(null);
        @Nullable String nameAfter = after == null ? null : after.taskName().orElse(null);
        if (nameBefore != null && nameAfter != null && !nameBefore.equals(nameAfter)) {
            out.add("Project renamed " + Summaries.quote(Summaries.clean(nameBefore)) + " → "
                    + Summaries.quote(Summaries.clean(nameAfter)));
        }
        return new StateDiff(out);
    }

    /**
     * {@return the differences between the two drafts alone}
     *
     * @param before the earlier draft, or {@code null} for none
     * @param after  the later draft, or {@code null} for none
     */
    public static StateDiff between(@Nullable Draft before, @Nullable Draft after) {
        List<String> out = new ArrayList<>();
        draft(Optional.ofNullable(before).filter(d -> !d.isEmpty()), Optional.ofNullable(after).filter(d -> !d.isEmpty()),
                out);
        return new StateDiff(out);
    }

    /** {@return whether nothing changed} */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** {@return the changes, one sentence each, in a stable order (media, timeline, canvas, other)} */
    public List<String> changes() {
        return changes;
    }

    /** {@return the changes on one line, separated by {@code "; "}, or {@code No changes}} */
    public String describe() {
        return changes.isEmpty() ? "No changes" : String.join("; ", changes);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof StateDiff x && changes.equals(x.changes);
    }

    @Override
    public int hashCode() {
        return changes.hashCode();
    }

    @Override
    public String toString() {
        return "StateDiff[" + describe() + "]";
    }

    // --- media -------------------------------------------------------------------------------

    private static void media(JsonNode before, JsonNode after, List<String> out) {
        if (!changed(before, after)) {
            return;
        }
        List<JsonNode> b = elements(before);
        List<JsonNode> a = elements(after);
        int added = minus(a, b);
        int removed = minus(b, a);
        if (added > 0) {
            out.add("Added " + count(added, "media file"));
        }
        if (removed > 0) {
            out.add("Removed " + count(removed, "media file"));
        }
        if (added == 0 && removed == 0) {
            out.add("Media files reordered");
        }
    }

    private static void generated(JsonNode before, JsonNode after, List<String> out) {
        if (!changed(before, after)) {
            return;
        }
        if ((before == null || before.isNull() || before.isArray()) && after != null && after.isArray()) {
            int added = minus(elements(after), elements(before));
            int removed = minus(elements(before), elements(after));
            if (added > 0) {
                out.add("Added " + count(added, "generated media item"));
            }
            if (removed > 0) {
                out.add("Removed " + count(removed, "generated media item"));
            }
            if (added > 0 || removed > 0) {
                return;
            }
        }
        out.add("Generated media updated");
    }

    // --- draft -------------------------------------------------------------------------------

    private static void draft(Optional<Draft> before, Optional<Draft> after, List<String> out) {
        if (before.isEmpty()) {
            after.ifPresent(a -> out.add("Draft created: " + a.summary()));
            return;
        }
        if (after.isEmpty()) {
            out.add("Draft removed");
            return;
        }
        Draft b = before.get();
        Draft a = after.get();
        if (b.equals(a)) {
            return;
        }
        tracks(b.tracks(), a.tracks(), out);
        duration(b.duration(), a.duration(), DraftTrees.of(b).get(Draft.DURATION), DraftTrees.of(a).get(Draft.DURATION), out);
        title(b.title(), a.title(), out);
        metadata(DraftTrees.of(b).get(Draft.METADATA), DraftTrees.of(a).get(Draft.METADATA), out);
        otherKeys(DraftTrees.of(b), DraftTrees.of(a), DRAFT_KEYS, "Other timeline settings changed", out);
    }

    private static void tracks(List<Track> before, List<Track> after, List<String> out) {
        if (before.equals(after)) {
            return;
        }
        if (before.size() == after.size() && minus(nodes(before), nodes(after)) == 0) {
            out.add("Tracks reordered");
            return;
        }
        align(before, after, (x, y) -> x.type().equals(y.type()), new Aligned<Track>() {
            @Override
            public void added(int afterIndex, Track t) {
                out.add("Added track " + (afterIndex + 1) + ": " + t.describe());
            }

            @Override
            public void removed(int beforeIndex, Track t) {
                out.add("Removed track " + (beforeIndex + 1) + ": " + t.describe());
            }

            @Override
            public void changed(int beforeIndex, Track x, int afterIndex, Track y) {
                trackChanged(afterIndex, x, y, out);
            }
        });
    }

    private static void trackChanged(int index, Track before, Track after, List<String> out) {
        String prefix = "Track " + (index + 1) + " (" + Summaries.typeName(after) + ")";
        boolean text = after.is(TrackType.TEXT);
        int sizeBefore = out.size();
        List<Segment> b = before.segments();
        List<Segment> a = after.segments();
        if (!b.equals(a)) {
            align(b, a, (x, y) -> true, new Aligned<Segment>() {
                @Override
                public void added(int afterIndex, Segment s) {
                    out.add(prefix + ": added " + Summaries.segment(s, text));
                }

                @Override
                public void removed(int beforeIndex, Segment s) {
                    out.add(prefix + ": removed " + Summaries.segment(s, text));
                }

                @Override
                public void changed(int beforeIndex, Segment x, int afterIndex, Segment y) {
                    out.add(prefix + ", " + Summaries.name(x, text) + ": " + segmentChanges(x, y));
                }
            });
        }
        ObjectNode restBefore = DraftNodes.objectOrEmpty(DraftTrees.of(before));
        ObjectNode restAfter = DraftNodes.objectOrEmpty(DraftTrees.of(after));
        restBefore.remove(Track.SEGMENTS);
        restAfter.remove(Track.SEGMENTS);
        if (!restBefore.equals(restAfter) || out.size() == sizeBefore) {
            out.add(prefix + ": settings changed");
        }
    }

    private static String segmentChanges(Segment b, Segment a) {
        List<String> parts = new ArrayList<>();
        Optional<String> textBefore = b.text();
        Optional<String> textAfter = a.text();
        if (!textBefore.equals(textAfter)) {
            parts.add(change("text", textBefore.map(t -> Summaries.quote(Summaries.clean(t))),
                    textAfter.map(t -> Summaries.quote(Summaries.clean(t)))));
        }
        if (!b.label().equals(a.label())) {
            parts.add(change("label", b.label().map(Summaries::clean), a.label().map(Summaries::clean)));
        }
        String rangeBefore = Summaries.range(b);
        String rangeAfter = Summaries.range(a);
        if (!rangeBefore.equals(rangeAfter)) {
            parts.add(change("timing", nonEmpty(rangeBefore), nonEmpty(rangeAfter)));
        }
        OptionalDouble vb = b.volume();
        OptionalDouble va = a.volume();
        if (!vb.equals(va)) {
            Optional<String> pb = vb.isPresent() ? Optional.of(Summaries.percent(vb.getAsDouble())) : Optional.empty();
            Optional<String> pa = va.isPresent() ? Optional.of(Summaries.percent(va.getAsDouble())) : Optional.empty();
            parts.add(pb.equals(pa) ? "volume adjusted" : change("volume", pb, pa));
        }
        ObjectNode restBefore = DraftNodes.objectOrEmpty(DraftTrees.of(b));
        ObjectNode restAfter = DraftNodes.objectOrEmpty(DraftTrees.of(a));
        for (String f : List.of(Segment.START, Segment.DURATION, Segment.LABEL, Segment.TEXT, Segment.VOLUME)) {
            restBefore.remove(f);
            restAfter.remove(f);
        }
        if (!restBefore.equals(restAfter) || parts.isEmpty()) {
            parts.add("other settings changed");
        }
        return String.join(", ", parts);
    }

    private static void duration(Optional<Duration> before, Optional<Duration> after, JsonNode rawBefore,
                                 JsonNode rawAfter, List<String> out) {
        if (!before.equals(after)) {
            out.add(change("Duration", before.map(d -> Summaries.seconds(d) + "s"),
                    after.map(d -> Summaries.seconds(d) + "s")));
        } else if (changed(rawBefore, rawAfter)) {
            out.add("Duration changed");
        }
    }

    private static void title(Optional<String> before, Optional<String> after, List<String> out) {
        if (!before.equals(after)) {
            out.add(change("Title", before.map(t -> Summaries.quote(Summaries.clean(t))),
                    after.map(t -> Summaries.quote(Summaries.clean(t)))));
        }
    }

    private static void metadata(JsonNode before, JsonNode after, List<String> out) {
        if (!changed(before, after)) {
            return;
        }
        ObjectNode b = DraftNodes.objectOrEmpty(before);
        ObjectNode a = DraftNodes.objectOrEmpty(after);
        if (b.equals(a)) {
            out.add("Metadata changed");
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        b.fieldNames().forEachRemaining(keys::add);
        a.fieldNames().forEachRemaining(keys::add);
        keys.remove(Draft.TITLE);
        for (String k : keys) {
            JsonNode x = b.get(k);
            JsonNode y = a.get(k);
            if (changed(x, y)) {
                out.add(change("Metadata " + Summaries.clean(k), scalar(x), scalar(y)));
            }
        }
    }

    private static void canvas(JsonNode before, JsonNode after, List<String> out) {
        if (!changed(before, after)) {
            return;
        }
        Optional<String> b = canvasText(before);
        Optional<String> a = canvasText(after);
        if (b.isPresent() && a.isPresent() && !b.equals(a)) {
            out.add("Canvas " + b.get() + " → " + a.get());
        } else if (absent(before) && a.isPresent()) {
            out.add("Canvas set to " + a.get());
        } else {
            out.add("Canvas settings changed");
        }
    }

    private static Optional<String> canvasText(JsonNode canvas) {
        if (canvas == null || !canvas.isObject()) {
            return Optional.empty();
        }
        Optional<String> w = scalar(canvas.get("width"));
        Optional<String> h = scalar(canvas.get("height"));
        Optional<String> ratio = scalar(JsonNodes.first(canvas, "aspect_ratio", "aspectRatio", "ratio"));
        String size = w.isPresent() && h.isPresent() ? w.get() + "x" + h.get() : null;
        if (size != null && ratio.isPresent()) {
            return Optional.of(size + " (" + ratio.get() + ")");
        }
        return size != null ? Optional.of(size) : ratio;
    }

    // --- helpers -----------------------------------------------------------------------------

    private static void otherKeys(ObjectNode before, ObjectNode after, Set<String> known, String label,
                                  List<String> out) {
        Set<String> keys = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(keys::add);
        after.fieldNames().forEachRemaining(keys::add);
        List<String> changed = new ArrayList<>();
        for (String k : keys) {
            if (!known.contains(k) && changed(before.get(k), after.get(k))) {
                changed.add(Summaries.clean(k));
            }
        }
        if (!changed.isEmpty()) {
            out.add(label + " (" + String.join(", ", changed) + ")");
        }
    }

    private static String change(String what, Optional<String> before, Optional<String> after) {
        if (before.isEmpty()) {
            return what + " set to " + after.orElse("a value");
        }
        if (after.isEmpty()) {
            return what + " removed (was " + before.get() + ")";
        }
        if (before.equals(after)) {
            return what + " changed";
        }
        return what + " " + before.get() + " → " + after.get();
    }

    private static Optional<String> nonEmpty(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** A short rendering of a scalar; containers render as nothing. */
    private static Optional<String> scalar(@Nullable JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode() || v.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(v.isTextual() ? Summaries.quote(Summaries.clean(v.textValue())) : Summaries.clean(v.asText()));
    }

    private static boolean absent(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode();
    }

    private static boolean changed(JsonNode before, JsonNode after) {
        if (absent(before) || absent(after)) {
            return absent(before) != absent(after);
        }
        return !before.equals(after);
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }

    private static List<JsonNode> nodes(List<Track> tracks) {
        List<JsonNode> out = new ArrayList<>(tracks.size());
        tracks.forEach(t -> out.add(DraftTrees.of(t)));
        return out;
    }

    /** Size of the multiset difference {@code a - b}. */
    private static int minus(List<JsonNode> a, List<JsonNode> b) {
        Map<JsonNode, Integer> counts = new HashMap<>();
        b.forEach(n -> counts.merge(n, 1, Integer::sum));
        int extra = 0;
        for (JsonNode n : a) {
            Integer c = counts.get(n);
            if (c == null || c == 0) {
                extra++;
            } else {
                counts.put(n, c - 1);
            }
        }
        return extra;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Receives the result of {@link #align}. */
    private interface Aligned<T> {
        void added(int afterIndex, T item);

        void removed(int beforeIndex, T item);

        void changed(int beforeIndex, T before, int afterIndex, T after);
    }

    /**
     * Aligns two lists: equal elements are matched by a longest common subsequence; between
     * matches, elements accepted by {@code pairable} are paired in order (changed), the rest are
     * removed or added.
     */
    private static <T> void align(List<T> before, List<T> after, BiPredicate<T, T> pairable, Aligned<T> sink) {
        int n = before.size();
        int m = after.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = before.get(i).equals(after.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        List<Integer> gapBefore = new ArrayList<>();
        List<Integer> gapAfter = new ArrayList<>();
        while (i < n || j < m) {
            if (i < n && j < m && before.get(i).equals(after.get(j))) {
                flush(before, after, gapBefore, gapAfter, pairable, sink);
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                gapAfter.add(j++);
            } else {
                gapBefore.add(i++);
            }
        }
        flush(before, after, gapBefore, gapAfter, pairable, sink);
    }

    private static <T> void flush(List<T> before, List<T> after, List<Integer> gapBefore, List<Integer> gapAfter,
                                  BiPredicate<T, T> pairable, Aligned<T> sink) {
        List<Integer> unpairedBefore = new ArrayList<>(gapBefore);
        for (int ai : gapAfter) {
            Integer match = null;
            for (Iterator<Integer> it = unpairedBefore.iterator(); it.hasNext(); ) {
                int bi = it.next();
                if (pairable.test(before.get(bi), after.get(ai))) {
                    match = bi;
                    it.remove();
                    break;
                }
            }
            if (match != null) {
                sink.changed(match, before.get(match), ai, after.get(ai));
            } else {
                sink.added(ai, after.get(ai));
            }
        }
        for (int bi : unpairedBefore) {
            sink.removed(bi, before.get(bi));
        }
        gapBefore.clear();
        gapAfter.clear();
    }
}
