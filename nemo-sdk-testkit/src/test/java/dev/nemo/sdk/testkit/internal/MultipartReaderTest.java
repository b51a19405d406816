package dev.nemo.sdk.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {
    private static final String BOUNDARY = "XyZ--b0undary";

    /** A part to encode. */
    record Spec(String name, String filename, byte[] content) {}

    static byte[] encode(List<Spec> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("preamble to ignore\r\n".getBytes(StandardCharsets.US_ASCII));
        for (Spec p : parts) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                            + (p.filename() == null ? "" : "; filename=\"" + p.filename() + "\"")
                            + "\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\nepilogue").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Hands out the body in chunks of random sizes, as a network would. */
    static InputStream chunked(byte[] body, long seed, int maxChunk) {
        Random random = new Random(seed);
        return new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(maxChunk)));
            }
        };
    }

    static List<Spec> readAll(InputStream in) throws IOException {
        MultipartReader reader = new MultipartReader(in, BOUNDARY);
        List<Spec> out = new ArrayList<>();
        MultipartReader.Part p;
        while ((p = reader.next()) != null) {
            out.add(new Spec(p.name(), p.filename(), p.body().readAllBytes()));
        }
        return out;
    }

    @Test
    void partsCanBeSkippedWithoutReadingThem() throws IOException {
        byte[] body = encode(List.of(
                new Spec("a", null, "one".getBytes(StandardCharsets.US_ASCII)),
                new Spec("files", "x.gif", "two".getBytes(StandardCharsets.US_ASCII))));
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), BOUNDARY);

        assertThat(reader.next().name()).isEqualTo("a");
        MultipartReader.Part second = reader.next();
        assertThat(second.filename()).isEqualTo("x.gif");
        assertThat(new String(second.body().readAllBytes(), StandardCharsets.US_ASCII))
                .isEqualTo("two");
        assertThat(reader.next()).isNull();
        assertThat(reader.next()).isNull();
    }

    @Test
    void strictAboutHeaders() {
        String noDisposition = "--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + BOUNDARY + "--";
        String notFormData =
                "--" + BOUNDARY + "\r\nContent-Disposition: attachment; name=\"f\"\r\n\r\nx\r\n--" + BOUNDARY + "--";
        String badHeader = "--" + BOUNDARY + "\r\nnonsense\r\n\r\nx\r\n--" + BOUNDARY + "--";
        String noCrlf = "--" + BOUNDARY + "junk";
        String hugeHeader = "--" + BOUNDARY + "\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\nx\r\n--" + BOUNDARY + "--";
        String noBoundaryAtAll = "just some text ".repeat(10_000);
        for (String body : List.of(noDisposition, notFormData, badHeader, noCrlf, hugeHeader, noBoundaryAtAll)) {
            assertThatThrownBy(() -> readAll(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                    .as(body.substring(0, Math.min(40, body.length())))
                    .isInstanceOf(MultipartReader.MalformedMultipartException.class);
        }
    }

    @Test
    void parsesContentTypeParametersAndExtendedFilenames() throws IOException {
        assertThat(MultipartReader.boundary("multipart/form-data; boundary=\"a b\\\"c\""))
                .isEqualTo("a b\"c");
        assertThat(MultipartReader.boundary("multipart/form-data;charset=utf-8; BOUNDARY=abc"))
                .isEqualTo("abc");
        assertThat(MultipartReader.boundary("multipart/form-data")).isNull();
        String body =
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"fallback.gif\"; "
                        + "filename*=UTF-8''%E5%8A%A8%E5%9B%BE.gif\r\n\r\nx\r\n--" + BOUNDARY + "--";
        assertThat(readAll(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)))
                        .get(0)
                        .filename())
                .isEqualTo("动图.gif");
    }
}
