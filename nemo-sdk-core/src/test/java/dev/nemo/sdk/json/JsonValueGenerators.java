package dev.nemo.sdk.json;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik generators of {@link JsonValue}s: odd number texts, strings with control and non-BMP characters, nesting. */
final class JsonValueGenerators {
    private JsonValueGenerators() {}

    /** Number texts: small, long, beyond long, decimals with trailing zeros, exponents of every spelling. */
    static Arbitrary<String> numberTexts() {
        Arbitrary<String> small = Arbitraries.integers().between(-1000, 100_000).map(String::valueOf);
        Arbitrary<String> longs = Arbitraries.longs().map(String::valueOf);
        Arbitrary<String> huge = Combinators.combine(
                        Arbitraries.of("", "-"),
                        Arbitraries.strings().numeric().ofMinLength(19).ofMaxLength(60))
                .as((sign, digits) -> sign + "1" + digits);
        Arbitrary<String> decimals = Combinators.combine(
                        Arbitraries.of("", "-"),
                        Arbitraries.integers().between(0, 99999),
                        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30),
                        Arbitraries.of("", "", "e5", "E-7", "e+12", "E400", "e-400", "e0", "E+0"))
                .as((sign, i, frac, exp) -> sign + i + "." + frac + exp);
        Arbitrary<String> exponents = Combinators.combine(
                        Arbitraries.of("", "-"),
                        Arbitraries.integers().between(0, 999),
                        Arbitraries.of("e", "E", "e+", "E-", "e-"),
                        Arbitraries.integers().between(0, 500))
                .as((sign, m, e, x) -> sign + m + e + x);
        Arbitrary<String> specials = Arbitraries.of(
                "0",
                "-0",
                "-0.0",
                "0.000",
                "1.0",
                "1.50",
                "1e400",
                "1E-400",
                "9223372036854775807",
                "9223372036854775808",
                "-9223372036854775809",
                "2147483648",
                "0.1",
                "1e0");
        return Arbitraries.frequencyOf(
                Tuple.of(4, small),
                Tuple.of(1, longs),
                Tuple.of(1, huge),
                Tuple.of(3, decimals),
                Tuple.of(1, exponents),
                Tuple.of(2, specials));
    }

    /** Strings with quotes, backslashes, every control character, BMP text and surrogate pairs. */
    static Arbitrary<String> strings() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(12);
        Arbitrary<String> controls = Arbitraries.strings()
                .withCharRange('\u0000', '\u0020')
                .withChars("\"\\/")
                .ofMaxLength(8);
        Arbitrary<String> samples =
                Arbitraries.of("🎬 intro", "Lo-fi ♪", "“quoted”", "城市", "", "\u2028\u2029", "</script>");
        return Arbitraries.frequencyOf(Tuple.of(4, any), Tuple.of(2, controls), Tuple.of(1, samples));
    }

    /** Any value nested at most {@code depth} levels; objects may use keys that only differ in case. */
    static Arbitrary<JsonValue> values(int depth) {
        Arbitrary<JsonValue> leaf = Arbitraries.frequencyOf(
                Tuple.of(3, numberTexts().map(JsonNumber::of)),
                Tuple.of(3, strings().map(JsonValue::of)),
                Tuple.of(1, Arbitraries.of(JsonBoolean.TRUE, JsonBoolean.FALSE)),
                Tuple.of(1, Arbitraries.just(JsonNull.INSTANCE)));
        if (depth <= 0) {
            return leaf;
        }
        Arbitrary<JsonValue> array = values(depth - 1).list().ofMaxSize(4).map(JsonArray::of);
        Arbitrary<String> keys =
                Arbitraries.oneOf(Arbitraries.strings().withCharRange('a', 'e').ofMaxLength(3), strings());
        Arbitrary<JsonValue> object = Combinators.combine(keys, values(depth - 1))
                .as(Map::entry)
                .list()
                .ofMaxSize(4)
                .map(JsonValueGenerators::object);
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(1, array), Tuple.of(1, object));
    }

    private static JsonValue object(List<Map.Entry<String, JsonValue>> entries) {
        JsonObject.Builder b = JsonObject.builder();
        entries.forEach(e -> b.put(e.getKey(), e.getValue()));
        return b.build();
    }

    /**
     * @param value  a value
     * @param spaced whether to put white space between every token
     * @return its JSON text, written independently of {@link JsonValue#toJson()}
     */
    static String render(JsonValue value, boolean spaced) {
        String sp = spaced ? " \n\t " : "";
        if (value instanceof JsonObject o) {
            StringBuilder b = new StringBuilder("{" + sp);
            o.members()
                    .forEach((k, v) -> b.append(b.length() > 1 + sp.length() ? "," + sp : "")
                            .append(quote(k))
                            .append(sp)
                            .append(':')
                            .append(sp)
                            .append(render(v, spaced)));
            return b.append(sp).append('}').toString();
        }
        if (value instanceof JsonArray a) {
            StringBuilder b = new StringBuilder("[" + sp);
            for (int i = 0; i < a.size(); i++) {
                b.append(i == 0 ? "" : "," + sp).append(render(a.elements().get(i), spaced));
            }
            return b.append(sp).append(']').toString();
        }
        if (value instanceof JsonString s) {
            return quote(s.value());
        }
        return value.toString();
    }

    /** Escapes every non-ASCII character too, unlike the SDK's writer, so the reader's unescaping is exercised. */
    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.chars()
                .forEach(c -> b.append(
                        c == '"' || c == '\\' || c < 0x20 || c > 0x7e
                                ? String.format("\\u%04x", c)
                                : String.valueOf((char) c)));
        return b.append('"').toString();
    }
}
