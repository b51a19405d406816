package dev.nemo.sdk.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The mapper-free tree reader and writer read and write exactly as the configured mapper does. */
class ExactTreeReaderWriterProperties {

    @Property(tries = 500)
    void readsAsTheMapperDoes(@ForAll("texts") String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonNode expected = Json.mapper().readTree(bytes);
        assertThat(Json.parse(bytes)).isEqualTo(expected);
        assertThat(Json.parse(json)).isEqualTo(Json.mapper().readTree(json));
        byte[] padded = ("  " + json + " ").getBytes(StandardCharsets.UTF_8);
        assertThat(Json.parse(padded, 2, bytes.length)).isEqualTo(expected);
    }

    @Property(tries = 500)
    void writesAsTheMapperDidAndReadsBackEqual(@ForAll("texts") String json) throws IOException {
        JsonNode tree = Json.parse(json);
        byte[] written = Json.write(tree);
        assertThat(written).isEqualTo(mapperWrite(tree));
        assertThat(Json.parse(written)).isEqualTo(tree);
        assertThat(Json.writeString(tree)).isEqualTo(mapperWriteString(tree));
    }

    @Property(tries = 1000)
    void failsOrSucceedsAsTheMapperDoes(@ForAll("junk") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Object expected = outcome(() -> Json.mapper().readTree(bytes));
        assertThat(outcome(() -> Json.parse(bytes))).isEqualTo(expected);
    }

    @Property(tries = 50)
    void emptyAndBlankInputGiveAMissingNodeAsTheMapperDoes(@ForAll("blanks") String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Json.parse(bytes)).isEqualTo(Json.mapper().readTree(bytes));
        assertThat(Json.parse(bytes).isMissingNode()).isTrue();
    }

    private static byte[] mapperWrite(JsonNode tree) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new Json.ExactNumbers(Json.mapper().getFactory().createGenerator(out))) {
            Json.mapper().writeValue(g, tree);
        }
        return out.toByteArray();
    }

    private static String mapperWriteString(JsonNode tree) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new Json.ExactNumbers(Json.mapper().getFactory().createGenerator(out))) {
            Json.mapper().writeValue(g, tree);
        }
        return out.toString();
    }

    private interface Read {
        JsonNode read() throws IOException;
    }

    /** The tree read, or the type of the exception thrown. */
    private static Object outcome(Read r) {
        try {
            return r.read();
        } catch (IOException | RuntimeException e) {
            return e.getClass();
        }
    }

    @Provide
    Arbitrary<String> blanks() {
        return Arbitraries.strings().withChars(' ', '\n', '\r', '\t').ofMaxLength(5);
    }

    @Provide
    Arbitrary<String> junk() {
        Arbitrary<String> truncated = Combinators.combine(
                        texts(), Arbitraries.integers().between(0, 1000))
                .as((t, cut) -> t.substring(0, Math.min(t.length(), cut % (t.length() + 1))));
        Arbitrary<String> trailing = Combinators.combine(
                        texts(), Arbitraries.of(" x", "}", "]", ",1", " {\"a\":", "garbage", " 1 2"))
                .as((t, tail) -> t + tail);
        Arbitrary<String> duplicates =
                Arbitraries.of("{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1},\"a\":[1]}", "{\"k\":1.50,\"k\":null,\"j\":1}");
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(20);
        Arbitrary<String> jsonish =
                Arbitraries.strings().withChars("{}[]\":,0123456789.eE+-tfnul ").ofMaxLength(20);
        return Arbitraries.oneOf(truncated, trailing, duplicates, anyChars, jsonish);
    }

    @Provide
    Arbitrary<String> texts() {
        return texts(3);
    }

    private static Arbitrary<String> texts(int depth) {
        if (depth == 0) {
            return scalar();
        }
        Arbitrary<String> array = texts(depth - 1).list().ofMaxSize(4).map(l -> "[" + String.join(" , ", l) + "]");
        Arbitrary<String> object = Combinators.combine(strings(), texts(depth - 1))
                .as((k, v) -> k + ":" + v)
                .list()
                .ofMaxSize(4)
                .map(l -> "{" + String.join(",\n", l) + "}");
        return Arbitraries.frequencyOf(Tuple.of(2, scalar()), Tuple.of(1, array), Tuple.of(1, object));
    }

    private static Arbitrary<String> scalar() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, numbers()), Tuple.of(3, strings()), Tuple.of(1, Arbitraries.of("true", "false", "null")));
    }

    private static Arbitrary<String> numbers() {
        Arbitrary<String> decimals = Combinators.combine(
                        Arbitraries.of("", "-"),
                        Arbitraries.integers().between(0, 99999),
                        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30),
                        Arbitraries.of("", "", "e5", "E-7", "e+12", "E400", "e-400", "e0", "E+0"))
                .as((sign, i, frac, exp) -> sign + i + "." + frac + exp);
        Arbitrary<String> huge =
                Arbitraries.strings().numeric().ofMinLength(19).ofMaxLength(40).map(d -> "-1" + d);
        Arbitrary<String> specials = Arbitraries.of(
                "0", "-0", "-0.0", "1.50", "1e400", "1E-400", "1e0", "9223372036854775808", "2147483648", "7E+2");
        return Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                huge,
                decimals,
                specials);
    }

    private static Arbitrary<String> strings() {
        Arbitrary<String> escapes = Arbitraries.of("\\n", "\\\"", "\\\\", "\\u00e9", "\\ud83d\\ude00", "\\/", "\\t");
        Arbitrary<String> plain = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars('é', '中', '😀')
                .excludeChars('"', '\\')
                .ofMaxLength(8);
        return Combinators.combine(plain, escapes, plain).as((a, e, b) -> "\"" + a + e + b + "\"");
    }
}
