package dev.nemo.sdk.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
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
 * <p>Built once when this class is initialised (the client's constructor does that, so the first
 * call does not pay for it); the SDK reads and writes trees only, so no date/time module is added.
 */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(
                    new SimpleModule("nemo-exact-trees").addDeserializer(JsonNode.class, new ExactTreeDeserializer()))
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private Json() {}

    /** {@return the shared, thread-safe mapper} */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * {@return the tree}
     *
     * @param bytes UTF-8 JSON
     * @throws IOException when it is not JSON
     */
    public static JsonNode parse(byte[] bytes) throws IOException {
        return MAPPER.readTree(bytes);
    }

    /**
     * {@return the tree}
     *
     * @param json JSON text
     * @throws UncheckedIOException when it is not JSON
     */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
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
        try (JsonGenerator g = new ExactNumbers(MAPPER.getFactory().createGenerator(out))) {
            MAPPER.writeValue(g, value);
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
        try (JsonGenerator g = new ExactNumbers(MAPPER.getFactory().createGenerator(out))) {
            MAPPER.writeValue(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
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
