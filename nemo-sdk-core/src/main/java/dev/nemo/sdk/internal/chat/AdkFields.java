package dev.nemo.sdk.internal.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.internal.json.JsonValueReader;
import dev.nemo.sdk.internal.json.JsonValues;
import dev.nemo.sdk.json.JsonArray;
import dev.nemo.sdk.json.JsonBoolean;
import dev.nemo.sdk.json.JsonNull;
import dev.nemo.sdk.json.JsonNumber;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonString;
import dev.nemo.sdk.json.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of an event payload as {@link AdkEventDecoder} always read them from Jackson
 * trees: a number or a boolean where text is expected gives Jackson's text of it, a member of
 * anything but an object is absent.
 */
final class AdkFields {
    private AdkFields() {}

    /** {@return the member, or {@code null} when {@code v} is not an object or has no such member} */
    static @Nullable JsonValue get(@Nullable JsonValue v, String key) {
        return v instanceof JsonObject o ? o.members().get(key) : null;
    }

    /** {@return whether the object has the member, also when it is JSON {@code null}} */
    static boolean has(JsonObject o, String key) {
        return o.members().containsKey(key);
    }

    /** {@return whether the object has the member, and it is not JSON {@code null}} */
    static boolean hasNonNull(JsonObject o, String key) {
        JsonValue v = o.members().get(key);
        return v != null && !v.isNull();
    }

    /** {@return the first of the members that is present and not JSON {@code null}, else {@code null}} */
    static @Nullable JsonValue first(JsonValue v, String... names) {
        for (String n : names) {
            JsonValue m = get(v, n);
            if (m != null && !m.isNull()) {
                return m;
            }
        }
        return null;
    }

    /** {@return the text of a string, number or boolean ({@code JsonNode.asText}); {@code null} otherwise} */
    static @Nullable String text(@Nullable JsonValue v) {
        if (v instanceof JsonString s) {
            return s.value();
        }
        if (v instanceof JsonNumber n) {
            return numberText(n);
        }
        if (v instanceof JsonBoolean b) {
            return b.value() ? "true" : "false";
        }
        return null;
    }

    /** {@return the text of the first of the members that has one, else {@code null}} */
    static @Nullable String firstText(JsonValue v, String... names) {
        for (String n : names) {
            String t = text(get(v, n));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** {@return whether it is {@code true}, or the string {@code "true"} in any case} */
    static boolean isTrue(@Nullable JsonValue v) {
        if (v instanceof JsonBoolean b) {
            return b.value();
        }
        return v instanceof JsonString s && "true".equalsIgnoreCase(s.value());
    }

    /** {@return whether it is a number too large for {@code BigDecimal} (Jackson read it as an infinite double)} */
    static boolean isOverflow(JsonValue v) {
        return v == JsonValueReader.POSITIVE_OVERFLOW || v == JsonValueReader.NEGATIVE_OVERFLOW;
    }

    /** {@return the compact JSON Jackson writes for the tree the value was read from ({@code JsonNode.toString})} */
    static String jacksonText(JsonValue v) {
        return toJackson(v).toString();
    }

    /**
     * Jackson's text of a number it read: an integer's digits, a decimal's {@code BigDecimal}
     * text; {@code JsonValues} writes a decimal of scale 0 with {@code E0}, which Jackson's does not have.
     */
    private static String numberText(JsonNumber n) {
        String t = n.text();
        return !n.isIntegral() && t.endsWith("E0") ? t.substring(0, t.length() - 2) : t;
    }

    private static JsonNode toJackson(JsonValue v) {
        if (isOverflow(v)) {
            return DoubleNode.valueOf(Double.parseDouble(((JsonString) v).value()));
        }
        if (v instanceof JsonObject o) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            o.members().forEach((k, e) -> out.set(k, toJackson(e)));
            return out;
        }
        if (v instanceof JsonArray a) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(a.size());
            a.elements().forEach(e -> out.add(toJackson(e)));
            return out;
        }
        return v instanceof JsonNull ? JsonNodeFactory.instance.nullNode() : JsonValues.toJackson(v);
    }
}
