package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.testkit.internal.JsonBridge;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/upload-video/nemo_agent/me/<sid>}: multipart and URL forms, sniffing, limits, probing. */
class UploadTest {
    private static final int LIMIT = 256 * 1024;
    private NemoEmulator emulator;
    private Http http;
    private String sid;

    @BeforeEach
    void start() {
        emulator = NemoEmulator.start(
                EmulatorOptions.builder().uploadLimitBytes(LIMIT).build());
        http = new Http(emulator).login("upload-client");
        sid = http.newSession();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void severalFilesInOneRequestAreProbedAndPutOnTheTimeline() {
        byte[] gif = TestMedia.gif(320, 240, 10, 10, 10, 10);
        byte[] apng = TestMedia.apng(200, 100, 1, 10, 3, 20);
        byte[] mp4 = TestMedia.mp4(1280, 720, 1000, 2500, 75);
        byte[] png = TestMedia.png(64, 48);

        JsonNode r = Http.json(http.upload(
                sid,
                Http.Part.file("a.gif", gif),
                Http.Part.file("b.apng", apng),
                Http.Part.file("c.mp4", mp4),
                Http.Part.file("d.png", png)));

        JsonNode files = r.path("data").path("files");
        assertThat(files).hasSize(4);
        assertFile(files.get(0), "a.gif", "image", "image/gif", 320, 240, 0.4);
        assertThat(files.get(0).path("frames").asInt()).isEqualTo(4);
        assertThat(files.get(0).path("fps").asDouble()).isEqualTo(10.0);
        assertFile(files.get(1), "b.apng", "image", "image/apng", 200, 100, 0.25);
        assertFile(files.get(2), "c.mp4", "video", "video/mp4", 1280, 720, 2.5);
        assertThat(files.get(2).path("fps").asDouble()).isEqualTo(30.0);
        assertFile(files.get(3), "d.png", "image", "image/png", 64, 48, -1);
        assertThat(files.get(3).has("duration")).isFalse();
        assertThat(files.findValuesAsText("hash"))
                .doesNotHaveDuplicates()
                .allSatisfy(h -> assertThat(h).hasSize(32));

        JsonNode draft = JsonBridge.toJackson(emulator.draft(sid).orElseThrow());
        JsonNode segments = draft.path("t").get(0).path("sg");
        assertThat(segments).hasSize(4);
        assertThat(segments.findValuesAsText("start")).containsExactly("0", "400", "650", "3150");
        assertThat(segments.findValuesAsText("duration")).containsExactly("400", "250", "2500", "5000");
        assertThat(segments.findValuesAsText("label")).containsExactly("a.gif", "b.apng", "c.mp4", "d.png");
        assertThat(segments.findValuesAsText("src")).containsExactlyElementsOf(files.findValuesAsText("cdn_url"));
        assertThat(draft.path("d").asLong()).isEqualTo(8150);
        assertThat(draft.path("m").path("width").asInt()).isEqualTo(320);
        assertThat(emulator.session(sid).orElseThrow().videoInfos()).hasSize(4);
    }

    @Test
    void theUploadedBytesAreServedByTheCdn() {
        byte[] gif = TestMedia.gif(10, 10, 10, 10);
        String url = Http.json(http.upload(sid, Http.Part.file("tiny cat.gif", gif)))
                .at("/data/files/0/cdn_url")
                .asText();

        HttpResponse<byte[]> r = new Http(emulator).getBytes(url);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("image/gif");
        assertThat(r.body()).isEqualTo(gif);
        assertThat(url).contains("tiny%20cat.gif");
    }

    @Test
    void contentDecidesTheTypeNotTheFileName() {
        JsonNode text =
                Http.json(http.upload(sid, Http.Part.file("fake.gif", "not a gif".getBytes(StandardCharsets.UTF_8))));
        assertThat(text.path("code").asInt()).isEqualTo(4001);
        assertThat(text.path("message").asText()).contains("fake.gif");

        JsonNode pdf = Http.json(
                http.upload(sid, Http.Part.file("doc.gif", "%PDF-1.7\n...".getBytes(StandardCharsets.UTF_8))));
        assertThat(pdf.path("code").asInt()).isEqualTo(4001);

        JsonNode empty = Http.json(http.upload(sid, Http.Part.file("empty.gif", new byte[0])));
        assertThat(empty.path("code").asInt()).isEqualTo(4001);

        JsonNode renamed = Http.json(http.upload(sid, Http.Part.file("movie.txt", TestMedia.mp4(16, 16, 600, 600, 1))));
        assertThat(renamed.at("/data/files/0/mime_type").asText()).isEqualTo("video/mp4");
        assertThat(emulator.session(sid).orElseThrow().videoInfos())
                .as("refused uploads change nothing")
                .hasSize(1);
    }

    @Test
    void aFileOverTheLimitIsRefusedAndTheClientStillGetsTheAnswer() {
        byte[] head = TestMedia.gif(10, 10, 10);
        long declared = 8L * 1024 * 1024;
        AtomicLong produced = new AtomicLong();
        String boundary = "b0und4ry";
        byte[] prefix = ("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.gif\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = http.authed(HttpRequest.newBuilder(http.uri("/api/upload-video/nemo_agent/me/" + sid)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
                    @Override
                    public int read() {
                        byte[] one = new byte[1];
                        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        long at = produced.get();
                        if (at >= declared) {
                            return -1;
                        }
                        int n = (int) Math.min(len, declared - at);
                        for (int i = 0; i < n; i++) {
                            long p = at + i;
                            b[off + i] = p < prefix.length
                                    ? prefix[(int) p]
                                    : p - prefix.length < head.length ? head[(int) (p - prefix.length)] : 0;
                        }
                        produced.addAndGet(n);
                        return n;
                    }
                }))
                .build();

        HttpResponse<String> r;
        try {
            r = Http.client().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }

        assertThat(Http.json(r).path("code").asInt()).isEqualTo(4002);
        assertThat(Http.json(r).path("message").asText()).contains("big.gif").contains("256 KB");
        assertThat(emulator.session(sid).orElseThrow().videoInfos()).isEmpty();
    }

    @Test
    void aFileExactlyAtTheLimitIsAccepted() {
        byte[] gif = Arrays.copyOf(TestMedia.gif(10, 10, 10), LIMIT);
        JsonNode r = Http.json(http.upload(sid, Http.Part.file("edge.gif", gif)));
        assertThat(r.path("code").asInt()).isZero();
        assertThat(r.at("/data/files/0/size").asInt()).isEqualTo(LIMIT);

        JsonNode over = Http.json(http.upload(sid, Http.Part.file("over.gif", Arrays.copyOf(gif, LIMIT + 1))));
        assertThat(over.path("code").asInt()).isEqualTo(4002);
    }

    @Test
    void theJsonFormFetchesRegisteredAndOwnCdnUrls() {
        byte[] mp4 = TestMedia.mp4(640, 480, 90000, 90000 * 3, 90);
        emulator.registerRemoteMedia("https://example.com/clip.mp4?sig=abc", mp4);

        JsonNode r = Http.json(http.post(
                "/api/upload-video/nemo_agent/me/" + sid,
                "{\"urls\":[\"https://example.com/clip.mp4?sig=abc\"],\"source_type\":\"url\"}"));
        assertThat(r.path("code").asInt()).isZero();
        JsonNode file = r.at("/data/files/0");
        assertFile(file, "clip.mp4", "video", "video/mp4", 640, 480, 3.0);

        String again = Http.json(http.post(
                        "/api/upload-video/nemo_agent/me/" + sid,
                        "{\"urls\":[\"" + file.path("cdn_url").asText() + "\"],\"source_type\":\"url\"}"))
                .at("/data/files/0/hash")
                .asText();
        assertThat(again).isEqualTo(file.path("hash").asText());

        HttpResponse<String> unknown = http.post(
                "/api/upload-video/nemo_agent/me/" + sid,
                "{\"urls\":[\"https://example.com/other.mp4\"],\"source_type\":\"url\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("registerRemoteMedia");
    }

    @Test
    void malformedMultipartAndWrongFieldsAreRefused() {
        HttpResponse<String> noClose = http.send(http.authed(
                        HttpRequest.newBuilder(http.uri("/api/upload-video/nemo_agent/me/" + sid)))
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"files\"; "
                        + "filename=\"a.gif\"\r\n\r\nGIF89a....")));
        assertThat(noClose.statusCode()).isEqualTo(400);
        assertThat(noClose.body()).contains("no closing boundary");

        HttpResponse<String> wrongField = http.upload(sid, new Http.Part("file", "a.gif", TestMedia.gif(1, 1, 1)));
        assertThat(wrongField.statusCode()).isEqualTo(400);
        assertThat(wrongField.body()).contains("'files'");

        HttpResponse<String> noBoundary =
                http.send(http.authed(HttpRequest.newBuilder(http.uri("/api/upload-video/nemo_agent/me/" + sid)))
                        .header("Content-Type", "multipart/form-data")
                        .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(noBoundary.statusCode()).isEqualTo(400);

        HttpResponse<String> octets =
                http.send(http.authed(HttpRequest.newBuilder(http.uri("/api/upload-video/nemo_agent/me/" + sid)))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(octets.statusCode()).isEqualTo(415);
    }

    @Test
    void anotherUsersOrAnUnknownSessionIs1002() {
        assertThat(Http.json(http.upload("123", Http.Part.file("a.gif", TestMedia.gif(1, 1, 1))))
                        .path("code")
                        .asInt())
                .isEqualTo(1002);
        Http other = new Http(emulator).login("someone-else");
        assertThat(Http.json(other.upload(sid, Http.Part.file("a.gif", TestMedia.gif(1, 1, 1))))
                        .path("code")
                        .asInt())
                .isEqualTo(1002);
    }

    private static void assertFile(JsonNode f, String name, String type, String mime, int w, int h, double duration) {
        assertThat(f.path("filename").asText()).isEqualTo(name);
        assertThat(f.path("file_type").asText()).isEqualTo(type);
        assertThat(f.path("mime_type").asText()).isEqualTo(mime);
        assertThat(f.path("width").asInt()).isEqualTo(w);
        assertThat(f.path("height").asInt()).isEqualTo(h);
        if (duration >= 0) {
            assertThat(f.path("duration").asDouble()).isEqualTo(duration);
        }
    }
}
