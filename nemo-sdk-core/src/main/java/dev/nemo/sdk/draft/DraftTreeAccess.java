package dev.nemo.sdk.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.internal.draft.DraftTrees;

/** Hands the SDK's internal code the Jackson trees behind the draft types, without copies. */
final class DraftTreeAccess implements DraftTrees.Access {
    private DraftTreeAccess() {}

    /** Registers once; called from the static initialiser of each draft type. */
    static void register() {
        DraftTrees.register(new DraftTreeAccess());
    }

    @Override
    public ObjectNode draft(Draft draft) {
        return draft.node();
    }

    @Override
    public Draft wrap(ObjectNode tree) {
        return Draft.wrap(tree);
    }

    @Override
    public JsonNode track(Track track) {
        return track.node();
    }

    @Override
    public JsonNode segment(Segment segment) {
        return segment.node();
    }
}
