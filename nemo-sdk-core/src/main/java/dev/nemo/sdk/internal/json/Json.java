package dev.nemo.sdk.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The SDK's one Jackson configuration. Trees keep numbers exactly (big integers, decimals with
 * their scale, also beyond the range of a double) and key order, so a draft read from the server
 * is written back unchanged, on every supported Jackson version.
 *
 * <p>Trees are read and written with the streaming API alone ({@link ExactTreeReader},
 * {@link ExactTreeWriter}); the mapper, costly to build, is built on first use by what still needs
 * it. The SDK reads and writes trees only, so no date/time module is added.
 */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    /** {@return the shared, thread-safe streaming factory, configured as the mapper's} */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** {@return a new, empty object node, made without the mapper} */
    public static ObjectNode newObject() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** {@return the shared, thread-safe mapper, built on the first call} */
    public static ObjectMapper mapper() {
        return Mapper.instance();
    }

    /**
     * {@return the tree}
     *
     * @param bytes UTF-8 JSON
     * @throws IOException when it is not JSON
     */
    public static JsonNode parse(byte[] bytes) throws IOException {
        return ExactTreeReader.readAndClose(FACTORY.createParser(bytes));
    }

    /**
     * {@return the tree}
     *
     * @param bytes UTF-8 JSON
     * @param offset where it starts
     * @param length how long it is
     * @throws IOException when it is not JSON
     */
    public static JsonNode parse(byte[] bytes, int offset, int length) throws IOException {
        return ExactTreeReader.readAndClose(FACTORY.createParser(bytes, offset, length));
    }

    /**
     * {@return the tree}
     *
     * @param json JSON text
     * @throws UncheckedIOException when it is not JSON
     */
    public static JsonNode parse(String json) {
        try {
            return ExactTreeReader.readAndClose(FACTORY.createParser(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@return its compact JSON as UTF-8, numbers in the form they were read (see {@link ExactNumbers})}
     *
     * @param value a tree or a value Jackson can write
     */
    public static byte[] write(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(value, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * {@return its compact JSON, numbers in the form they were read (see {@link ExactNumbers})}
     *
     * @param value a tree or a value Jackson can write
     */
    public static String writeString(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(value, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(Object value, JsonGenerator g) throws IOException {
        if (value instanceof JsonNode node && ExactTreeWriter.canWrite(node)) {
            ExactTreeWriter.write(node, g);
        } else {
            Mapper.write(value, g);
        }
    }

    /**
     * Holds the mapper, so that it is built when first asked for; all code naming the mapper's
     * types is here, so that loading {@link Json} does not load them (the verifier would).
     */
    private static final class Mapper {
        private static final JsonMapper INSTANCE = JsonMapper.builder()
                .addModule(new SimpleModule("nemo-exact-trees")
                        .addDeserializer(JsonNode.class, new ExactTreeDeserializer()))
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();

        static ObjectMapper instance() {
            return INSTANCE;
        }

        static void write(Object value, JsonGenerator g) throws IOException {
            INSTANCE.writeValue(new ExactNumbers(g), value);
        }
    }

    /**
     * Writes a decimal of scale 0 (read from a literal such as {@code 1e0}) as {@code 1E0} rather
     * than {@code 1}, which would read back as an integer: JSON written by the SDK reads back as an
     * equal tree, decimal stays decimal.
     */
    static final class ExactNumbers extends JsonGeneratorDelegate {
        ExactNumbers(JsonGenerator delegate) {
            super(delegate, false);
        }

        @Override
        public void writeNumber(BigDecimal v) throws IOException {
            if (v != null && v.scale() == 0) {
                delegate.writeNumber(v.toString() + "E0");
            } else {
                super.writeNumber(v);
            }
        }
    }
}
