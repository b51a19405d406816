package dev.nemo.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.error.DecodeException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.internal.json.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Envelope decoding over generated JSON. */
class EnvelopeProperties {
    private static final ResponseMapper.Context CTX =
            new ResponseMapper.Context("GET", "/x", null, Clock.systemUTC(), false);

    @Provide
    Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(s -> JsonNodeFactory.instance.textNode(s)),
                Arbitraries.longs().map(l -> JsonNodeFactory.instance.numberNode(l)),
                Arbitraries.bigIntegers()
                        .between(BigInteger.TWO.pow(63), BigInteger.TWO.pow(80))
                        .map(b -> JsonNodeFactory.instance.numberNode(b)),
                Arbitraries.of(true, false).map(b -> JsonNodeFactory.instance.booleanNode(b)),
                Arbitraries.just(JsonNodeFactory.instance.nullNode()));
        return Arbitraries.recursive(() -> leaves, this::objectOf, 3);
    }

    private Arbitrary<JsonNode> objectOf(Arbitrary<JsonNode> inner) {
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), inner)
                .ofMaxSize(4)
                .map(m -> {
                    ObjectNode o = JsonNodeFactory.instance.objectNode();
                    m.forEach(o::set);
                    return o;
                });
    }

    @Provide
    Arbitrary<ObjectNode> unknownFields() {
        return Arbitraries.maps(
                        Arbitraries.strings()
                                .alpha()
                                .ofMinLength(1)
                                .ofMaxLength(8)
                                .filter(k -> !k.equals("code")
                                        && !k.equals("data")
                                        && !k.equals("success")
                                        && !k.equals("message")),
                        values())
                .ofMaxSize(5)
                .map(m -> {
                    ObjectNode o = JsonNodeFactory.instance.objectNode();
                    m.forEach(o::set);
                    return o;
                });
    }

    @Property(tries = 300)
    void successEnvelopeYieldsDataWhateverElseItCarries(
            @ForAll("values") JsonNode data, @ForAll("unknownFields") ObjectNode extra, @ForAll boolean codeAsString) {
        ObjectNode envelope = extra.deepCopy();
        if (codeAsString) {
            envelope.put("code", "0");
        } else {
            envelope.put("code", 0);
        }
        envelope.set("data", data);

        JsonNode payload = ResponseMapper.payload(200, "application/json", null, Json.write(envelope), CTX);

        if (data.isNull()) {
            assertThat(payload.isMissingNode() || payload.isNull()).isTrue();
        } else {
            assertThat(Json.writeString(payload)).isEqualTo(Json.writeString(data));
        }
    }

    @Property(tries = 300)
    void bigNumbersSurviveDecoding(@ForAll("unknownFields") ObjectNode extra) {
        String big = "123456789012345678901234567890";
        String json = "{\"code\":0,\"data\":{\"session_id\":" + big + ",\"ratio\":1.50}}";

        JsonNode payload = ResponseMapper.payload(200, null, null, json.getBytes(StandardCharsets.UTF_8), CTX);

        assertThat(payload.get("session_id").bigIntegerValue()).isEqualTo(new BigInteger(big));
        assertThat(payload.get("ratio").decimalValue().toPlainString()).isEqualTo("1.50");
    }

    @Property(tries = 300)
    void nonZeroCodesAlwaysFailWithTheCodeKept(
            @ForAll("codes") int code,
            @ForAll("unknownFields") ObjectNode extra,
            @ForAll("okOrClientError") int status) {
        ObjectNode envelope = extra.deepCopy();
        envelope.put("code", code);

        Throwable t = catchThrowable(
                () -> ResponseMapper.payload(status, "application/json", null, Json.write(envelope), CTX));

        assertThat(t).isInstanceOf(NemoException.class);
        assertThat(((NemoException) t).apiCode()).hasValue(code);
        assertThat(((NemoException) t).httpStatus()).isEqualTo(status);
    }

    @Provide
    Arbitrary<Integer> codes() {
        return Arbitraries.oneOf(
                Arbitraries.of(1001, 1002, 2001, 4001, 4002),
                Arbitraries.integers().between(1, 99999));
    }

    @Provide
    Arbitrary<Integer> okOrClientError() {
        return Arbitraries.of(200, 400, 401, 403, 404, 409, 422);
    }

    @Property(tries = 300)
    void renderEnvelopesUnwrapDataOrKeepTopLevelForms(@ForAll("values") JsonNode inner, @ForAll boolean wrapped) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("status", "completed");
        data.set("extra", inner);
        ObjectNode body = wrapped
                ? JsonNodeFactory.instance.objectNode().put("success", true).set("data", data)
                : data;

        JsonNode payload = ResponseMapper.payload(200, null, null, Json.write(body), CTX);

        assertThat(payload.get("status").asText()).isEqualTo("completed");
        assertThat(Json.writeString(payload.get("extra"))).isEqualTo(Json.writeString(inner));
    }

    @Property(tries = 300)
    void arbitraryBytesNeverThrowAnythingButTypedErrors(@ForAll byte[] body, @ForAll("anyStatus") int status) {
        Throwable t = catchThrowable(() -> ResponseMapper.payload(status, null, null, body, CTX));

        if (t != null) {
            assertThat(t).isInstanceOf(NemoException.class);
            assertThat(((NemoException) t).httpStatus()).isEqualTo(status);
        }
        if (status >= 200 && status < 300 && t == null) {
            assertThat(new String(body, StandardCharsets.UTF_8).strip()).startsWith("{");
        }
    }

    @Property(tries = 300)
    void truncatedEnvelopesAreDecodeErrors(@ForAll("values") JsonNode data, @ForAll("fraction") double cut) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode().put("code", 0);
        envelope.set("data", data);
        byte[] full = Json.write(envelope);
        int len = (int) (full.length * cut);
        byte[] truncated = java.util.Arrays.copyOf(full, Math.min(len, full.length - 1));

        assertThat(catchThrowable(() -> ResponseMapper.payload(200, null, null, truncated, CTX)))
                .isInstanceOf(DecodeException.class);
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0.0, 0.99).ofScale(2);
    }

    @Provide
    Arbitrary<Integer> anyStatus() {
        return Combinators.combine(
                        Arbitraries.of(200, 201, 204, 400, 401, 402, 404, 429, 500, 502, 503), Arbitraries.just(0))
                .as(Integer::sum);
    }
}
