package dev.nemo.sdk.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The chat request body is the JSON a generator writes, for any session id and message (read back
 * as the same tree; the generator escapes characters outside the BMP, the body writes them as
 * UTF-8), and exactly the generator's bytes for a string with a lone surrogate.
 */
class ChatBodyProperties {

    @Provide
    Arbitrary<String> texts() {
        // every char, lone surrogates and controls included, and the ones JSON escapes, often
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> escaped = Arbitraries.strings()
                .withChars("\"\\/\b\f\n\r\t\u0000\u001f\u007f\u2028é中")
                .ofMaxLength(12);
        Arbitrary<String> pairs = Arbitraries.of("😀", "🎵", "\uD83D", "\uDE00", "a", "\"")
                .list()
                .ofMaxSize(6)
                .map(parts -> String.join("", parts));
        return Arbitraries.oneOf(any, escaped, pairs);
    }

    @Property(tries = 2000)
    void theBodyIsWhatAGeneratorWrites(
            @ForAll("texts") String sessionId, @ForAll("texts") String message, @ForAll boolean streaming) {
        assertThat(outcome(() -> DefaultChatApi.body(sessionId, message, streaming)))
                .isEqualTo(outcome(() -> DefaultChatApi.generatedBody(sessionId, message, streaming)));
    }

    @Property(tries = 500)
    void aLoneSurrogateIsWrittenAsTheGeneratorWritesIt(@ForAll("texts") String message, @ForAll boolean streaming) {
        String lone = message + "\uD800" + message;

        assertThat(bytes(() -> DefaultChatApi.body("s", lone, streaming)))
                .isEqualTo(bytes(() -> DefaultChatApi.generatedBody("s", lone, streaming)));
    }

    @Example
    void aMessageReadsBackAsTheDocumentedRequest() throws Exception {
        byte[] body = DefaultChatApi.body("4815162342", "add a title \"Urban Dreams\"\n压缩 🎵", true);

        assertThat(Json.mapper().readTree(body))
                .isEqualTo(Json.mapper()
                        .createObjectNode()
                        .put("app_name", "nemo_agent")
                        .put("user_id", "me")
                        .put("session_id", "4815162342")
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                                "new_message",
                                Json.mapper()
                                        .createObjectNode()
                                        .set(
                                                "parts",
                                                Json.mapper()
                                                        .createArrayNode()
                                                        .add(Json.mapper()
                                                                .createObjectNode()
                                                                .put("text", "add a title \"Urban Dreams\"\n压缩 🎵"))))
                        .put("streaming", true));
    }

    /** {@return the JSON tree written, or the type of the failure} */
    private static Object outcome(BodyWriter writer) {
        try {
            return Json.mapper().readTree(writer.write());
        } catch (IOException | RuntimeException e) {
            return e.getClass().getName();
        }
    }

    /** {@return the bytes written, as Latin-1 text (one char per byte), or the type of the failure (an older Jackson may refuse it)} */
    private static Object bytes(BodyWriter writer) {
        try {
            byte[] written = writer.write();
            return new String(written, StandardCharsets.ISO_8859_1);
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }

    @FunctionalInterface
    private interface BodyWriter {
        byte[] write();
    }
}
