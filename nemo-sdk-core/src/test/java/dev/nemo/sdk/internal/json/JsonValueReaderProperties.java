package dev.nemo.sdk.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Reading straight into a {@link JsonValue} gives what the chat decoder got before: the mapper's
 * tree converted with {@link JsonValues#fromJackson}, and the same failures.
 */
class JsonValueReaderProperties {
    private final ExactTreeReaderWriterProperties texts = new ExactTreeReaderWriterProperties();

    @Property(tries = 1000)
    void readsWhatTheMappersTreeConvertsTo(@ForAll("texts") String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (jacksonRejects(bytes)) {
            // Jackson before 2.16 rejects a number beyond BigDecimal as malformed: so does the reader
            assertThat(outcome(() -> JsonValueReader.read(bytes, 0, bytes.length)))
                    .isEqualTo(outcome(() -> viaMapper(bytes)));
            return;
        }
        JsonValue expected = viaMapper(bytes);
        assertThat(JsonValueReader.read(bytes, 0, bytes.length)).isEqualTo(expected);
        // not the bytes' value: a lone surrogate in the text is a '?' in its UTF-8
        JsonNode fromText = Json.mapper().readTree(json);
        assertThat(JsonValueReader.read(json))
                .isEqualTo(fromText.isMissingNode() ? null : JsonValues.fromJackson(fromText));
        byte[] padded = ("  " + json + " ").getBytes(StandardCharsets.UTF_8);
        assertThat(JsonValueReader.read(padded, 2, bytes.length)).isEqualTo(expected);
        if (expected != null) {
            assertThat(JsonValueReader.read(bytes, 0, bytes.length).toJson()).isEqualTo(expected.toJson());
        }
    }

    @Property(tries = 2000)
    void failsOrSucceedsAsTheMapperDoes(@ForAll("junk") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Object expected = outcome(() -> viaMapper(bytes));
        assertThat(outcome(() -> JsonValueReader.read(bytes, 0, bytes.length))).isEqualTo(expected);
    }

    @Property(tries = 200)
    void aCutAnywhereFailsOrSucceedsAsTheMapperDoes(@ForAll("texts") String json, @ForAll byte[] noise) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            byte[] b = java.util.Arrays.copyOf(bytes, cut + Math.min(noise.length, 2));
            System.arraycopy(noise, 0, b, cut, b.length - cut);
            int n = cut;
            assertThat(outcome(() -> JsonValueReader.read(bytes, 0, n)))
                    .isEqualTo(outcome(() -> viaMapper(java.util.Arrays.copyOf(bytes, n))));
            assertThat(outcome(() -> JsonValueReader.read(b, 0, b.length))).isEqualTo(outcome(() -> viaMapper(b)));
        }
    }

    @Example
    void aNumberBeyondBigDecimalReadsAsTheInfiniteDoublesStringAndCanBeToldApart() throws IOException {
        if (jacksonRejects("1e99999999999".getBytes(StandardCharsets.UTF_8))) {
            System.out.println("Jackson " + com.fasterxml.jackson.core.json.PackageVersion.VERSION
                    + " rejects a number beyond BigDecimal as malformed: checking that the reader does too");
            assertThatThrownBy(() -> JsonValueReader.read("[-1E+99999999999]"))
                    .isInstanceOf(com.fasterxml.jackson.core.JsonParseException.class);
            return;
        }
        assertThat(JsonValueReader.read("1e99999999999")).isSameAs(JsonValueReader.POSITIVE_OVERFLOW);
        assertThat(JsonValueReader.read("[-1E+99999999999]")
                        .asArray()
                        .orElseThrow()
                        .elements()
                        .get(0))
                .isSameAs(JsonValueReader.NEGATIVE_OVERFLOW);
        assertThat(JsonValueReader.read("\"Infinity\""))
                .isEqualTo(JsonValueReader.POSITIVE_OVERFLOW)
                .isNotSameAs(JsonValueReader.POSITIVE_OVERFLOW);
        byte[] bytes = "{\"t\":1e99999999999}".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonValueReader.read(bytes, 0, bytes.length)).isEqualTo(viaMapper(bytes));
    }

    @Example
    void emptyAndBlankInputIsNoValue() throws IOException {
        assertThat(JsonValueReader.read(" \n")).isNull();
        assertThat(JsonValueReader.read(new byte[0], 0, 0)).isNull();
    }

    /** The old path: the mapper's tree, converted; {@code null} for no value. */
    private static JsonValue viaMapper(byte[] bytes) throws IOException {
        JsonNode node = Json.mapper().readTree(bytes);
        return node == null || node.isMissingNode() ? null : JsonValues.fromJackson(node);
    }

    /** Whether this Jackson's mapper fails on the text (before 2.16: a number beyond BigDecimal). */
    static boolean jacksonRejects(byte[] bytes) {
        return !(outcome(() -> viaMapper(bytes)) instanceof Optional);
    }

    private interface Read {
        Object read() throws IOException;
    }

    /** The value read (or an empty optional for none), or the type of the exception thrown. */
    private static Object outcome(Read r) {
        try {
            return Optional.ofNullable(r.read());
        } catch (IOException | RuntimeException e) {
            return e.getClass();
        }
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> overflow =
                Arbitraries.of("1e99999999999", "[-1E+99999999999, 1]", "{\"t\":1e99999999999,\"u\":\"x\"}");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, texts.texts()), net.jqwik.api.Tuple.of(1, overflow));
    }

    @Provide
    Arbitrary<String> junk() {
        return texts.junk();
    }
}
