package dev.nemo.sdk.internal.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.draft.Segment;
import dev.nemo.sdk.draft.Track;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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

    private static volatile @Nullable Access access;

    private DraftTrees() {
    }

    /**
     * Registers the accessor of the draft types.
     *
     * @param a the accessor; the first one registered stays
     */
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
        return access().wrap(tree);
    }

    /** {@return the draft's tree, shared: read only} */
    public static ObjectNode of(Draft draft) {
        return access().draft(draft);
    }

    /** {@return the track's tree, shared: read only} */
    public static JsonNode of(Track track) {
        return access().track(track);
    }

    /** {@return the segment's tree, shared: read only} */
    public static JsonNode of(Segment segment) {
        return access().segment(segment);
    }

    /** The registered accessor: a draft type's instance exists, or its class is initialised here. */
    private static Access access() {
        Access a = access;
        if (a == null) {
            Draft.empty(); // initialises the draft types, which register their accessor
            a = Objects.requireNonNull(access, "the draft types registered no accessor");
        }
        return a;
    }
}
