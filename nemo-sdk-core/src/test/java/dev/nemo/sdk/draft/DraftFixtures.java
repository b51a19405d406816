package dev.nemo.sdk.draft;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test resources shared by the draft tests. */
public final class DraftFixtures {
    private DraftFixtures() {}

    /** The seed's three-track timeline, with unknown fields at every level. */
    public static String seedDraftJson() {
        return resource("/drafts/seed-draft.json").strip();
    }

    public static String resource(String name) {
        try (InputStream in = DraftFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
