package dev.nemo.sdk.upload;

import static dev.nemo.sdk.upload.MultipartEncodingTest.body;
import static dev.nemo.sdk.upload.MultipartEncodingTest.scalarValues;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.internal.upload.Multipart;
import dev.nemo.sdk.upload.MultipartEncodingTest.Spec;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Any parts, names and chunkings round-trip through the independent strict parser. */
class MultipartEncodingProperties {

    @Provide
    Arbitrary<String> fileNames() {
        Arbitrary<String> tricky = Arbitraries.of(
                        "\"",
                        "\r",
                        "\n",
                        "\r\n",
                        "\\",
                        ";",
                        "=",
                        "猫",
                        "😀",
                        "é",
                        "\u0000",
                        "\t",
                        " ",
                        "--",
                        "%0A-not-escaped",
                        "name=\"x\"",
                        "\uD800",
                        "\uDC00")
                .list()
                .ofMaxSize(6)
                .map(l -> String.join("", l));
        return Combinators.combine(
                        Arbitraries.strings().ofMaxLength(20),
                        tricky,
                        Arbitraries.of(".gif", ".mp4", ".png", "", ".apng"))
                .as((a, b, ext) -> a + b + ext)
                .filter(s -> !s.isEmpty());
    }

    @Provide
    Arbitrary<Spec> specs() {
        return Combinators.combine(
                        fileNames(),
                        Arbitraries.of("image/gif", "video/mp4", "image/apng", "application/octet-stream"),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
                        Arbitraries.integers()
                                .between(1, 700)
                                .array(int[].class)
                                .ofMinSize(1)
                                .ofMaxSize(4),
                        Arbitraries.of(true, true, false))
                .as(Spec::new);
    }

    @Provide
    Arbitrary<List<Spec>> specLists() {
        return specs().list().ofMaxSize(5);
    }

    @Property(tries = 300)
    void anyPartsRoundTripThroughTheIndependentParser(
            @ForAll("specLists") List<Spec> specs, @ForAll @IntRange(min = 1, max = 9) int request) {
        String boundary = Multipart.newBoundary();
        HttpRequest.BodyPublisher body = body(boundary, specs);
        AtomicInteger calls = new AtomicInteger();
        Bodies.Drained drained = Bodies.drain(body, () -> 1 + (request * calls.incrementAndGet()) % 9);
        assertThat(drained.error()).isNull();
        byte[] bytes = drained.bytes();
        if (specs.stream().allMatch(Spec::lengthKnown)) {
            assertThat(body.contentLength()).isEqualTo(bytes.length);
        } else {
            assertThat(body.contentLength()).isEqualTo(-1);
        }
        List<StrictMultipartParser.Part> parts = StrictMultipartParser.parse(Multipart.contentType(boundary), bytes);
        assertThat(parts).hasSameSizeAs(specs);
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            StrictMultipartParser.Part p = parts.get(i);
            assertThat(p.name()).isEqualTo("files");
            assertThat(p.contentType()).isEqualTo(s.contentType());
            assertThat(p.content()).isEqualTo(s.content());
            if (!s.fileName().contains("%")) {
                assertThat(p.fileName()).isEqualTo(scalarValues(s.fileName()));
            }
        }
    }
}
