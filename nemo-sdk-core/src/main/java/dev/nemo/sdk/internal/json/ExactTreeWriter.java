package dev.nemo.sdk.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes a JSON tree straight to a streaming generator, without an {@code ObjectMapper}, as the
 * mapper would write it, except that a decimal of scale 0 is written {@code 1E0} (see
 * {@link Json.ExactNumbers}). Trees holding POJO nodes need the mapper: {@link #canWrite} says.
 */
final class ExactTreeWriter {
    private ExactTreeWriter() {}

    /**
     * {@return whether {@link #write} can write it: it holds no POJO node}
     *
     * @param node a tree
     */
    static boolean canWrite(JsonNode node) {
        if (node.isPojo()) {
            return false;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (!canWrite(child)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Writes it.
     *
     * @param node a tree that {@link #canWrite}
     * @param g where to
     * @throws IOException when writing fails
     */
    static void write(JsonNode node, JsonGenerator g) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    g.writeFieldName(e.getKey());
                    write(e.getValue(), g);
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode e : node) {
                    write(e, g);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case NUMBER -> number(node, g);
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case BINARY -> g.writeBinary(node.binaryValue());
            default -> g.writeNull();
        }
    }

    private static void number(JsonNode node, JsonGenerator g) throws IOException {
        switch (node.numberType()) {
            case INT -> g.writeNumber(node.intValue());
            case LONG -> g.writeNumber(node.longValue());
            case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
            case FLOAT -> g.writeNumber(node.floatValue());
            case DOUBLE -> g.writeNumber(node.doubleValue());
            default -> writeDecimal(node.decimalValue(), g);
        }
    }

    private static void writeDecimal(BigDecimal v, JsonGenerator g) throws IOException {
        if (v.scale() == 0) {
            g.writeNumber(v.toString() + "E0");
        } else {
            g.writeNumber(v);
        }
    }
}
