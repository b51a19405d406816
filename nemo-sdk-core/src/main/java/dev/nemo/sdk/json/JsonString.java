package dev.nemo.sdk.json;

import java.util.Objects;

/**
 * A JSON string.
 *
 * @param value the string, unescaped
 */
public record JsonString(String value) implements JsonValue {
    /**
     * Validates.
     *
     * @param value the string, unescaped
     */
    public JsonString {
        Objects.requireNonNull(value, "value");
    }

    /** {@return the quoted, escaped JSON text} */
    @Override
    public String toString() {
        return toJson();
    }
}
