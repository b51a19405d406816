package dev.nemo.sdk.draft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.draft.JsonModel.Arr;
import dev.nemo.sdk.draft.JsonModel.Num;
import dev.nemo.sdk.draft.JsonModel.Obj;
import dev.nemo.sdk.draft.JsonModel.Str;
import dev.nemo.sdk.internal.json.Json;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonValue;
import dev.nemo.sdk.state.SessionState;
import dev.nemo.sdk.state.StateDiff;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DraftPropertiesTest {

    @Provide
    Arbitrary<JsonModel> drafts() {
        return DraftGenerators.draft();
    }

    @Provide
    Arbitrary<JsonModel> wildDrafts() {
        return DraftGenerators.wildDraft();
    }

    @Property(tries = 300)
    void roundTripsExactly(@ForAll("drafts") JsonModel model, @ForAll boolean spaced) {
        Draft d = Draft.parse(JsonModel.render(model, spaced));

        JsonModel.check(model, d.toJson(), "$");
        JsonModel.check(model, Json.parse(d.toJsonString()), "$");
        assertThat(Draft.parse(d.toJsonString())).isEqualTo(d);
        assertThat(Draft.of(d.toJson()).toJsonString()).isEqualTo(d.toJsonString());
        assertThat(Draft.parse(d.toJson().toJson())).isEqualTo(d);
        assertThat(JsonValue.parse(d.toJsonString())).isEqualTo(d.toJson());
    }

    @Property(tries = 300)
    void wildShapesRoundTripAndNeverBreakTheReaders(@ForAll("wildDrafts") JsonModel model) {
        Draft d = Draft.parse(JsonModel.render(model, false));

        JsonModel.check(model, Json.parse(d.toJsonString()), "$");
        String summary = d.summary();
        assertThat(summary).startsWith("Timeline (").doesNotContain("\n", "\r");
        d.isExportable();
        d.duration();
        d.title();
        d.metadata();
        for (Track t : d.tracks()) {
            t.type();
            t.describe();
            for (Segment s : t.segments()) {
                s.start();
                s.end();
                s.label();
                s.text();
                s.volume();
            }
        }
        SessionState state =
                SessionState.of((JsonObject) JsonValue.parse("{\"state\":{\"draft\":" + d.toJsonString() + "}}"));
        assertThat(StateDiff.between(SessionState.empty(), state).isEmpty()).isEqualTo(d.isEmpty());
        assertThat(StateDiff.between(state, state).isEmpty()).isTrue();
    }

    /** One edit, applied both to the draft and to the model of what the JSON must become. */
    record Edit(String name, Function<Draft, Draft> onDraft, Function<Obj, Obj> onModel) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Provide
    Arbitrary<Edit> edits() {
        Arbitrary<Integer> seeds = Arbitraries.integers().between(0, 1000);
        Arbitrary<String> texts = Arbitraries.strings().alpha().ofMaxLength(8);
        return Arbitraries.oneOf(
                Combinators.combine(seeds, seeds, texts)
                        .as((i, j, text) -> segmentEdit("label", i, j, s -> s.withLabel(text), new Str(text))),
                Combinators.combine(seeds, seeds)
                        .as((i, j) -> segmentEdit("volume", i, j, s -> s.withVolume(0.25), new Num("0.25"))),
                Combinators.combine(seeds, seeds)
                        .as((i, j) ->
                                segmentEdit("start", i, j, s -> s.withStart(Duration.ofMillis(1500)), new Num("1500"))),
                seeds.map(i -> new Edit(
                        "withoutTrack " + i,
                        d -> d.trackCount() == 0 ? d : d.withoutTrack(i % d.trackCount()),
                        m -> tracks(m) == null || tracks(m).items().isEmpty()
                                ? m
                                : m.with(
                                        "t",
                                        tracks(m).remove(i % tracks(m).items().size())))),
                Arbitraries.just(new Edit(
                        "withTrack",
                        d -> d.withTrack(Track.of(TrackType.TEXT)),
                        m -> m.with(
                                "t",
                                (tracks(m) == null ? new Arr(List.of()) : tracks(m))
                                        .add(new Obj(List.of(
                                                Map.entry("tt", new Num("7")),
                                                Map.entry("sg", new Arr(List.of())))))))),
                Combinators.combine(seeds, texts)
                        .as((i, text) -> new Edit(
                                "append segment " + i,
                                d -> d.trackCount() == 0
                                        ? d
                                        : d.withSegment(
                                                i % d.trackCount(),
                                                Segment.builder().label(text).build()),
                                m -> {
                                    Arr t = tracks(m);
                                    if (t == null || t.items().isEmpty()) {
                                        return m;
                                    }
                                    int ti = i % t.items().size();
                                    Obj track = (Obj) t.items().get(ti);
                                    Arr sg = (Arr) track.get("sg");
                                    return m.with(
                                            "t",
                                            t.set(
                                                    ti,
                                                    track.with(
                                                            "sg",
                                                            sg.add(new Obj(
                                                                    List.of(Map.entry("label", new Str(text))))))));
                                })),
                texts.map(text -> new Edit(
                        "title " + text,
                        d -> d.withTitle(text),
                        m -> m.with(
                                "m",
                                (m.get("m") == null ? new Obj(List.of()) : (Obj) m.get("m"))
                                        .with("title", new Str(text))))),
                Arbitraries.just(new Edit(
                        "duration",
                        d -> d.withDuration(Duration.ofMillis(12_345)),
                        m -> m.with("d", new Num("12345")))));
    }

    private static Arr tracks(Obj m) {
        return (Arr) m.get("t");
    }

    private static Edit segmentEdit(String name, int i, int j, Function<Segment, Segment> edit, JsonModel value) {
        return new Edit(
                name + " " + i + "/" + j,
                d -> {
                    if (d.trackCount() == 0) {
                        return d;
                    }
                    int ti = i % d.trackCount();
                    int n = d.track(ti).segments().size();
                    return n == 0 ? d : d.editSegment(ti, j % n, edit::apply);
                },
                m -> {
                    Arr t = tracks(m);
                    if (t == null || t.items().isEmpty()) {
                        return m;
                    }
                    int ti = i % t.items().size();
                    Obj track = (Obj) t.items().get(ti);
                    Arr sg = (Arr) track.get("sg");
                    if (sg.items().isEmpty()) {
                        return m;
                    }
                    int si = j % sg.items().size();
                    Obj seg = ((Obj) sg.items().get(si)).with(name, value);
                    return m.with("t", t.set(ti, track.with("sg", sg.set(si, seg))));
                });
    }

    @Property(tries = 300)
    void editsChangeOnlyWhatTheyTouch(@ForAll("drafts") JsonModel model, @ForAll("edits") Edit edit) {
        Draft d = Draft.parse(JsonModel.render(model, false));

        Draft edited = edit.onDraft().apply(d);

        JsonModel.check(edit.onModel().apply((Obj) model), edited.toJson(), "$");
        JsonModel.check(model, d.toJson(), "$");
        assertThat(Draft.parse(edited.toJsonString())).isEqualTo(edited);
    }
}
