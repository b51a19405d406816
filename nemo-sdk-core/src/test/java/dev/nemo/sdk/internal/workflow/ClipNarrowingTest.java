package dev.nemo.sdk.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.upload.UploadedFile;
import org.junit.jupiter.api.Test;

/** Narrowing a session's draft to one uploaded file, as a batch does before each item's render. */
class ClipNarrowingTest {
    private static final Draft DRAFT = Draft.parse("{\"t\":["
            + "{\"tt\":0,\"sg\":[{\"start\":0,\"duration\":2000,\"label\":\"a.gif\",\"src\":\"http://cdn/a.gif\"},"
            + "{\"start\":2000,\"duration\":3000,\"label\":\"b.gif\",\"src\":\"http://cdn/b.gif\",\"in\":0}]},"
            + "{\"tt\":7,\"sg\":[{\"start\":0,\"duration\":1000,\"text\":\"Hi\"}]}],"
            + "\"d\":5000,\"m\":{\"target_size_bytes\":512000},\"x_unknown\":true}");

    @Test
    void keepsOnlyTheFilesClipAtTheStartAndEverythingElseOfTheDraft() {
        UploadedFile b =
                UploadedFile.builder().fileName("b.gif").url("http://cdn/b.gif").build();

        Draft only = ClipNarrowing.onlyClipOf(DRAFT, b).orElseThrow();

        assertThat(only.toJson())
                .isEqualTo(Draft.parse("{\"t\":["
                                + "{\"tt\":0,\"sg\":[{\"start\":0,\"duration\":3000,\"label\":\"b.gif\",\"src\":\"http://cdn/b.gif\","
                                + "\"in\":0}]},"
                                + "{\"tt\":7,\"sg\":[{\"start\":0,\"duration\":1000,\"text\":\"Hi\"}]}],"
                                + "\"d\":3000,\"m\":{\"target_size_bytes\":512000},\"x_unknown\":true}")
                        .toJson());
    }

    @Test
    void matchesByUrlWhenItIsKnownElseByName() {
        UploadedFile byName = UploadedFile.builder().fileName("a.gif").build();
        UploadedFile otherUrl = UploadedFile.builder()
                .fileName("a.gif")
                .url("http://cdn/elsewhere.gif")
                .build();
        UploadedFile unknown = UploadedFile.builder().fileName("c.gif").build();

        assertThat(ClipNarrowing.onlyClipOf(DRAFT, byName))
                .hasValueSatisfying(d -> assertThat(d.track(0).segments())
                        .singleElement()
                        .satisfies(s -> assertThat(s.label()).hasValue("a.gif")));
        assertThat(ClipNarrowing.onlyClipOf(DRAFT, otherUrl)).isEmpty();
        assertThat(ClipNarrowing.onlyClipOf(DRAFT, unknown)).isEmpty();
        assertThat(ClipNarrowing.onlyClipOf(Draft.parse("{\"t\":[{\"tt\":1,\"sg\":[]}]}"), byName))
                .isEmpty();
    }
}
