package dev.nemo.sdk.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonExactnessTest {

    @Test
    void numbersKeepTheirFormAndValueOnEveryJacksonVersion() {
        JsonNode n = Json.parse("{\"a\":1E+400,\"b\":-2.50e-400,\"c\":1.10,\"d\":7,\"e\":9223372036854775807,"
                + "\"f\":92233720368547758070,\"g\":1e0}");

        assertThat(n.get("a")).isInstanceOf(DecimalNode.class);
        assertThat(n.get("a").decimalValue()).isEqualTo(new BigDecimal("1E+400"));
        assertThat(n.get("b").decimalValue()).isEqualTo(new BigDecimal("-2.50e-400"));
        assertThat(n.get("c").decimalValue()).isEqualTo(new BigDecimal("1.10"));
        assertThat(n.get("d")).isInstanceOf(IntNode.class);
        assertThat(n.get("e")).isInstanceOf(LongNode.class);
        assertThat(n.get("f")).isInstanceOf(BigIntegerNode.class);
        assertThat(Json.writeString(n))
                .isEqualTo("{\"a\":1E+400,\"b\":-2.50E-400,\"c\":1.10,\"d\":7,"
                        + "\"e\":9223372036854775807,\"f\":92233720368547758070,\"g\":1E0}");
        assertThat(Json.parse(Json.writeString(n))).isEqualTo(n);
        assertThat(Json.parse(new String(Json.write(n), java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(n);
    }

    /** A tree nested in a decoded value goes through the same reader. */
    record Holder(JsonNode raw, JsonNode missing, String name) {}

    @Test
    void treesInsideValuesAreExactToo() throws Exception {
        Holder h = Json.mapper()
                .readValue(
                        "{\"name\":\"x\",\"raw\":{\"v\":1E+400,\"k\":[1,{\"z\":null}]},\"missing\":null}",
                        Holder.class);
        assertThat(h.raw().get("v").decimalValue()).isEqualTo(new BigDecimal("1E+400"));
        assertThat(h.raw().get("k").get(1).get("z").isNull()).isTrue();
        assertThat(h.missing().isNull()).isTrue();
        assertThat(h.raw().fieldNames()).toIterable().containsExactly("v", "k");
    }
}
