package dev.nemo.sdk.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.internal.upload.Multipart;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The multipart encoder against the independent strict parser. */
class MultipartEncodingTest {

    record Spec(String fileName, String contentType, byte[] content, int[] chunks, boolean lengthKnown) {}

    static HttpRequest.BodyPublisher body(String boundary, List<Spec> specs) {
        List<Multipart.Part> parts = new ArrayList<>();
        for (Spec s : specs) {
            parts.add(new Multipart.Part(
                    "files",
                    s.fileName(),
                    s.contentType(),
                    s.lengthKnown() ? s.content().length : -1,
                    () -> Bodies.chunked(s.content(), s.chunks(), null)));
        }
        return Multipart.body(boundary, parts);
    }

    /** What the name must read as after a round trip: unpaired surrogates become U+FFFD. */
    static String scalarValues(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else {
                b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    @Test
    void headerBytesAreExactlyTheRfc7578FormWithWhatwgEscaping() {
        byte[] header = Multipart.header(
                "BOUNDARY", true, new Multipart.Part("files", "my \"best\"\r\nclip 猫.gif", "image/gif", 3, () -> null));
        assertThat(new String(header, StandardCharsets.UTF_8))
                .isEqualTo("--BOUNDARY\r\n"
                        + "Content-Disposition: form-data; name=\"files\"; filename=\"my %22best%22%0D%0Aclip 猫.gif\"\r\n"
                        + "Content-Type: image/gif\r\n\r\n");
        assertThat(new String(Multipart.trailer("BOUNDARY", false), StandardCharsets.US_ASCII))
                .isEqualTo("\r\n--BOUNDARY--\r\n");
    }

    @Test
    void boundariesAreLongRandomAndLegal() {
        String a = Multipart.newBoundary();
        String b = Multipart.newBoundary();
        assertThat(a).isNotEqualTo(b).hasSizeBetween(27, 70).matches("[0-9A-Za-z]+");
        assertThat(Multipart.contentType(a)).isEqualTo("multipart/form-data; boundary=" + a);
    }

    @Test
    void twoFilesRoundTripWithExactContentLength() {
        String boundary = Multipart.newBoundary();
        List<Spec> specs = List.of(
                new Spec("a.gif", "image/gif", "GIF89a-one".getBytes(StandardCharsets.US_ASCII), new int[] {3}, true),
                new Spec("b.mp4", "video/mp4", new byte[70_000], new int[] {8192}, true));
        HttpRequest.BodyPublisher body = body(boundary, specs);
        byte[] bytes = Bodies.drain(body, () -> 1).bytes();
        assertThat(body.contentLength()).isEqualTo(bytes.length);
        List<StrictMultipartParser.Part> parts = StrictMultipartParser.parse(Multipart.contentType(boundary), bytes);
        assertThat(parts).extracting(StrictMultipartParser.Part::name).containsExactly("files", "files");
        assertThat(parts).extracting(StrictMultipartParser.Part::fileName).containsExactly("a.gif", "b.mp4");
        assertThat(parts).extracting(StrictMultipartParser.Part::contentType).containsExactly("image/gif", "video/mp4");
        assertThat(parts.get(0).content()).isEqualTo(specs.get(0).content());
        assertThat(parts.get(1).content()).isEqualTo(specs.get(1).content());
    }

    @Test
    void anUnknownLengthMakesTheWholeBodyLengthUnknown() {
        String boundary = Multipart.newBoundary();
        HttpRequest.BodyPublisher body = body(
                boundary,
                List.of(
                        new Spec("a.gif", "image/gif", new byte[10], new int[0], true),
                        new Spec("b.gif", "image/gif", new byte[10], new int[0], false)));
        assertThat(body.contentLength()).isEqualTo(-1);
        assertThat(StrictMultipartParser.parse(
                        Multipart.contentType(boundary),
                        Bodies.drain(body, () -> 2).bytes()))
                .hasSize(2);
    }
}
