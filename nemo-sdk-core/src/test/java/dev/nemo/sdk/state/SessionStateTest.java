package dev.nemo.sdk.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.draft.DraftFixtures;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonValue;
import org.junit.jupiter.api.Test;

class SessionStateTest {

    private static SessionState state(String dataJson) {
        return SessionState.of((JsonObject) JsonValue.parse(dataJson));
    }

    @Test
    void readsTheDocumentedResponse() {
        SessionState s =
                SessionState.of((JsonObject) JsonValue.parse(DraftFixtures.resource("/drafts/state-latest.json"))
                        .get("data")
                        .orElseThrow());

        assertThat(s.sessionId()).contains("5529798706024415232");
        assertThat(s.taskId()).contains("task_xxx");
        assertThat(s.taskName()).contains("My Video Project");
        assertThat(s.videoInfos()).hasSize(1);
        assertThat(s.videoInfos().get(0).get("cdn_url").flatMap(JsonValue::asString))
                .contains("https://cdn.example.com/videos/xxx/city.gif");
        assertThat(s.draft().orElseThrow().toJsonString()).isEqualTo(DraftFixtures.seedDraftJson());
        assertThat(s.canvasConfig().orElseThrow().get("aspect_ratio").flatMap(JsonValue::asString))
                .contains("16:9");
        assertThat(s.videoAnalyses()).isPresent();
        assertThat(s.generatedMedia().orElseThrow().asArray()).isPresent();
        assertThat(s.hasAssets()).isTrue();
        assertThat(s.hasDraft()).isTrue();
        assertThat(s.isExportable()).isTrue();
    }

    @Test
    void progressRules() {
        assertThat(SessionState.empty().hasAssets()).isFalse();
        assertThat(SessionState.empty().hasDraft()).isFalse();
        assertThat(SessionState.empty().isExportable()).isFalse();

        SessionState assetsOnly = state("{\"state\":{\"video_infos\":[{}],\"draft\":{}}}");
        assertThat(assetsOnly.hasAssets()).isTrue();
        assertThat(assetsOnly.hasDraft()).isFalse();
        assertThat(assetsOnly.draft()).isEmpty();

        SessionState draftNoSegments =
                state("{\"state\":{\"video_infos\":[],\"draft\":{\"t\":[{\"tt\":0,\"sg\":[]}]}}}");
        assertThat(draftNoSegments.hasAssets()).isFalse();
        assertThat(draftNoSegments.hasDraft()).isTrue();
        assertThat(draftNoSegments.isExportable()).isFalse();

        SessionState exportable = state("{\"state\":{\"draft\":{\"t\":[{\"sg\":[{\"start\":0}]}]}}}");
        assertThat(exportable.isExportable()).isTrue();

        SessionState oddShapes = state("{\"state\":{\"video_infos\":{\"a\":1},\"draft\":\"{}\"}}");
        assertThat(oddShapes.hasAssets()).isFalse();
        assertThat(oddShapes.hasDraft()).isFalse();
        assertThat(oddShapes.videoInfos()).isEmpty();
    }

    @Test
    void idsStayStringsDigitForDigit() {
        SessionState s = state("{\"session_id\":98765432109876543210987,\"task_id\":1.50,\"state\":{}}");
        assertThat(s.sessionId()).contains("98765432109876543210987");
        assertThat(s.taskId()).contains("1.50");
    }

    @Test
    void acceptsABareStateObject() {
        SessionState s = state("{\"draft\":{\"t\":[]},\"video_infos\":[1]}");
        assertThat(s.hasDraft()).isTrue();
        assertThat(s.hasAssets()).isTrue();
    }

    @Test
    void withDraftReplacesOnlyTheDraft() {
        SessionState s =
                SessionState.of((JsonObject) JsonValue.parse(DraftFixtures.resource("/drafts/state-latest.json"))
                        .get("data")
                        .orElseThrow());
        SessionState edited = s.withDraft(s.draft().orElseThrow().withoutTrack(2));

        assertThat(edited.draft().orElseThrow().trackCount()).isEqualTo(2);
        assertThat(edited.videoInfos()).isEqualTo(s.videoInfos());
        assertThat(edited.canvasConfig()).isEqualTo(s.canvasConfig());
        assertThat(edited.sessionId()).isEqualTo(s.sessionId());
        assertThat(s.draft().orElseThrow().trackCount()).isEqualTo(3);
        assertThat(SessionState.empty()
                        .withDraft(Draft.parse("{\"t\":[]}"))
                        .toJson()
                        .toString())
                .isEqualTo("{\"state\":{\"draft\":{\"t\":[]}}}");
    }

    @Test
    void returnedJsonIsEqualToWhatWasRead() {
        String data = DraftFixtures.resource("/drafts/state-latest.json");
        JsonObject raw = (JsonObject) JsonValue.parse(data).get("data").orElseThrow();

        SessionState s = SessionState.of(raw);

        assertThat(s.toJson()).isEqualTo(raw);
        assertThat(s.stateJson()).isEqualTo(raw.get("state").orElseThrow());
        assertThat(s.stateField("canvas_config")).isEqualTo(s.canvasConfig());
    }
}
