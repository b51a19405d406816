package dev.nemo.sdk.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.json.JsonArray;
import dev.nemo.sdk.json.JsonBoolean;
import dev.nemo.sdk.json.JsonNull;
import dev.nemo.sdk.json.JsonNumber;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonString;
import dev.nemo.sdk.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Converts between the public {@link JsonValue} and the Jackson trees the SDK works with inside,
 * with numbers exactly as {@link Json} reads them: an integral number becomes an int, long or
 * big-integer node by size (as Jackson's parser chooses), a decimal a {@link DecimalNode} of the
 * same scale; back again, a decimal of scale 0 is written {@code 1E0} (see {@link Json.ExactNumbers}).
 * So {@code toJackson(fromJackson(n)).equals(n)} for every tree {@link Json} reads.
 */
public final class JsonValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int INT_BITS = 31;
    private static final int LONG_BITS = 63;

    private JsonValues() {}

    /**
     * {@return the equal JSON value; {@code null} and a missing node give JSON {@code null}}
     *
     * @param node a Jackson tree, or {@code null}
     */
    public static JsonValue fromJackson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JsonNull.INSTANCE;
        }
        if (node.isObject()) {
            return fromJackson((ObjectNode) node);
        }
        if (node.isArray()) {
            List<JsonValue> out = new ArrayList<>(node.size());
            node.forEach(e -> out.add(fromJackson(e)));
            return new JsonArray(out);
        }
        if (node.isTextual()) {
            return new JsonString(node.textValue());
        }
        if (node.isBoolean()) {
            return JsonBoolean.of(node.booleanValue());
        }
        if (node.isNumber()) {
            return number(node);
        }
        // binary or POJO nodes never come from parsed JSON: take what Jackson would write
        return JsonText.parse(Json.writeString(node));
    }

    /**
     * {@return the equal JSON object, keys in the same order}
     *
     * @param node a Jackson object
     */
    public static JsonObject fromJackson(ObjectNode node) {
        JsonObject.Builder o = JsonObject.builder();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            o.put(e.getKey(), fromJackson(e.getValue()));
        }
        return o.build();
    }

    /**
     * {@return the object when the tree is one; an empty object otherwise}
     *
     * @param node a Jackson tree, or {@code null}
     */
    public static JsonObject objectOrEmpty(JsonNode node) {
        return node != null && node.isObject() ? fromJackson((ObjectNode) node) : JsonObject.empty();
    }

    /**
     * {@return a new, mutable Jackson tree equal to it}
     *
     * @param value a JSON value
     */
    public static JsonNode toJackson(JsonValue value) {
        if (value instanceof JsonObject o) {
            return toJackson(o);
        }
        if (value instanceof JsonArray a) {
            ArrayNode out = NODES.arrayNode(a.size());
            a.elements().forEach(e -> out.add(toJackson(e)));
            return out;
        }
        if (value instanceof JsonString s) {
            return NODES.textNode(s.value());
        }
        if (value instanceof JsonNumber n) {
            return number(n);
        }
        if (value instanceof JsonBoolean b) {
            return NODES.booleanNode(b.value());
        }
        return NODES.nullNode();
    }

    /**
     * {@return a new, mutable Jackson object equal to it}
     *
     * @param value a JSON object
     */
    public static ObjectNode toJackson(JsonObject value) {
        ObjectNode out = NODES.objectNode();
        value.members().forEach((k, v) -> out.set(k, toJackson(v)));
        return out;
    }

    private static JsonValue number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return JsonNumber.of(node.bigIntegerValue());
        }
        if (node.isBigDecimal()) {
            BigDecimal d = node.decimalValue();
            return JsonNumber.of(d.scale() == 0 ? d.toPlainString() + "E0" : d.toString());
        }
        double d = node.doubleValue();
        // NaN and infinities only come from parsers told to allow them; JSON has no such number
        return Double.isFinite(d) ? JsonNumber.of(d) : new JsonString(Double.toString(d));
    }

    private static JsonNode number(JsonNumber n) {
        if (n.isIntegral()) {
            BigInteger i = new BigInteger(n.text());
            if (i.bitLength() <= INT_BITS) {
                return NODES.numberNode(i.intValue());
            }
            return i.bitLength() <= LONG_BITS ? NODES.numberNode(i.longValue()) : NODES.numberNode(i);
        }
        try {
            return DecimalNode.valueOf(new BigDecimal(n.text()));
        } catch (NumberFormatException e) {
            // an exponent beyond BigDecimal: what Jackson reads such a literal as
            return NODES.numberNode(Double.parseDouble(n.text()));
        }
    }
}
