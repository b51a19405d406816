package dev.nemo.sdk.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.error.MediaSourceException;
import dev.nemo.sdk.error.RateLimitedException;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.upload.MediaSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP 429 on every POST with a body (issue 15): the SDK waits {@code Retry-After} (virtual time),
 * sends the body once more, byte for byte the same, and then gives up with
 * {@link RateLimitedException}. A stream that cannot be opened a second time ends in a
 * {@link MediaSourceException} instead of a second, empty or partial, body.
 */
class RateLimitedBodiesTest {
    private static final String SID = "5529798706024415232";
    private static final String REFUSAL = "{\"code\":429,\"message\":\"slow down\"}";
    private static final String TOO_MANY =
            "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + REFUSAL.length() + "\r\nConnection: close\r\n\r\n" + REFUSAL;

    @TempDir
    Path dir;

    private final VirtualTime time = VirtualTime.create();
    private RawFaultServer server;
    private NemoClient client;

    @BeforeEach
    void start() throws IOException {
        server = new RawFaultServer((s, out) -> {
            RawFaultServer.write(out, TOO_MANY);
            RawFaultServer.close(s);
        });
        client = NemoClient.builder()
                .baseUrl("http://127.0.0.1:" + server.port())
                .environment(Map.of())
                .configDirectory(dir.resolve("config"))
                .clock(time)
                .sleeper(time)
                .token(TestTokens.EXPLICIT)
                .requestTimeout(Duration.ofSeconds(20))
                .build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    @Test
    void anUploadFromAFileIsSentTwiceByteForByteAfterRetryAfter() throws IOException {
        Path gif = Files.write(dir.resolve("cat.gif"), gif(96 * 1024));

        Throwable error = catchThrowable(() -> client.uploads().upload(SID, gif));

        assertRateLimitedAfterOneExactResend(error, "/api/upload-video/nemo_agent/me/" + SID);
        assertThat(new String(server.received().get(0).body(), StandardCharsets.ISO_8859_1))
                .contains("filename=\"cat.gif\"");
    }

    @Test
    void anUploadFromAnInputStreamOpensItAgainAndSendsTheSameBytes() {
        byte[] content = gif(80 * 1024);
        AtomicInteger opened = new AtomicInteger();
        MediaSource source = MediaSource.ofInputStream("cat.gif", content.length, () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(content);
        });

        Throwable error = catchThrowable(
                () -> client.uploads().uploadAsync(SID, List.of(source)).join());

        assertRateLimitedAfterOneExactResend(unwrap(error), "/api/upload-video/nemo_agent/me/" + SID);
        assertThat(opened).as("streams opened: one per attempt").hasValue(2);
    }

    @Test
    void anUploadOfUnknownLengthIsSentTwiceByteForByte() {
        byte[] content = gif(70 * 1024);
        MediaSource source = MediaSource.ofInputStream(
                "cat.gif", MediaSource.UNKNOWN_LENGTH, () -> new ByteArrayInputStream(content));

        Throwable error = catchThrowable(() -> client.uploads().upload(SID, List.of(source)));

        assertRateLimitedAfterOneExactResend(error, "/api/upload-video/nemo_agent/me/" + SID);
    }

    @Test
    void aOneShotInputStreamIsNotSentAgainEmptyButEndsInAClearError() {
        byte[] content = gif(64 * 1024);
        ByteArrayInputStream once = new ByteArrayInputStream(content);
        for (long length : new long[] {content.length, MediaSource.UNKNOWN_LENGTH}) {
            server.behave((s, out) -> {
                RawFaultServer.write(out, TOO_MANY);
                RawFaultServer.close(s);
            });
            once.reset();
            MediaSource source = MediaSource.ofInputStream("cat.gif", length, () -> once);

            Throwable error = catchThrowable(() -> client.uploads().upload(SID, List.of(source)));

            System.out.println("one-shot stream, length " + length + ": " + error);
            assertThat(error)
                    .isInstanceOf(MediaSourceException.class)
                    .hasMessageContaining("cat.gif")
                    .hasMessageContaining("cannot be sent again")
                    .hasMessageContaining("opens the content anew");
            assertThat(server.received()).as("whole requests the server read").hasSize(1);
            assertThat(server.received().get(0).body()).hasSizeGreaterThan(content.length);
        }
    }

    @Test
    void anExportSubmissionIsSentTwiceByteForByteAfterRetryAfter() throws IOException {
        Draft draft;
        try (InputStream in = getClass().getResourceAsStream("/drafts/seed-draft.json")) {
            draft = Draft.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }

        Throwable blocking = catchThrowable(() -> client.exports().submit(SID, draft));
        assertRateLimitedAfterOneExactResend(blocking, "/api/render/proxy/lambda");

        server.behave((s, out) -> {
            RawFaultServer.write(out, TOO_MANY);
            RawFaultServer.close(s);
        });
        Throwable async = catchThrowable(() -> client.exports()
                .submitAsync(SID, draft, ExportOptions.defaults())
                .join());
        assertRateLimitedAfterOneExactResend(unwrap(async), "/api/render/proxy/lambda");
    }

    private void assertRateLimitedAfterOneExactResend(Throwable error, String path) {
        System.out.println("429 on every POST of " + path + ": " + error + "; waits " + time.sleeps());
        assertThat(error).isInstanceOf(RateLimitedException.class);
        List<RawFaultServer.Received> seen = server.received();
        assertThat(seen).as("POSTs the server read").hasSize(2);
        assertThat(seen).allSatisfy(r -> assertThat(r.requestLine()).isEqualTo("POST " + path + " HTTP/1.1"));
        assertThat(seen.get(0).body()).isNotEmpty();
        assertThat(seen.get(1).body())
                .as("the second body, byte for byte")
                .isEqualTo(seen.get(0).body());
        assertThat(time.sleeps()).contains(Duration.ofSeconds(7));
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /** @return bytes that start like a GIF, then pseudo-random (the same for a size) */
    static byte[] gif(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        byte[] head = "GIF89a\u0010\u0000\u0010\u0000\u0000\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }
}
