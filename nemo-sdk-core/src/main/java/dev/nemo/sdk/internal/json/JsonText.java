package dev.nemo.sdk.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.nemo.sdk.json.JsonArray;
import dev.nemo.sdk.json.JsonBoolean;
import dev.nemo.sdk.json.JsonNull;
import dev.nemo.sdk.json.JsonNumber;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonString;
import dev.nemo.sdk.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@link JsonValue}s as text. Reading uses Jackson's streaming parser (so the
 * grammar and the nesting and length limits are Jackson's) and keeps each number's own text;
 * writing is compact and needs no library.
 */
public final class JsonText {
    private JsonText() {}

    /**
     * {@return the one value it holds}
     *
     * @param json JSON text
     * @throws IllegalArgumentException when it is not exactly one JSON value
     */
    public static JsonValue parse(String json) {
        try (JsonParser p = Json.factory().createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("Not JSON: the text is empty");
            }
            JsonValue value = read(p, first);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException(
                        "Not JSON: more content after the value, at " + where(p.currentLocation()));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Not JSON: " + e.getOriginalMessage() + ", at " + where(e.getLocation()), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * {@return the value, the parser positioned on its last token}
     *
     * @param p a parser positioned on a value's first token
     * @param t that token
     * @throws IOException when the text is not JSON
     */
    static JsonValue read(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_OBJECT -> {
                JsonObject.Builder o = JsonObject.builder();
                for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                    o.put(name, read(p, p.nextToken()));
                }
                yield o.build();
            }
            case START_ARRAY -> {
                List<JsonValue> a = new ArrayList<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    a.add(read(p, n));
                }
                yield new JsonArray(a);
            }
            case VALUE_STRING -> new JsonString(p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> JsonNumber.of(p.getText());
            case VALUE_TRUE -> JsonBoolean.TRUE;
            case VALUE_FALSE -> JsonBoolean.FALSE;
            case VALUE_NULL -> JsonNull.INSTANCE;
            default ->
                throw new IllegalArgumentException("Not JSON: unexpected " + t + " at " + where(p.currentLocation()));
        };
    }

    /**
     * {@return its compact JSON text}
     *
     * @param value a value
     */
    public static String write(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(JsonValue value, StringBuilder out) {
        if (value instanceof JsonObject o) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                quote(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof JsonArray a) {
            out.append('[');
            for (int i = 0; i < a.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(a.elements().get(i), out);
            }
            out.append(']');
        } else if (value instanceof JsonString s) {
            quote(s.value(), out);
        } else {
            out.append(value.toString());
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String where(JsonLocation at) {
        return at == null ? "an unknown position" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
