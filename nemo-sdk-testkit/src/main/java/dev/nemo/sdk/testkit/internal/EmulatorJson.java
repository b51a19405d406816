package dev.nemo.sdk.testkit.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The emulator's own Jackson configuration. It is deliberately not the SDK's: the server side must
 * not share code paths with the client it tests.
 */
public final class EmulatorJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private EmulatorJson() {}

    /** @return the shared mapper */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** @return a new empty object */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** @return a new empty array */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /**
     * @param bytes UTF-8 JSON
     * @return the tree
     * @throws IOException when it is not JSON
     */
    public static JsonNode parse(byte[] bytes) throws IOException {
        return MAPPER.readTree(bytes);
    }

    /**
     * @param node a tree
     * @return compact UTF-8 JSON
     */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param node a tree
     * @return compact JSON text
     */
    public static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param node   an object or anything else
     * @param fields names to try in order
     * @return the first non-blank text field, or {@code null}
     */
    public static String text(JsonNode node, String... fields) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v != null && v.isTextual() && !v.textValue().isBlank()) {
                return v.textValue();
            }
        }
        return null;
    }
}
