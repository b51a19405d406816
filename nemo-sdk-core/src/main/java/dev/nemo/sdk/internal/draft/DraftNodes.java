package dev.nemo.sdk.internal.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/** Tree helpers shared by the draft types. Numbers are created the way the SDK's parser creates them. */
public final class DraftNodes {
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DraftNodes() {
    }

    /** A whole number as the parser would read it back: an int node when it fits, else a long node. */
    public static NumericNode integer(long value) {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? IntNode.valueOf((int) value)
                : LongNode.valueOf(value);
    }

    /** A decimal as the parser would read it back (a decimal node, never a double node). */
    public static NumericNode decimal(double value) {
        return DecimalNode.valueOf(BigDecimal.valueOf(value));
    }

    public static NumericNode millis(Duration d, String name) {
        if (d == null) {
            throw new NullPointerException(name);
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
        return integer(d.toMillis());
    }

    /** A non-negative number of milliseconds (numbers or numeric strings, rounded half up). */
    public static Optional<Duration> millis(JsonNode node) {
        BigDecimal v = number(node);
        if (v == null || v.signum() < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofMillis(v.setScale(0, RoundingMode.HALF_UP).longValueExact()));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    public static OptionalDouble finiteNonNegative(@Nullable JsonNode node) {
        BigDecimal v = number(node);
        if (v == null || v.signum() < 0) {
            return OptionalDouble.empty();
        }
        double d = v.doubleValue();
        return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
    }

    /** A number or a numeric string as an exact decimal; {@code null} for anything else. */
    public static @Nullable BigDecimal number(@Nullable JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            if (node.isDouble() || node.isFloat()) {
                double d = node.doubleValue();
                return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
            }
            return node.decimalValue();
        }
        if (node.isTextual()) {
            String s = node.textValue().strip();
            if (s.isEmpty() || s.length() > 100) {
                return null;
            }
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Text fields: strings only (a label that is a number or an object is not a label). */
    public static Optional<String> text(@Nullable JsonNode node) {
        return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }

    public static ObjectNode objectOrEmpty(@Nullable JsonNode node) {
        return node != null && node.isObject() ? ((ObjectNode) node).deepCopy() : NODES.objectNode();
    }

    /** The array at {@code field} of a copy being edited, created at the end when absent. */
    public static ArrayNode editableArray(ObjectNode copy, String field, String what) {
        JsonNode v = copy.get(field);
        if (v == null || v.isNull()) {
            return copy.putArray(field);
        }
        if (!v.isArray()) {
            throw new IllegalStateException("Cannot edit " + what + ": field \"" + field + "\" is a "
                    + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not an array");
        }
        return (ArrayNode) v;
    }

    public static ObjectNode editableObject(ObjectNode copy, String field, String what) {
        JsonNode v = copy.get(field);
        if (v == null || v.isNull()) {
            return copy.putObject(field);
        }
        if (!v.isObject()) {
            throw new IllegalStateException("Cannot edit " + what + ": field \"" + field + "\" is a "
                    + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not an object");
        }
        return (ObjectNode) v;
    }

    public static void checkIndex(int index, int size, String what) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(what + " index " + index + " out of range (0.." + (size - 1) + ")");
        }
    }
}
