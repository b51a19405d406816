package dev.nemo.sdk.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** Tolerant accessors over Jackson trees: absent or oddly shaped fields read as empty, never throw. */
public final class JsonNodes {
    private JsonNodes() {
    }

    /**
     * {@return the field's text; numbers and booleans as their JSON text; empty when absent or null}
     *
     * @param node  an object node, or anything, or {@code null}
     * @param field field name
     */
    public static Optional<String> text(@Nullable JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode() || v.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(v.isTextual() ? v.textValue() : v.asText());
    }

    /**
     * {@return the first present text value}
     *
     * @param node  an object node, or {@code null}
     * @param names candidate field names, first present wins
     */
    public static Optional<String> firstText(@Nullable JsonNode node, String... names) {
        for (String n : names) {
            Optional<String> v = text(node, n);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /**
     * {@return the value as a whole number (numbers, or numeric strings); empty otherwise}
     *
     * @param node  an object node, or {@code null}
     * @param field field name
     */
    public static OptionalLong longValue(@Nullable JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null) {
            return OptionalLong.empty();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return OptionalLong.of(v.longValue());
        }
        if (v.isNumber()) {
            BigDecimal d = v.decimalValue();
            try {
                return OptionalLong.of(d.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
            } catch (ArithmeticException e) {
                return OptionalLong.empty();
            }
        }
        if (v.isTextual()) {
            try {
                return OptionalLong.of(new BigDecimal(v.textValue().strip()).setScale(0, java.math.RoundingMode.HALF_UP)
                        .longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /**
     * {@return the value as a double (numbers, or numeric strings); empty otherwise}
     *
     * @param node  an object node, or {@code null}
     * @param field field name
     */
    public static OptionalDouble doubleValue(@Nullable JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null) {
            return OptionalDouble.empty();
        }
        if (v.isNumber()) {
            return OptionalDouble.of(v.doubleValue());
        }
        if (v.isTextual()) {
            try {
                double d = Double.parseDouble(v.textValue().strip());
                return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * {@return {@code true}/{@code false} for booleans and the strings "true"/"false"; empty otherwise}
     *
     * @param node  an object node, or {@code null}
     * @param field field name
     */
    public static Optional<Boolean> bool(@Nullable JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (v.isBoolean()) {
            return Optional.of(v.booleanValue());
        }
        if (v.isTextual() && ("true".equalsIgnoreCase(v.textValue()) || "false".equalsIgnoreCase(v.textValue()))) {
            return Optional.of(Boolean.parseBoolean(v.textValue()));
        }
        return Optional.empty();
    }

    /**
     * {@return the first field that is present and not JSON {@code null}, or {@code null}}
     *
     * @param node  an object node
     * @param names candidate field names, first present wins
     */
    public static @Nullable JsonNode first(JsonNode node, String... names) {
        for (String n : names) {
            JsonNode v = node.get(n);
            if (v != null && !v.isNull()) {
                return v;
            }
        }
        return null;
    }

    /**
     * {@return the field when it is an object}
     *
     * @param node  an object node, or {@code null}
     * @param field field name
     */
    public static Optional<JsonNode> object(@Nullable JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isObject() ? Optional.of(v) : Optional.empty();
    }
}
