package dev.nemo.sdk.internal.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSON tree straight from a streaming parser, without an {@code ObjectMapper} (whose
 * construction is the largest part of a cold start), with numbers and key order exactly as
 * {@link ExactTreeDeserializer} keeps them. Like {@code ObjectMapper.readTree}: empty input gives a
 * missing node, content after the first value is not read, a repeated key keeps its last value.
 */
final class ExactTreeReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExactTreeReader() {}

    /**
     * {@return the first value's tree, or a missing node when there is none}
     *
     * @param p a new parser; closed when done
     * @throws IOException when the text is not JSON
     */
    static JsonNode readAndClose(JsonParser p) throws IOException {
        try (p) {
            return read(p, p.nextToken());
        }
    }

    private static JsonNode read(JsonParser p, @Nullable JsonToken t) throws IOException {
        if (t == null) {
            return NODES.missingNode();
        }
        return switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                    o.set(name, read(p, p.nextToken()));
                }
                yield o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    a.add(read(p, n));
                }
                yield a;
            }
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> integer(p);
            case VALUE_NUMBER_FLOAT -> decimal(p);
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT -> NODES.pojoNode(p.getEmbeddedObject());
            default -> throw new JsonParseException(p, "Unexpected token (" + t + ")");
        };
    }

    private static JsonNode integer(JsonParser p) throws IOException {
        return switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> NODES.numberNode(p.getBigIntegerValue());
        };
    }

    private static JsonNode decimal(JsonParser p) throws IOException {
        try {
            return DecimalNode.valueOf(p.getDecimalValue());
        } catch (NumberFormatException e) {
            // NaN or Infinity tokens (only when the parser allows non-numeric numbers)
            return NODES.numberNode(p.getDoubleValue());
        }
    }
}
