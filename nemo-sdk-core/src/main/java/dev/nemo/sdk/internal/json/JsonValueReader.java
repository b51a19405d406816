package dev.nemo.sdk.internal.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.nemo.sdk.json.JsonArray;
import dev.nemo.sdk.json.JsonBoolean;
import dev.nemo.sdk.json.JsonNull;
import dev.nemo.sdk.json.JsonNumber;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonString;
import dev.nemo.sdk.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON straight into a {@link JsonValue}, without a Jackson tree in between: the result is
 * what {@code JsonValues.fromJackson(Json.parse(...))} gives (numbers as {@link ExactTreeReader}
 * reads them, key order, a repeated key keeping its first position and last value, content after
 * the first value not read), and it fails where that fails.
 */
public final class JsonValueReader {
    /**
     * What a number beyond the range of {@link BigDecimal} reads as (Jackson reads it as an
     * infinite double, which {@code JsonValues} turns into a string): these very instances, so
     * that a caller can still tell such a number from a string.
     */
    public static final JsonString POSITIVE_OVERFLOW = new JsonString(Double.toString(Double.POSITIVE_INFINITY));

    /** See {@link #POSITIVE_OVERFLOW}. */
    public static final JsonString NEGATIVE_OVERFLOW = new JsonString(Double.toString(Double.NEGATIVE_INFINITY));

    private JsonValueReader() {}

    /**
     * {@return the first value, or {@code null} when there is none}
     *
     * @param bytes  UTF-8 JSON
     * @param offset where it starts
     * @param length how long it is
     * @throws IOException when it is not JSON
     */
    public static @Nullable JsonValue read(byte[] bytes, int offset, int length) throws IOException {
        return readAndClose(Json.factory().createParser(bytes, offset, length));
    }

    /**
     * {@return the first value, or {@code null} when there is none}
     *
     * @param json JSON text
     * @throws IOException when it is not JSON
     */
    public static @Nullable JsonValue read(String json) throws IOException {
        return readAndClose(Json.factory().createParser(json));
    }

    private static @Nullable JsonValue readAndClose(JsonParser p) throws IOException {
        try (p) {
            JsonToken t = p.nextToken();
            return t == null ? null : read(p, t);
        }
    }

    private static JsonValue read(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> array(p);
            case VALUE_STRING -> new JsonString(p.getText());
            case VALUE_NUMBER_INT -> integer(p);
            case VALUE_NUMBER_FLOAT -> decimal(p);
            case VALUE_TRUE -> JsonBoolean.TRUE;
            case VALUE_FALSE -> JsonBoolean.FALSE;
            case VALUE_NULL -> JsonNull.INSTANCE;
            default -> throw new JsonParseException(p, "Unexpected token (" + t + ")");
        };
    }

    private static JsonValue object(JsonParser p) throws IOException {
        String name = p.nextFieldName();
        if (name == null) {
            return JsonObject.empty();
        }
        MemberList members = new MemberList();
        for (; name != null; name = p.nextFieldName()) {
            members.add(name, read(p, p.nextToken()));
        }
        return new JsonObject(members);
    }

    private static JsonValue array(JsonParser p) throws IOException {
        JsonToken n = p.nextToken();
        if (n == JsonToken.END_ARRAY) {
            return JsonArray.empty();
        }
        JsonValue first = read(p, n);
        n = p.nextToken();
        if (n == JsonToken.END_ARRAY) {
            // already immutable: the array keeps it without a copy
            return new JsonArray(List.of(first));
        }
        List<JsonValue> elements = new ArrayList<>();
        elements.add(first);
        for (; n != JsonToken.END_ARRAY; n = p.nextToken()) {
            elements.add(read(p, n));
        }
        return new JsonArray(elements);
    }

    private static JsonValue integer(JsonParser p) throws IOException {
        return switch (p.getNumberType()) {
            case INT, LONG -> JsonNumber.of(p.getLongValue());
            default -> JsonNumber.of(p.getBigIntegerValue());
        };
    }

    private static JsonValue decimal(JsonParser p) throws IOException {
        BigDecimal d;
        try {
            d = p.getDecimalValue();
        } catch (NumberFormatException e) {
            // NaN or Infinity tokens (only when the parser allows non-numeric numbers), or an exponent beyond
            // BigDecimal
            double v = p.getDoubleValue();
            if (Double.isFinite(v)) {
                return JsonNumber.of(v);
            }
            if (Double.isNaN(v)) {
                return new JsonString(Double.toString(v));
            }
            return v > 0 ? POSITIVE_OVERFLOW : NEGATIVE_OVERFLOW;
        }
        // a scale of 0 written with E0 stays a decimal (see JsonValues)
        return d.scale() == 0 ? JsonNumber.of(d.toPlainString() + "E0") : JsonNumber.of(d);
    }
}
