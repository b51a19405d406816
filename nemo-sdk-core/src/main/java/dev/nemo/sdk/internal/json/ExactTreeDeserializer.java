package dev.nemo.sdk.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON trees exactly on every supported Jackson version: every decimal becomes a
 * {@link DecimalNode} with the scale it was written with, also beyond the range of a double
 * ({@code 1E+400}; Jackson 2.15 turns it into {@code Infinity} even with
 * {@code USE_BIG_DECIMAL_FOR_FLOATS}); integers become int, long or big-integer nodes; keys keep
 * their order.
 */
final class ExactTreeDeserializer extends StdDeserializer<JsonNode> {
    private static final long serialVersionUID = 1L;

    ExactTreeDeserializer() {
        super(JsonNode.class);
    }

    @Override
    public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNodeFactory f = ctxt.getNodeFactory();
        JsonToken t = p.currentToken();
        if (t == JsonToken.FIELD_NAME) {
            // called inside an object (buffered content): read the rest of it
            ObjectNode o = f.objectNode();
            for (String name = p.currentName(); name != null; name = p.nextFieldName()) {
                o.set(name, read(p, ctxt, f, p.nextToken()));
            }
            return o;
        }
        return read(p, ctxt, f, t);
    }

    @Override
    public JsonNode getNullValue(DeserializationContext ctxt) {
        return NullNode.getInstance();
    }

    @Override
    public boolean isCachable() {
        return true;
    }

    private JsonNode read(JsonParser p, DeserializationContext ctxt, JsonNodeFactory f, @Nullable JsonToken t)
            throws IOException {
        if (t == null) {
            return f.missingNode();
        }
        return switch (t) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                    o.set(name, read(p, ctxt, f, p.nextToken()));
                }
                yield o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    a.add(read(p, ctxt, f, n));
                }
                yield a;
            }
            case END_OBJECT -> f.objectNode();
            case VALUE_STRING -> f.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> f.numberNode(p.getIntValue());
                case LONG -> f.numberNode(p.getLongValue());
                default -> f.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> {
                try {
                    yield DecimalNode.valueOf(p.getDecimalValue());
                } catch (NumberFormatException e) {
                    // NaN or Infinity tokens (only when the parser allows non-numeric numbers)
                    yield f.numberNode(p.getDoubleValue());
                }
            }
            case VALUE_TRUE -> f.booleanNode(true);
            case VALUE_FALSE -> f.booleanNode(false);
            case VALUE_NULL -> f.nullNode();
            case VALUE_EMBEDDED_OBJECT -> f.pojoNode(p.getEmbeddedObject());
            default -> (JsonNode) ctxt.handleUnexpectedToken(JsonNode.class, p);
        };
    }
}
