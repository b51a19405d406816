package dev.nemo.sdk.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A JSON number that keeps the exact text it was written with: {@code 1.0} stays {@code 1.0},
 * {@code 1e3} stays {@code 1e3}, integers beyond {@code long} and long decimals lose nothing.
 *
 * <p>A number is <em>integral</em> when its text has no fraction and no exponent ({@code 42});
 * otherwise it is a decimal ({@code 42.0}, {@code 4.2e1}). Two numbers are equal when they are
 * both integral or both decimal and have the same value at the same scale, as {@link
 * BigDecimal#equals} sees it: {@code 1.0} equals {@code 1.0} and {@code 1.0e0}, but not
 * {@code 1.00} nor {@code 1}; {@code 1e2} equals {@code 1E+2}. This is how the SDK keeps a draft's
 * number forms when it writes the draft back.
 */
public final class JsonNumber implements JsonValue {
    private static final Pattern GRAMMAR = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

    private final String text;
    private final boolean integral;
    /** The value when the number was made from one, so that it need not be parsed back from the text. */
    private final @Nullable BigDecimal decimal;
    /** The canonical text, made when first compared: most numbers read are never compared. */
    private @Nullable String key;

    private JsonNumber(String text) {
        this(text, null);
    }

    private JsonNumber(String text, @Nullable BigDecimal decimal) {
        this.text = text;
        this.integral = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
        this.decimal = decimal;
    }

    /**
     * {@return the number, keeping that text}
     *
     * @param text a JSON number literal, such as {@code -12}, {@code 0.50} or {@code 6.02e23}
     * @throws IllegalArgumentException when the text is not a JSON number (RFC 8259: no leading
     *                                  {@code +}, no leading zeros, no {@code NaN})
     */
    public static JsonNumber of(String text) {
        Objects.requireNonNull(text, "text");
        if (!GRAMMAR.matcher(text).matches()) {
            throw new IllegalArgumentException("Not a JSON number: \"" + abbreviate(text) + "\"");
        }
        return new JsonNumber(text);
    }

    /**
     * {@return it as an integral number}
     *
     * @param value a whole number
     */
    public static JsonNumber of(long value) {
        return new JsonNumber(Long.toString(value));
    }

    /**
     * {@return it as an integral number}
     *
     * @param value a whole number of any size
     */
    public static JsonNumber of(BigInteger value) {
        return new JsonNumber(value.toString());
    }

    /**
     * {@return it as {@link BigDecimal#toString()} writes it ({@code 1.50}, {@code 1E+3}; a scale of 0 gives an integral number)}
     *
     * @param value a decimal
     */
    public static JsonNumber of(BigDecimal value) {
        // a subclass could answer differently later: only BigDecimal itself is kept
        return new JsonNumber(value.toString(), value.getClass() == BigDecimal.class ? value : null);
    }

    /**
     * {@return it as {@link Double#toString(double)} writes it ({@code 0.5}, {@code 1.0E10})}
     *
     * @param value a finite double
     * @throws IllegalArgumentException when it is NaN or infinite (JSON has no such numbers)
     */
    public static JsonNumber of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no number " + value);
        }
        return new JsonNumber(Double.toString(value));
    }

    /** {@return the exact JSON text of the number} */
    public String text() {
        return text;
    }

    /** {@return whether the text has neither a fraction nor an exponent} */
    public boolean isIntegral() {
        return integral;
    }

    /**
     * {@return the exact value}
     *
     * @throws ArithmeticException when the exponent is beyond what {@link BigDecimal} holds
     *                             (beyond about 10<sup>±2147483647</sup>)
     */
    public BigDecimal asBigDecimal() {
        if (decimal != null) {
            return decimal;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ArithmeticException("The number " + abbreviate(text) + " is beyond the range of BigDecimal");
        }
    }

    /**
     * {@return the value as a whole number ({@code 3.0} gives 3)}
     *
     * @throws ArithmeticException when it has a fractional part or is too large
     */
    public BigInteger asBigInteger() {
        return asBigDecimal().toBigIntegerExact();
    }

    /**
     * {@return the value as a {@code long} ({@code 3.0} gives 3)}
     *
     * @throws ArithmeticException when it has a fractional part or is outside the range of {@code long}
     */
    public long asLong() {
        return asBigDecimal().longValueExact();
    }

    /**
     * {@return the value as an {@code int} ({@code 3.0} gives 3)}
     *
     * @throws ArithmeticException when it has a fractional part or is outside the range of {@code int}
     */
    public int asInt() {
        return asBigDecimal().intValueExact();
    }

    /** {@return the nearest double (may be infinite or lose precision for very large or long numbers)} */
    public double asDouble() {
        return Double.parseDouble(text);
    }

    /** {@return whether {@code o} is a number of the same kind, value and scale (see the class doc)} */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof JsonNumber n && n.integral == integral && n.key().equals(key());
    }

    @Override
    public int hashCode() {
        return key().hashCode() * 31 + (integral ? 1 : 0);
    }

    // Racy but safe, as String.hashCode is: every thread computes the same immutable String.
    private String key() {
        String k = key;
        if (k == null) {
            k = decimal != null ? decimal.toString() : canonical(text);
            key = k;
        }
        return k;
    }

    /** {@return the exact JSON text} */
    @Override
    public String toString() {
        return text;
    }

    /** One text per value and scale; the lower-cased text when BigDecimal cannot hold the exponent. */
    private static String canonical(String text) {
        try {
            return new BigDecimal(text).toString();
        } catch (NumberFormatException e) {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
