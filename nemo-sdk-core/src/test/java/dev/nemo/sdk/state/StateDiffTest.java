package dev.nemo.sdk.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.draft.DraftFixtures;
import dev.nemo.sdk.draft.Segment;
import dev.nemo.sdk.draft.Track;
import dev.nemo.sdk.draft.TrackType;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonValue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StateDiffTest {
    private static final Draft SEED = Draft.parse(DraftFixtures.seedDraftJson());

    private static SessionState withDraft(Draft d) {
        return SessionState.empty().withDraft(d);
    }

    private static SessionState state(String json) {
        return SessionState.of((JsonObject) JsonValue.parse(json));
    }

    @Test
    void noChange() {
        StateDiff diff = StateDiff.between(withDraft(SEED), withDraft(Draft.parse(SEED.toJsonString())));
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.describe()).isEqualTo("No changes");
    }

    @Test
    void titleTrackAdded() {
        Draft before = SEED.withoutTrack(2).withoutMetadata("title");
        StateDiff diff = StateDiff.between(withDraft(before), withDraft(SEED));
        assertThat(diff.changes())
                .containsExactly("Added track 3: Title: \"Urban Dreams\" (0-3s)", "Title set to \"Urban Dreams\"");
        assertThat(diff.describe())
                .isEqualTo("Added track 3: Title: \"Urban Dreams\" (0-3s); Title set to \"Urban Dreams\"");
    }

    @Test
    void trackRemovedFromTheMiddle() {
        StateDiff diff = StateDiff.between(withDraft(SEED), withDraft(SEED.withoutTrack(1)));
        assertThat(diff.changes()).containsExactly("Removed track 2: BGM: Lo-fi (0-10s, 35%)");
    }

    @Test
    void segmentChangesInWords() {
        Draft after = SEED.editSegment(1, 0, s -> s.withVolume(0.5))
                .editSegment(2, 0, s -> s.withText("City Dreams").withStart(Duration.ofSeconds(1)))
                .editSegment(0, 0, s -> s.withField("src", JsonValue.of("/mnt/userdata/other.mp4")))
                .withSegment(
                        0,
                        Segment.builder()
                                .start(Duration.ofSeconds(10))
                                .duration(Duration.ofSeconds(2))
                                .label("outro")
                                .build())
                .withDuration(Duration.ofSeconds(12));

        assertThat(StateDiff.between(withDraft(SEED), withDraft(after)).changes())
                .containsExactly(
                        "Track 1 (Video), city timelapse: other settings changed",
                        "Track 1 (Video): added outro (10-12s)",
                        "Track 2 (BGM), Lo-fi: volume 35% → 50%",
                        "Track 3 (Title), \"Urban Dreams\": text \"Urban Dreams\" → \"City Dreams\", timing 0-3s → 1-4s",
                        "Duration 10s → 12s");
    }

    @Test
    void segmentRemovedAndTrackSettings() {
        Draft before = SEED.withSegment(0, Segment.builder().label("b-roll").build());
        Draft after = SEED.editTrack(1, t -> t.withoutField("fx"));
        assertThat(StateDiff.between(withDraft(before), withDraft(after)).changes())
                .containsExactly("Track 1 (Video): removed b-roll", "Track 2 (BGM): settings changed");
    }

    @Test
    void draftCreatedAndRemoved() {
        assertThat(StateDiff.between(SessionState.empty(), withDraft(SEED)).changes())
                .containsExactly("Draft created: " + SEED.summary());
        assertThat(StateDiff.between(withDraft(SEED), SessionState.empty()).changes())
                .containsExactly("Draft removed");
        assertThat(StateDiff.between(null, withDraft(SEED)).changes()).hasSize(1);
        assertThat(StateDiff.between((SessionState) null, null).isEmpty()).isTrue();
    }

    @Test
    void mediaCanvasAnalysesAndOtherData() {
        SessionState before = state("{\"task_name\":\"a\",\"state\":{\"video_infos\":[{\"f\":1}],"
                + "\"canvas_config\":{\"width\":1920,\"height\":1080},\"generated_media\":[],\"k\":1}}");
        SessionState after = state("{\"task_name\":\"b\",\"state\":{\"video_infos\":[{\"f\":1},{\"f\":2},{\"f\":3}],"
                + "\"canvas_config\":{\"width\":1080,\"height\":1920},\"video_analyses\":{\"x\":1},"
                + "\"generated_media\":[{\"url\":\"u\"}],\"k\":2}}");
        assertThat(StateDiff.between(before, after).changes())
                .containsExactly(
                        "Added 2 media files",
                        "Canvas 1920x1080 → 1080x1920",
                        "AI analysis updated",
                        "Added 1 generated media item",
                        "Other session data changed (k)",
                        "Project renamed \"a\" → \"b\"");
        assertThat(StateDiff.between(after, before).changes()).startsWith("Removed 2 media files");
    }

    @Test
    void metadataAndTimelineSettings() {
        Draft after = SEED.withMetadata("width", JsonValue.of(1080))
                .withoutMetadata("height")
                .withField("v", JsonValue.of(4))
                .withTitle("New");
        assertThat(StateDiff.between(SEED, after).changes())
                .containsExactly(
                        "Title \"Urban Dreams\" → \"New\"",
                        "Metadata width 1920 → 1080",
                        "Metadata height removed (was 1080)",
                        "Other timeline settings changed (v)");
    }

    @Test
    void reorderedTracks() {
        Draft after = SEED.withTracks(java.util.List.of(SEED.track(2), SEED.track(0), SEED.track(1)));
        assertThat(StateDiff.between(SEED, after).changes()).containsExactly("Tracks reordered");
    }

    @Test
    void replacedTrackOfAnotherTypeIsRemovedAndAdded() {
        Draft after = SEED.withTrack(1, Track.of(TrackType.of(4)));
        assertThat(StateDiff.between(SEED, after).changes())
                .containsExactly("Added track 2: Track (type 4): empty", "Removed track 2: BGM: Lo-fi (0-10s, 35%)");
    }
}
