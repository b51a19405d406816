package dev.nemo.sdk.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.internal.json.Json;
import dev.nemo.sdk.internal.json.JsonValueReader;
import dev.nemo.sdk.internal.sse.SseEvent;
import dev.nemo.sdk.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fields read from a {@link JsonValue} as they were read from the Jackson tree of the same JSON. */
class AdkFieldsTest {

    @Test
    void textOfScalarsIsJacksonsText() throws IOException {
        for (String json : new String[] {
            "\"a\"", "42", "-0", "9223372036854775808", "1.50", "1e0", "10E0", "1e3", "7E+2", "1E-400", "true", "false"
        }) {
            JsonNode node = Json.mapper().readTree(json);
            assertThat(AdkFields.text(JsonValueReader.read(json))).as(json).isEqualTo(node.asText());
        }
        assertThat(AdkFields.text(JsonValueReader.read("null"))).isNull();
        assertThat(AdkFields.text(JsonValueReader.read("[1]"))).isNull();
        assertThat(AdkFields.text(JsonValueReader.read("{}"))).isNull();
    }

    @Test
    void jacksonTextIsTheTreesText() throws IOException {
        for (String json : new String[] {
            "{\"code\":1e0,\"s\":\"\\u0001é\\n\",\"a\":[1.50,null,true]}", "[1e400]", "{\"x\":1e99999999999}", "12"
        }) {
            if (json.contains("99999999999") && jacksonRejectsOverflow()) {
                assertThatThrownBy(() -> JsonValueReader.read(json)).isInstanceOf(JsonParseException.class);
                continue;
            }
            assertThat(AdkFields.jacksonText(JsonValueReader.read(json)))
                    .as(json)
                    .isEqualTo(Json.mapper().readTree(json).toString());
        }
    }

    @Test
    void membersAndTruthAreReadAsFromTheTree() throws IOException {
        JsonValue v = JsonValueReader.read("{\"a\":null,\"b\":\"TRUE\",\"c\":true,\"d\":1}");
        assertThat(AdkFields.get(v, "a")).isEqualTo(JsonValue.ofNull());
        assertThat(AdkFields.get(v, "z")).isNull();
        assertThat(AdkFields.get(JsonValue.of(1), "a")).isNull();
        assertThat(AdkFields.first(v, "a", "d")).isEqualTo(JsonValue.of(1));
        assertThat(AdkFields.isTrue(AdkFields.get(v, "b"))).isTrue();
        assertThat(AdkFields.isTrue(AdkFields.get(v, "c"))).isTrue();
        assertThat(AdkFields.isTrue(AdkFields.get(v, "d"))).isFalse();
    }

    @Test
    void timestampsOfNumbersStringsAndOverflow() throws IOException {
        assertThat(AdkEventDecoder.timestamp(JsonValueReader.read("1764000000.5")))
                .hasToString("2025-11-24T16:00:00.500Z");
        assertThat(AdkEventDecoder.timestamp(JsonValueReader.read("1764000000500")))
                .hasToString("2025-11-24T16:00:00.500Z");
        assertThat(AdkEventDecoder.timestamp(JsonValueReader.read("\"Infinity\"")))
                .isNull();
        // as the infinite double Jackson read such a number as: the stream fails to decode
        // (Jackson before 2.16 rejects the number itself as malformed: the stream fails all the same)
        assertThatThrownBy(() -> AdkEventDecoder.timestamp(JsonValueReader.read("1e99999999999")))
                .isInstanceOf(jacksonRejectsOverflow() ? JsonParseException.class : NumberFormatException.class);
    }

    @Test
    void anErrorWithoutAMessageShowsItsJson() {
        List<ChatEvent> out = new ArrayList<>();
        new AdkEventDecoder(true, out::add).onEvent(SseEvent.of("message", "{\"error\":{\"code\":1e0}}", ""));
        assertThat(out)
                .singleElement()
                .isInstanceOfSatisfying(
                        ChatEvent.StreamError.class,
                        e -> assertThat(e.message()).isEqualTo("{\"code\":1}"));
    }

    /** Whether this Jackson rejects a number beyond BigDecimal as malformed (before 2.16 it does). */
    private static boolean jacksonRejectsOverflow() {
        try {
            Json.mapper().readTree("1e99999999999");
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
