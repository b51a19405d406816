package dev.nemo.sdk.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.json.JsonNumber;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonValue;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DraftTest {
    private static final String SEED_SUMMARY = "Timeline (3 tracks): 1. Video: city timelapse (0-10s) "
            + "2. BGM: Lo-fi (0-10s, 35%) 3. Title: \"Urban Dreams\" (0-3s)";

    @Test
    void summaryMatchesTheSeedFormatExactly() {
        assertThat(Draft.parse(DraftFixtures.seedDraftJson()).summary()).isEqualTo(SEED_SUMMARY);
    }

    @Test
    void aDraftBuiltWithTheEditApiSummarisesLikeTheSeed() {
        Draft d = Draft.empty()
                .withTrack(Track.of(TrackType.VIDEO)
                        .withSegment(Segment.builder()
                                .start(Duration.ZERO)
                                .duration(Duration.ofSeconds(10))
                                .label("city timelapse")
                                .build()))
                .withTrack(Track.of(TrackType.AUDIO)
                        .withSegment(Segment.builder()
                                .start(Duration.ZERO)
                                .duration(Duration.ofSeconds(10))
                                .label("Lo-fi")
                                .volume(0.35)
                                .build()))
                .withTrack(Track.of(TrackType.TEXT)
                        .withSegment(Segment.builder()
                                .start(Duration.ZERO)
                                .duration(Duration.ofSeconds(3))
                                .text("Urban Dreams")
                                .build()))
                .withDuration(Duration.ofSeconds(10))
                .withTitle("Urban Dreams");

        assertThat(d.summary()).isEqualTo(SEED_SUMMARY);
        assertThat(d.toJsonString())
                .isEqualTo("{\"t\":[{\"tt\":0,\"sg\":[{\"start\":0,\"duration\":10000,"
                        + "\"label\":\"city timelapse\"}]},{\"tt\":1,\"sg\":[{\"start\":0,\"duration\":10000,\"label\":\"Lo-fi\","
                        + "\"volume\":0.35}]},{\"tt\":7,\"sg\":[{\"start\":0,\"duration\":3000,\"text\":\"Urban Dreams\"}]}],"
                        + "\"d\":10000,\"m\":{\"title\":\"Urban Dreams\"}}");
        // what the SDK writes reads back as an equal draft (same number node types)
        assertThat(Draft.parse(d.toJsonString())).isEqualTo(d);
    }

    @Test
    void writesBackExactlyWhatItRead() {
        String json = "{\"zz\":1,\"t\":[{\"sg\":[{\"volume\":0.350,\"x\":{\"deep\":[1,2.50,\"3\"]},\"start\":0}],"
                + "\"tt\":1,\"?\":null}],\"big\":123456789012345678901234567890,\"dec\":1.10,\"exp\":1E+400,\"one\":1E0,"
                + "\"neg\":-1.000,\"d\":10000.0,\"a\":true}";
        Draft d = Draft.parse(json);

        assertThat(d.toJsonString()).isEqualTo(json);
        assertThat(d.toJson()).isEqualTo(JsonValue.parse(json));
        assertThat(d.toJson().toJson()).isEqualTo(json);
        assertThat(Draft.of((JsonObject) JsonValue.parse(json)).toJsonString()).isEqualTo(json);
    }

    @Test
    void readsTheDocumentedFields() {
        Draft d = Draft.parse(DraftFixtures.seedDraftJson());

        assertThat(d.trackCount()).isEqualTo(3);
        assertThat(d.duration()).contains(Duration.ofSeconds(10));
        assertThat(d.title()).contains("Urban Dreams");
        assertThat(d.metadata().get("width").flatMap(JsonValue::asNumber).map(JsonNumber::asInt))
                .contains(1920);
        assertThat(d.track(1).type()).contains(TrackType.AUDIO);
        assertThat(d.track(1).segment(0).volume()).hasValue(0.35);
        assertThat(d.track(2).segment(0).text()).contains("Urban Dreams");
        assertThat(d.track(2).segment(0).end()).contains(Duration.ofSeconds(3));
        assertThat(d.track(0).segment(0).field("src").flatMap(JsonValue::asString))
                .contains("/mnt/userdata/abc.mp4");
        assertThat(d.field("v")).contains(JsonValue.of(3));
        assertThat(d.indexOf(TrackType.TEXT)).isEqualTo(OptionalInt.of(2));
        assertThat(d.indexOf(TrackType.of(4))).isEmpty();
        assertThat(d.isExportable()).isTrue();
    }

    @Test
    void accessorsAreTolerantOfOddShapes() {
        Draft d = Draft.parse("{\"t\":[{\"tt\":\"7\",\"sg\":[{\"start\":\"abc\",\"duration\":-5,\"label\":42,"
                + "\"text\":{\"x\":1},\"volume\":\"0.5\"}]},{\"tt\":4,\"sg\":{}},\"junk\",{\"tt\":1.5}],"
                + "\"d\":\"n/a\",\"m\":[1]}");

        Segment s = d.track(0).segment(0);
        assertThat(d.track(0).type()).contains(TrackType.TEXT);
        assertThat(s.start()).isEmpty();
        assertThat(s.duration()).isEmpty();
        assertThat(s.end()).isEmpty();
        assertThat(s.label()).isEmpty();
        assertThat(s.text()).isEmpty();
        assertThat(s.volume()).hasValue(0.5);
        assertThat(d.track(1).type()).contains(TrackType.of(4));
        assertThat(d.track(1).type().orElseThrow().toString()).isEqualTo("unknown(4)");
        assertThat(d.track(1).segments()).isEmpty();
        assertThat(d.track(2).type()).isEmpty();
        assertThat(d.track(3).type()).isEmpty();
        assertThat(d.duration()).isEmpty();
        assertThat(d.metadata().isEmpty()).isTrue();
        assertThat(d.title()).isEmpty();
        assertThat(d.isExportable()).isTrue();
        assertThat(d.summary())
                .isEqualTo("Timeline (4 tracks): 1. Title: untitled (50%) 2. Track (type 4): empty "
                        + "3. Track: empty 4. Track: empty");
    }

    @Test
    void exportableNeedsATrackWithSegments() {
        assertThat(Draft.empty().isExportable()).isFalse();
        assertThat(Draft.parse("{\"t\":[]}").isExportable()).isFalse();
        assertThat(Draft.parse("{\"t\":[{\"tt\":0,\"sg\":[]},{\"tt\":1}]}").isExportable())
                .isFalse();
        assertThat(Draft.parse("{\"t\":{\"0\":{\"sg\":[{}]}}}").isExportable()).isFalse();
        assertThat(Draft.parse("{\"t\":[{\"tt\":0,\"sg\":[]},{\"tt\":1,\"sg\":[{}]}]}")
                        .isExportable())
                .isTrue();
    }

    @Test
    void editsKeepEverythingElse() {
        Draft d = Draft.parse(DraftFixtures.seedDraftJson());

        Draft louder = d.editSegment(1, 0, s -> s.withVolume(0.5));
        assertThat(louder.toJsonString())
                .isEqualTo(DraftFixtures.seedDraftJson().replace("\"volume\":0.35", "\"volume\":0.5"));

        Draft noTitle = d.withoutTrack(2);
        assertThat(noTitle.trackCount()).isEqualTo(2);
        assertThat(noTitle.track(0)).isEqualTo(d.track(0));
        assertThat(noTitle.track(1).field("fx")).isEqualTo(d.track(1).field("fx"));
        assertThat(noTitle.field("v")).isEqualTo(d.field("v"));

        Draft renamed = d.withTitle("City Dreams").withMetadata("fps", JsonValue.of(30));
        assertThat(renamed.toJsonString())
                .contains("\"m\":{\"title\":\"City Dreams\",\"width\":1920,\"height\":1080,\"fps\":30},\"v\":3}");

        Draft inserted = d.withTrackInserted(0, Track.of(TrackType.of(4)));
        assertThat(inserted.track(0).type()).contains(TrackType.of(4));
        assertThat(inserted.track(1)).isEqualTo(d.track(0));

        Draft moreSegments = d.withSegment(
                0,
                Segment.builder()
                        .start(Duration.ofSeconds(10))
                        .duration(Duration.ofMillis(2500))
                        .label("outro")
                        .build());
        assertThat(moreSegments.track(0).describe()).isEqualTo("Video: city timelapse (0-10s), outro (10-12.5s)");
        assertThat(moreSegments.withoutSegment(0, 1)).isEqualTo(d);

        assertThat(d.withoutMetadata("width").metadata().has("width")).isFalse();
        assertThat(d.withoutField("v").field("v")).isEmpty();
        assertThat(d.withField("v", JsonValue.of(4)).toJsonString()).endsWith("\"v\":4}");
        // the original is untouched by all of the above
        assertThat(d.toJsonString()).isEqualTo(DraftFixtures.seedDraftJson());
    }

    @Test
    void returnedJsonIsImmutableAndDetached() {
        Draft d = Draft.parse(DraftFixtures.seedDraftJson());
        assertThatThrownBy(() -> d.toJson().members().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> d.metadata().members().clear()).isInstanceOf(UnsupportedOperationException.class);
        JsonObject edited = ((JsonObject) d.track(1).toJson()).without("sg");
        assertThat(edited.has("sg")).isFalse();
        assertThat(d.track(1).hasSegments()).isTrue();
        assertThat(d.toJsonString()).isEqualTo(DraftFixtures.seedDraftJson());
    }

    @Test
    void editsOnAMalformedShapeFailClearlyInsteadOfDroppingData() {
        Draft d = Draft.parse("{\"t\":\"not tracks\",\"m\":7}");
        assertThatThrownBy(() -> d.withTrack(Track.of(TrackType.VIDEO)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"t\" is a string");
        assertThatThrownBy(() -> d.withTitle("x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"m\" is a number");
        assertThatThrownBy(() -> Draft.parse("{}").withoutTrack(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void refusesTextThatIsNotAJsonObject() {
        assertThatThrownBy(() -> Draft.parse("[1]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("array");
        assertThatThrownBy(() -> Draft.parse("{\"t\":"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Draft.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Draft.parse("{} {\"t\":[]}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void summaryHandlesPartialTimesSingularAndLongNames() {
        assertThat(Draft.empty().summary()).isEqualTo("Timeline (0 tracks)");
        Draft d = Draft.empty()
                .withTrack(Track.of(TrackType.VIDEO)
                        .withSegment(Segment.builder()
                                .start(Duration.ofMillis(2040))
                                .label("a\nb")
                                .build())
                        .withSegment(Segment.builder()
                                .duration(Duration.ofMillis(1500))
                                .build())
                        .withSegment(Segment.builder().label("x".repeat(200)).build()));
        assertThat(d.summary())
                .isEqualTo("Timeline (1 track): 1. Video: a b (from 2s), untitled (0-1.5s), " + "x".repeat(80) + "…");
    }

    @Test
    void summaryCopesWithHugeTimes() {
        Draft d = Draft.parse("{\"t\":[{\"tt\":0,\"sg\":[{\"start\":9223372036854775807,"
                + "\"duration\":9223372036854775807,\"volume\":1e308}]}]}");
        assertThat(d.summary())
                .isEqualTo("Timeline (1 track): 1. Video: untitled (9223372036854775.8-18446744073709551.6s, "
                        + Long.MAX_VALUE + "%)");
    }

    @Test
    void trackTypesKeepUnknownCodes() {
        assertThat(TrackType.of(0)).isSameAs(TrackType.VIDEO);
        assertThat(TrackType.of(7)).isEqualTo(TrackType.TEXT);
        assertThat(TrackType.of(3).isKnown()).isFalse();
        assertThat(TrackType.of(3)).hasToString("unknown(3)");
        assertThat(TrackType.AUDIO.displayName()).isEqualTo("BGM");
        assertThat(Track.of(TrackType.of(9)).toJson().get("tt")).contains(JsonValue.of(9));
    }

    @Test
    void segmentValidatesItsInputs() {
        assertThatThrownBy(() -> Segment.builder().volume(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Segment.builder().volume(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Segment.builder().start(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        Segment s = Segment.of(JsonValue.of(5)).withLabel("fixed");
        assertThat(s.toJson().toString()).isEqualTo("{\"label\":\"fixed\"}");
    }
}
