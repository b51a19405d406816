package dev.nemo.sdk.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploadLimitTest {

    /** An endless GIF-looking stream that counts what was read from it. */
    private static final class Endless extends InputStream {
        private final byte[] head = "GIF89a".getBytes(StandardCharsets.US_ASCII);
        long read;

        @Override
        public int read() {
            long at = read++;
            return at < head.length ? head[(int) at] : 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) read();
            }
            return len;
        }
    }

    @Test
    void anOversizedFileIsRefusedOnceTheLimitIsCrossedNotAfterReadingIt() {
        Endless in = new Endless();
        long limit = 1_000_000;

        assertThatThrownBy(() -> UploadHandler.read("big.gif", in, limit))
                .isInstanceOfSatisfying(
                        UploadHandler.Refusal.class, r -> assertThat(r.code).isEqualTo(4002));
        assertThat(in.read).isGreaterThan(limit).isLessThanOrEqualTo(limit + 64 * 1024 + MediaKind.SNIFF_BYTES);
    }

    @Test
    void unsupportedContentIsRefusedAfterTheSniffedHead() {
        InputStream in = new java.io.ByteArrayInputStream("x".repeat(100).getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> UploadHandler.read("x.gif", in, 10))
                .isInstanceOfSatisfying(
                        UploadHandler.Refusal.class, r -> assertThat(r.code).isEqualTo(4001));
    }
}
