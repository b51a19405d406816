package dev.nemo.sdk.internal.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.draft.Segment;
import dev.nemo.sdk.draft.Track;
import java.util.Objects;

/**
 * The Jackson trees behind {@link Draft}, {@link Track} and {@link Segment}, for the SDK's own
 * code (export bodies, state diffs) that works on trees. The trees are shared: never mutate them.
 */
public final class DraftTrees {
    /** Implemented in {@code dev.nemo.sdk.draft}, which can see the trees. */
    public interface Access {
        /** {@return the draft's tree} */
        ObjectNode draft(Draft draft);

        /** {@return the track's tree} */
        JsonNode track(Track track);

        /** {@return the segment's tree} */
        JsonNode segment(Segment segment);

        /** {@return a draft over {@code tree}, which the caller hands over and never uses again} */
        Draft wrap(ObjectNode tree);
    }

    private static volatile Access access;

    private DraftTrees() {
    }

    /** @param a the accessor; the first one registered stays */
    public static synchronized void register(Access a) {
        if (access == null) {
            access = Objects.requireNonNull(a, "access");
        }
    }

    /**
     * {@return a draft over it, without a copy}
     *
     * @param tree a draft object the caller hands over (it must not keep or change it)
     */
    public static Draft wrap(ObjectNode tree) {
        if (access == null) {
            Draft.empty(); // initialises the draft types, which register their accessor
        }
        return access.wrap(tree);
    }

    /** {@return the draft's tree, shared: read only} */
    public static ObjectNode of(Draft draft) {
        return access.draft(draft);
    }

    /** {@return the track's tree, shared: read only} */
    public static JsonNode of(Track track) {
        return access.track(track);
    }

    /** {@return the segment's tree, shared: read only} */
    public static JsonNode of(Segment segment) {
        return access.segment(segment);
    }
}
