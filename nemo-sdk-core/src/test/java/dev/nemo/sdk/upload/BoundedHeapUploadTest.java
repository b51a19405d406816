package dev.nemo.sdk.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.internal.upload.Multipart;
import dev.nemo.sdk.testing.JvmNoise;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 MB stream uploads from a JVM whose whole heap is 64 MB: the body is streamed, never
 * buffered. The upload runs in a child JVM ({@link BoundedHeapUploadMain}); this JVM's server
 * counts and hashes what arrives.
 */
class BoundedHeapUploadTest {
    static final long SIZE = UploadOptions.DEFAULT_MAX_FILE_SIZE;

    @TempDir
    Path dir;

    @Test
    void twoHundredMegabytesUploadWithA64MegabyteHeap() throws Exception {
        try (LocalUploadServer server = new LocalUploadServer(false)) {
            Path log = dir.resolve("child.log");
            Process child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx64m",
                            "-XX:+UseSerialGC",
                            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                            "-cp",
                            System.getProperty("java.class.path"),
                            BoundedHeapUploadMain.class.getName(),
                            server.baseUrl(),
                            String.valueOf(SIZE))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean finished = child.waitFor(180, TimeUnit.SECONDS);
            if (!finished) {
                child.destroyForcibly();
            }
            String output = JvmNoise.withoutLauncherNotes(Files.readString(log));
            assertThat(finished).as("child finished; output:\n" + output).isTrue();
            assertThat(child.exitValue()).as("child exit; output:\n" + output).isZero();

            LocalUploadServer.Received r = server.next();
            String boundary = StrictMultipartParser.boundaryOf(r.contentType());
            byte[] head = Multipart.header(
                    boundary, true, new Multipart.Part("files", "big.gif", "image/gif", SIZE, () -> null));
            byte[] tail = Multipart.trailer(boundary, false);
            long expectedLength = head.length + SIZE + tail.length;
            assertThat(r.bytesCounted()).isEqualTo(expectedLength);
            assertThat(r.contentLength()).isEqualTo(String.valueOf(expectedLength));
            assertThat(r.sha256OfBody()).isEqualTo(expectedSha256(head, tail));
            assertThat(output).startsWith("OK " + expectedLength + " " + expectedLength);
        }
    }

    /** The hash of the exact framing the strict parser accepts, around the generated content. */
    private static String expectedSha256(byte[] head, byte[] tail) throws Exception {
        assertThat(StrictMultipartParser.parse(
                        "multipart/form-data; boundary=B",
                        concat(
                                Multipart.header(
                                        "B", true, new Multipart.Part("files", "big.gif", "image/gif", 3, () -> null)),
                                "GIF".getBytes(StandardCharsets.US_ASCII),
                                Multipart.trailer("B", false))))
                .extracting(StrictMultipartParser.Part::fileName)
                .isEqualTo(List.of("big.gif"));
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(head);
        try (InputStream in = new GeneratedContent(SIZE)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        d.update(tail);
        return HexFormat.of().formatHex(d.digest());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
