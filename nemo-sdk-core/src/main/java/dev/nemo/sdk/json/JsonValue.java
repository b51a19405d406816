package dev.nemo.sdk.json;

import dev.nemo.sdk.internal.json.JsonText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable JSON value owned by the SDK: an {@link JsonObject object}, an {@link JsonArray
 * array}, a {@link JsonString string}, a {@link JsonNumber number} that keeps its exact text, a
 * {@link JsonBoolean boolean} or {@link JsonNull null}.
 *
 * <p>Values compare by value ({@link JsonObject} ignores key order in {@code equals}, as JSON
 * does, but keeps it when written), are thread-safe, and their {@code toString()} is their compact
 * JSON. Navigation never throws: {@link #get(String)} and {@link #at(int)} are empty when the
 * value has no such member.
 *
 * <pre>{@code
 * JsonValue args = JsonValue.parse("{\"ratio\":\"16:9\",\"fps\":30}");
 * int fps = args.get("fps").flatMap(JsonValue::asNumber).map(JsonNumber::asInt).orElse(25);
 * }</pre>
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

    /**
     * Reads one JSON value (RFC 8259; white space around it is allowed, anything else after it
     * is not). Object keys keep their order; when a key repeats, the last value wins and keeps
     * the position of the first. Numbers keep their text exactly.
     *
     * @param json JSON text
     * @return the value
     * @throws IllegalArgumentException when the text is not one valid JSON value (this is the only
     *                                  exception it throws for bad input); the message says where
     */
    static JsonValue parse(String json) {
        return JsonText.parse(Objects.requireNonNull(json, "json"));
    }

    /**
     * {@return it as a JSON string}
     *
     * @param value a string
     */
    static JsonString of(String value) {
        return new JsonString(value);
    }

    /**
     * {@return {@link JsonBoolean#TRUE} or {@link JsonBoolean#FALSE}}
     *
     * @param value a boolean
     */
    static JsonBoolean of(boolean value) {
        return JsonBoolean.of(value);
    }

    /**
     * {@return it as a JSON number}
     *
     * @param value a whole number
     */
    static JsonNumber of(long value) {
        return JsonNumber.of(value);
    }

    /**
     * {@return it as a JSON number, written as {@link Double#toString(double)} writes it}
     *
     * @param value a finite double
     * @throws IllegalArgumentException when it is NaN or infinite
     */
    static JsonNumber of(double value) {
        return JsonNumber.of(value);
    }

    /**
     * {@return it as a JSON number}
     *
     * @param value a whole number of any size
     */
    static JsonNumber of(BigInteger value) {
        return JsonNumber.of(value);
    }

    /**
     * {@return it as a JSON number, written as {@link BigDecimal#toString()} writes it}
     *
     * @param value a decimal
     */
    static JsonNumber of(BigDecimal value) {
        return JsonNumber.of(value);
    }

    /**
     * {@return a JSON array of them}
     *
     * @param elements the elements, in order
     */
    static JsonArray of(JsonValue... elements) {
        return new JsonArray(List.of(elements));
    }

    /** {@return JSON {@code null}} */
    static JsonNull ofNull() {
        return JsonNull.INSTANCE;
    }

    /**
     * {@return the member's value when this is an object that has it; empty otherwise}
     *
     * @param key a member name
     */
    default Optional<JsonValue> get(String key) {
        return Optional.empty();
    }

    /**
     * {@return the element when this is an array that long; empty otherwise}
     *
     * @param index an element index, from 0
     */
    default Optional<JsonValue> at(int index) {
        return Optional.empty();
    }

    /** {@return this when it is an object} */
    default Optional<JsonObject> asObject() {
        return this instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    }

    /** {@return this when it is an array} */
    default Optional<JsonArray> asArray() {
        return this instanceof JsonArray a ? Optional.of(a) : Optional.empty();
    }

    /** {@return the string's value when this is a string (numbers are not converted)} */
    default Optional<String> asString() {
        return this instanceof JsonString s ? Optional.of(s.value()) : Optional.empty();
    }

    /** {@return this when it is a number} */
    default Optional<JsonNumber> asNumber() {
        return this instanceof JsonNumber n ? Optional.of(n) : Optional.empty();
    }

    /** {@return the boolean's value when this is a boolean} */
    default Optional<Boolean> asBoolean() {
        return this instanceof JsonBoolean b ? Optional.of(b.value()) : Optional.empty();
    }

    /** {@return whether this is JSON {@code null}} */
    default boolean isNull() {
        return this == JsonNull.INSTANCE;
    }

    /**
     * The compact JSON text of this value: no white space, keys in order, numbers exactly as
     * held, strings escaped as RFC 8259 requires ({@code "}, {@code \} and control characters).
     * {@code JsonValue.parse(v.toJson())} equals {@code v}.
     *
     * @return the JSON text
     */
    default String toJson() {
        return JsonText.write(this);
    }
}
