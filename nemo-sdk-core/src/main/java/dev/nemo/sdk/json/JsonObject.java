package dev.nemo.sdk.json;

import dev.nemo.sdk.internal.json.MemberList;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object: members in insertion order. {@code equals} ignores the order, as JSON does;
 * {@link #toJson()} keeps it.
 *
 * <pre>{@code
 * JsonObject m = JsonObject.builder().put("title", "Urban Dreams").put("fps", 30).build();
 * JsonObject renamed = m.with("title", JsonValue.of("City")); // "title" keeps its position
 * }</pre>
 *
 * @param members the members in order (copied; no {@code null} keys or values: use {@link JsonNull})
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    private static final JsonObject EMPTY = new JsonObject(Map.of());

    /**
     * Copies, keeping the order.
     *
     * @param members the members in order (copied; no {@code null} keys or values: use {@link JsonNull})
     */
    public JsonObject {
        Objects.requireNonNull(members, "members");
        if (!(members instanceof MemberList)) {
            members = copyOf(members);
        }
    }

    /** A read-only copy in the same order; a reader's {@code MemberList} is already one and is kept. */
    private static Map<String, JsonValue> copyOf(Map<String, JsonValue> members) {
        LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>();
        members.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
        return Collections.unmodifiableMap(copy);
    }

    /** {@return the empty object {@code {}}} */
    public static JsonObject empty() {
        return EMPTY;
    }

    /**
     * {@return an object of them}
     *
     * @param members the members, in the map's iteration order (copied)
     */
    public static JsonObject of(Map<String, ? extends JsonValue> members) {
        return new JsonObject(Collections.unmodifiableMap(members));
    }

    /** {@return a builder of a new object} */
    public static Builder builder() {
        return new Builder(Map.of());
    }

    /** {@return a builder that starts with this object's members} */
    public Builder toBuilder() {
        return new Builder(members);
    }

    @Override
    public Optional<JsonValue> get(String key) {
        return Optional.ofNullable(members.get(key));
    }

    /**
     * {@return whether the object has that member (also when its value is JSON {@code null})}
     *
     * @param key a member name
     */
    public boolean has(String key) {
        return members.containsKey(key);
    }

    /** {@return the member names in order} */
    public Set<String> keys() {
        return members.keySet();
    }

    /** {@return the number of members} */
    public int size() {
        return members.size();
    }

    /** {@return whether there are no members} */
    public boolean isEmpty() {
        return members.isEmpty();
    }

    /**
     * {@return a copy with that member set; an existing member keeps its position}
     *
     * @param key   a member name
     * @param value its value
     */
    public JsonObject with(String key, JsonValue value) {
        return toBuilder().put(key, value).build();
    }

    /**
     * {@return a copy without that member (this object when it has none)}
     *
     * @param key a member name
     */
    public JsonObject without(String key) {
        return has(key) ? toBuilder().remove(key).build() : this;
    }

    /** {@return the compact JSON text} */
    @Override
    public String toString() {
        return toJson();
    }

    /** Builds a {@link JsonObject}, keeping the order in which members are first put. Not thread-safe. */
    public static final class Builder {
        private final LinkedHashMap<String, JsonValue> members;

        private Builder(Map<String, JsonValue> start) {
            members = new LinkedHashMap<>(start);
        }

        /**
         * Sets {@code put}.
         *
         * @param key   a member name
         * @param value its value; a key put again keeps its first position and takes the new value
         * @return this builder
         */
        public Builder put(String key, JsonValue value) {
            members.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets {@code put}.
         *
         * @param key   a member name
         * @param value a string value
         * @return this builder
         */
        public Builder put(String key, String value) {
            return put(key, JsonValue.of(value));
        }

        /**
         * Sets {@code put}.
         *
         * @param key   a member name
         * @param value a whole-number value
         * @return this builder
         */
        public Builder put(String key, long value) {
            return put(key, JsonValue.of(value));
        }

        /**
         * Sets {@code put}.
         *
         * @param key   a member name
         * @param value a finite double value
         * @return this builder
         */
        public Builder put(String key, double value) {
            return put(key, JsonValue.of(value));
        }

        /**
         * Sets {@code put}.
         *
         * @param key   a member name
         * @param value a decimal value
         * @return this builder
         */
        public Builder put(String key, BigDecimal value) {
            return put(key, JsonValue.of(value));
        }

        /**
         * Sets {@code put}.
         *
         * @param key   a member name
         * @param value a boolean value
         * @return this builder
         */
        public Builder put(String key, boolean value) {
            return put(key, JsonValue.of(value));
        }

        /**
         * Sets {@code putAll}.
         *
         * @param other an object whose members to put, in its order
         * @return this builder
         */
        public Builder putAll(JsonObject other) {
            members.putAll(other.members());
            return this;
        }

        /**
         * {@return this builder, without that member}
         *
         * @param key a member name
         */
        public Builder remove(String key) {
            members.remove(key);
            return this;
        }

        /** {@return the object} */
        public JsonObject build() {
            return new JsonObject(members);
        }
    }
}
