package dev.nemo.sdk.testkit.internal;

import static dev.nemo.sdk.testkit.internal.MultipartReaderTest.chunked;
import static dev.nemo.sdk.testkit.internal.MultipartReaderTest.encode;
import static dev.nemo.sdk.testkit.internal.MultipartReaderTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.testkit.internal.MultipartReaderTest.Spec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The emulator's streaming multipart reader on any parts and any chunking of the body. */
class MultipartReaderProperties {

    @Provide
    Arbitrary<List<Spec>> parts() {
        Arbitrary<byte[]> content = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
                Arbitraries.strings()
                        .withChars("\r\n-XyZb0undary")
                        .ofMaxLength(200)
                        .map(s -> s.getBytes(StandardCharsets.US_ASCII)));
        Arbitrary<Spec> part = Combinators.combine(
                        Arbitraries.of("files", "other", "files"),
                        Arbitraries.strings()
                                .alpha()
                                .numeric()
                                .ofMinLength(1)
                                .ofMaxLength(12)
                                .injectNull(0.2),
                        content)
                .as(Spec::new);
        return part.list().ofMaxSize(6);
    }

    @Property(tries = 300)
    void readsBackWhatWasEncodedWhateverTheChunking(
            @ForAll("parts") List<Spec> parts, @ForAll long seed, @ForAll @IntRange(min = 1, max = 100) int maxChunk)
            throws IOException {
        List<Spec> read = readAll(chunked(encode(parts), seed, maxChunk));

        assertThat(read).hasSize(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            assertThat(read.get(i).name()).isEqualTo(parts.get(i).name());
            assertThat(read.get(i).filename()).isEqualTo(parts.get(i).filename());
            assertThat(read.get(i).content()).isEqualTo(parts.get(i).content());
        }
    }

    @Property(tries = 200)
    void anyTruncationIsMalformedNeverAHangOrAPartialSuccess(
            @ForAll("parts") @Size(min = 1) List<Spec> parts, @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        byte[] whole = encode(parts);
        int end = whole.length - "--\r\nepilogue".length();
        byte[] truncated = java.util.Arrays.copyOf(whole, Math.min(cut, end));

        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(truncated)))
                .isInstanceOf(MultipartReader.MalformedMultipartException.class);
    }
}
