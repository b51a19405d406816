package dev.nemo.sdk.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.internal.json.Json;
import dev.nemo.sdk.internal.json.JsonValues;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class JsonValuePropertiesTest {

    @Provide
    Arbitrary<JsonValue> values() {
        return JsonValueGenerators.values(4);
    }

    @Property(tries = 500)
    void parsingTheSerialisedFormGivesAnEqualValue(@ForAll("values") JsonValue v) {
        JsonValue back = JsonValue.parse(v.toJson());

        assertThat(back).isEqualTo(v);
        assertThat(back.hashCode()).isEqualTo(v.hashCode());
        assertThat(v.toString()).isEqualTo(v.toJson());
    }

    @Property(tries = 500)
    void textRoundTripKeepsKeyOrderAndNumberTextExactly(@ForAll("values") JsonValue v, @ForAll boolean spaced) {
        String written = JsonValueGenerators.render(v, spaced);

        JsonValue read = JsonValue.parse(written);

        assertThat(read.toJson()).isEqualTo(v.toJson());
        assertThat(numberTexts(read)).isEqualTo(numberTexts(v));
        assertThat(keyOrder(read)).isEqualTo(keyOrder(v));
    }

    @Property(tries = 300)
    void jacksonTreesAndJsonValuesAgreeExactly(@ForAll("values") JsonValue v) {
        JsonNode tree = Json.parse(v.toJson());

        assertThat(JsonValues.toJackson(v)).isEqualTo(tree);
        assertThat(JsonValues.fromJackson(tree)).isEqualTo(v);
        assertThat(JsonValue.parse(Json.writeString(tree))).isEqualTo(v);
        assertThat(Json.writeString(JsonValues.toJackson(JsonValues.fromJackson(tree))))
                .isEqualTo(Json.writeString(tree));
    }

    @Property(tries = 500)
    void truncatedJsonGivesOnlyIllegalArgumentException(
            @ForAll("values") JsonValue v, @ForAll @IntRange(max = 1000) int cut) {
        String text = v.toJson();
        String prefix = text.substring(0, Math.min(cut, text.length()));

        Throwable t = catchThrowable(() -> JsonValue.parse(prefix));

        if (t != null) {
            assertThat(t).isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Not JSON");
        } else {
            assertThat(JsonValue.parse(prefix).toJson()).isEqualTo(prefix.strip());
        }
    }

    @Provide
    Arbitrary<String> junk() {
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> jsonish = Arbitraries.strings()
                .withChars("{}[]:,\"\\0123456789.eE+-tfnrul \n")
                .ofMaxLength(40);
        Arbitrary<String> mutated = Arbitraries.lazy(() -> JsonValueGenerators.values(3))
                .map(JsonValue::toJson)
                .flatMap(s -> s.isEmpty()
                        ? Arbitraries.just(s)
                        : Arbitraries.integers()
                                .between(0, s.length() - 1)
                                .flatMap(i -> Arbitraries.chars()
                                        .with("{}[]:,\"\\x0.e- ".toCharArray())
                                        .map(c -> s.substring(0, i) + c + s.substring(i + 1))));
        return Arbitraries.oneOf(anyChars, jsonish, mutated);
    }

    @Property(tries = 1000)
    void randomTextGivesAValueOrIllegalArgumentException(@ForAll("junk") String text) {
        Throwable t = catchThrowable(() -> JsonValue.parse(text));

        if (t != null) {
            assertThat(t).isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Not JSON");
        } else {
            JsonValue v = JsonValue.parse(text);
            assertThat(JsonValue.parse(v.toJson())).isEqualTo(v);
        }
    }

    private static List<String> numberTexts(JsonValue v) {
        List<String> out = new ArrayList<>();
        walk(v, out, false);
        return out;
    }

    private static List<String> keyOrder(JsonValue v) {
        List<String> out = new ArrayList<>();
        walk(v, out, true);
        return out;
    }

    private static void walk(JsonValue v, List<String> out, boolean keys) {
        if (v instanceof JsonObject o) {
            o.members().forEach((k, x) -> {
                if (keys) {
                    out.add(k);
                }
                walk(x, out, keys);
            });
        } else if (v instanceof JsonArray a) {
            a.elements().forEach(x -> walk(x, out, keys));
        } else if (v instanceof JsonNumber n && !keys) {
            out.add(n.text());
        }
    }
}
