package dev.nemo.sdk.json;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON array.
 *
 * @param elements the elements in order (copied; no {@code null}: use {@link JsonNull})
 */
public record JsonArray(List<JsonValue> elements) implements JsonValue {
    /** The empty array. */
    private static final JsonArray EMPTY = new JsonArray(List.of());

    /**
     * Copies.
     *
     * @param elements the elements in order (copied; no {@code null}: use {@link JsonNull})
     */
    public JsonArray {
        elements = List.copyOf(Objects.requireNonNull(elements, "elements"));
    }

    /** {@return the empty array {@code []}} */
    public static JsonArray empty() {
        return EMPTY;
    }

    /**
     * {@return an array of them}
     *
     * @param elements the elements (copied)
     */
    public static JsonArray of(List<? extends JsonValue> elements) {
        return new JsonArray(List.copyOf(elements));
    }

    /** {@return the number of elements} */
    public int size() {
        return elements.size();
    }

    /** {@return whether there are no elements} */
    public boolean isEmpty() {
        return elements.isEmpty();
    }

    @Override
    public Optional<JsonValue> at(int index) {
        return index >= 0 && index < elements.size() ? Optional.of(elements.get(index)) : Optional.empty();
    }

    /**
     * {@return a copy with it added last}
     *
     * @param element an element to append
     */
    public JsonArray with(JsonValue element) {
        Objects.requireNonNull(element, "element");
        JsonValue[] all = elements.toArray(new JsonValue[elements.size() + 1]);
        all[elements.size()] = element;
        return new JsonArray(List.of(all));
    }

    /** {@return the compact JSON text} */
    @Override
    public String toString() {
        return toJson();
    }
}
