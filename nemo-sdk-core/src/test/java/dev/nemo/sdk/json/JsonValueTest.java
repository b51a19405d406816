package dev.nemo.sdk.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValueTest {

    @Test
    void keepsKeyOrderAndNumberTextAsWritten() {
        String text = "{\"z\":1.0,\"a\":[1E+2,-0,12345678901234567890123,0.10000000000000000000001],\"m\":{}}";

        JsonValue v = JsonValue.parse(text);

        assertThat(v.toJson()).isEqualTo(text);
        assertThat(((JsonObject) v).keys()).containsExactly("z", "a", "m");
        assertThat(v.get("a").flatMap(a -> a.at(2)).flatMap(JsonValue::asNumber).map(JsonNumber::asBigInteger))
                .contains(new BigInteger("12345678901234567890123"));
    }

    @Test
    void aRepeatedKeyTakesTheLastValueAtTheFirstPosition() {
        JsonValue v = JsonValue.parse("{\"a\":1,\"b\":2,\"a\":3}");

        assertThat(v.toJson()).isEqualTo("{\"a\":3,\"b\":2}");
    }

    @Test
    void numbersCompareByKindValueAndScale() {
        assertThat(JsonNumber.of("1.0"))
                .isEqualTo(JsonNumber.of("1.0e0"))
                .isNotEqualTo(JsonNumber.of("1.00"))
                .isNotEqualTo(JsonNumber.of("1"));
        assertThat(JsonNumber.of("1e2")).isEqualTo(JsonNumber.of("1E+2")).hasSameHashCodeAs(JsonNumber.of("1E+2"));
        assertThat(JsonNumber.of("1e0")).isNotEqualTo(JsonNumber.of("1"));
        assertThat(JsonNumber.of("-0")).isEqualTo(JsonNumber.of("0"));
        assertThat(JsonNumber.of("1e99999999999").text()).isEqualTo("1e99999999999");
        assertThat(JsonNumber.of("1e99999999999")).isEqualTo(JsonNumber.of("1E99999999999"));
    }

    @Test
    void numberAccessorsAreExactOrSayWhyNot() {
        JsonNumber n = JsonNumber.of("3.0");

        assertThat(n.asInt()).isEqualTo(3);
        assertThat(n.asLong()).isEqualTo(3L);
        assertThat(n.asDouble()).isEqualTo(3.0);
        assertThat(n.asBigDecimal()).isEqualTo(new BigDecimal("3.0"));
        assertThat(n.isIntegral()).isFalse();
        assertThatThrownBy(() -> JsonNumber.of("3.5").asInt()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> JsonNumber.of("2147483648").asInt()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> JsonNumber.of("1e99999999999").asBigDecimal()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void factoriesWriteValidJson() {
        assertThat(JsonValue.of(0.5).toJson()).isEqualTo("0.5");
        assertThat(JsonValue.of(1e10).toJson()).isEqualTo("1.0E10");
        assertThat(JsonValue.of(new BigDecimal("1.50")).toJson()).isEqualTo("1.50");
        assertThat(JsonValue.of(Long.MIN_VALUE).isIntegral()).isTrue();
        assertThat(JsonValue.of(true)).isSameAs(JsonBoolean.TRUE);
        assertThat(JsonValue.ofNull().isNull()).isTrue();
        assertThat(JsonValue.of(JsonValue.of("a"), JsonValue.ofNull()).toJson()).isEqualTo("[\"a\",null]");
        assertThatThrownBy(() -> JsonValue.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonNumber.of("+1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonNumber.of("01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonNumber.of("1.")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stringsAreEscapedAsRfc8259Requires() {
        JsonString s = JsonValue.of("a\"b\\c\n\u0001/é🎬");

        assertThat(s.toJson()).isEqualTo("\"a\\\"b\\\\c\\n\\u0001/é🎬\"");
        assertThat(JsonValue.parse(s.toJson())).isEqualTo(s);
    }

    @Test
    void builderAndCopiesKeepPositions() {
        JsonObject o = JsonObject.builder()
                .put("title", "Urban")
                .put("fps", 30)
                .put("hd", true)
                .build();

        JsonObject changed = o.with("title", JsonValue.of("City"))
                .with("new", JsonValue.ofNull())
                .without("fps");

        assertThat(changed.toJson()).isEqualTo("{\"title\":\"City\",\"hd\":true,\"new\":null}");
        assertThat(o.toJson()).isEqualTo("{\"title\":\"Urban\",\"fps\":30,\"hd\":true}");
        assertThat(o.without("absent")).isSameAs(o);
        assertThat(o).isEqualTo(JsonValue.parse("{\"hd\":true,\"fps\":30,\"title\":\"Urban\"}"));
    }

    @Test
    void copiesAreIsolatedFromTheCallersCollections() {
        Map<String, JsonValue> map = new LinkedHashMap<>(Map.of("a", JsonValue.of(1)));
        JsonObject o = JsonObject.of(map);
        map.put("b", JsonValue.of(2));

        assertThat(o.size()).isEqualTo(1);
        assertThatThrownBy(() -> o.members().put("c", JsonValue.of(3)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> JsonArray.of(java.util.Arrays.asList(JsonValue.of(1), null)))
                .isInstanceOf(NullPointerException.class);
        assertThat(JsonArray.empty().with(JsonValue.of(1)).elements()).containsExactly(JsonValue.of(1));
    }

    @Test
    void navigationIsEmptyForMissingMembersAndOtherKinds() {
        JsonValue v = JsonValue.parse("{\"a\":[true,\"x\"],\"n\":null}");

        assertThat(v.get("a").flatMap(a -> a.at(0)).flatMap(JsonValue::asBoolean))
                .contains(true);
        assertThat(v.get("a").flatMap(a -> a.at(1)).flatMap(JsonValue::asString))
                .contains("x");
        assertThat(v.get("a").flatMap(a -> a.at(2))).isEmpty();
        assertThat(v.get("a").flatMap(a -> a.at(-1))).isEmpty();
        assertThat(v.get("n")).contains(JsonNull.INSTANCE);
        assertThat(v.get("missing")).isEmpty();
        assertThat(v.at(0)).isEmpty();
        assertThat(JsonValue.of("s").get("a")).isEmpty();
        assertThat(v.asObject()).containsSame((JsonObject) v);
        assertThat(v.asArray()).isEmpty();
        assertThat(JsonValue.of(1).asString()).isEmpty();
    }

    @Test
    void badTextIsAnIllegalArgumentExceptionThatSaysWhere() {
        for (String bad :
                List.of("", "   ", "{", "[1,]", "{\"a\" 1}", "01", "1 2", "NaN", "'x'", "{\"a\":1}}", "tru")) {
            assertThatThrownBy(() -> JsonValue.parse(bad))
                    .as(bad)
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Not JSON");
        }
        assertThatThrownBy(() -> JsonValue.parse("{\n\"a\":x}")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> JsonValue.parse("[".repeat(5000))).isExactlyInstanceOf(IllegalArgumentException.class);
    }
}
