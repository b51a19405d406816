package dev.nemo.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Moves JSON between the emulator's Jackson trees and the SDK's public {@link JsonValue}, through
 * text (the emulator shares no code path with the client it tests).
 */
public final class JsonBridge {
    private JsonBridge() {}

    /**
     * @param value a JSON value, or {@code null}
     * @return an equal, new emulator tree; a missing node for {@code null}
     */
    public static JsonNode toJackson(JsonValue value) {
        if (value == null) {
            return EmulatorJson.mapper().missingNode();
        }
        try {
            return EmulatorJson.parse(value.toJson().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param value a JSON object
     * @return an equal, new emulator object
     */
    public static ObjectNode toJackson(JsonObject value) {
        return (ObjectNode) toJackson((JsonValue) value);
    }

    /**
     * @param node an emulator tree, or {@code null}
     * @return an equal JSON value; JSON {@code null} for {@code null} or a missing node
     */
    public static JsonValue fromJackson(JsonNode node) {
        return node == null || node.isMissingNode() ? JsonValue.ofNull() : JsonValue.parse(EmulatorJson.text(node));
    }

    /**
     * @param node an emulator tree, or {@code null}
     * @return the object when it is one, else an empty object
     */
    public static JsonObject objectOrEmpty(JsonNode node) {
        return node != null && node.isObject() ? (JsonObject) fromJackson(node) : JsonObject.empty();
    }
}
