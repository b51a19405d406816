package dev.nemo.sdk.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nemo.sdk.error.EventTooLargeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SseDecoderTest {
    private final Recorder rec = new Recorder();
    private final SseDecoder decoder = new SseDecoder(rec, 64, null);

    private void feed(String s) {
        decoder.feed(ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)));
    }

    private void feed(byte... b) {
        decoder.feed(b, 0, b.length);
    }

    @Test
    void dataWithAndWithoutSpaceAndOnlyOneSpaceRemoved() {
        feed("data:a\n\ndata: b\n\ndata:  c\n\n");
        assertThat(rec.data()).containsExactly("a", "b", " c");
    }

    @Test
    void multiLineDataIsJoinedWithLineFeeds() {
        feed("data: one\ndata:\ndata: three\n\n");
        assertThat(rec.data()).containsExactly("one\n\nthree");
    }

    @Test
    void emptyDataLineDispatchesAnEmptyEventButABlankLineAloneDoesNot() {
        feed("\n\n\ndata:\n\nevent: heartbeat\n\n");
        assertThat(rec.all).containsExactly("event message id= data=");
    }

    @Test
    void eventTypeAppliesToOneEventAndDefaultsToMessage() {
        feed("event: heartbeat\ndata: x\n\ndata: y\n\nevent:\ndata: z\n\n");
        assertThat(rec.events).extracting(SseEvent::type).containsExactly("heartbeat", "message", "message");
    }

    @Test
    void lastEventIdPersistsAndIgnoresValuesWithNul() {
        feed("id: 7\ndata: a\n\ndata: b\n\nid: 8\u0000\ndata: c\n\nid\ndata: d\n\n");
        assertThat(rec.events).extracting(SseEvent::lastEventId).containsExactly("7", "7", "7", "");
    }

    @Test
    void retryTakesDigitsOnlyAndUnknownFieldsAreIgnored() {
        feed("retry: 1500\nretry: 15s\nretry:\nfoo: bar\ndata\n\n");
        assertThat(rec.retries).containsExactly(1500L);
        assertThat(rec.data()).containsExactly("");
    }

    @Test
    void commentsAreReportedWithoutTheirLeadingSpace() {
        feed(": ping - 2026\r\n:\r\n::x\r\n\r\n");
        assertThat(rec.comments).containsExactly("ping - 2026", "", ":x");
        assertThat(rec.events).isEmpty();
    }

    @Test
    void everyLineEndingIsAccepted() {
        feed("data: a\r\rdata: b\n\ndata: c\r\n\r\ndata: d\r\n\n");
        assertThat(rec.data()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void crlfSplitAcrossChunksIsOneLineEnd() {
        feed("data: a\r");
        feed("\ndata: b\r");
        feed("\n\r");
        feed("\n");
        assertThat(rec.data()).containsExactly("a\nb");
    }

    @Test
    void crAtTheEndOfAChunkFollowedByAnotherLine() {
        feed("data: a\r");
        feed("data: b\r");
        feed("\r");
        assertThat(rec.data()).containsExactly("a\nb");
    }

    @Test
    void leadingBomIsStrippedEvenWhenSplitButOnlyOnce() {
        feed((byte) 0xEF);
        feed((byte) 0xBB);
        feed((byte) 0xBF, (byte) 'd');
        feed("ata: \uFEFFx\n\n");
        assertThat(rec.data()).containsExactly("\uFEFFx");
    }

    @Test
    void aBomPrefixThatIsNotABomIsContent() {
        feed((byte) 0xEF, (byte) 0xBB);
        feed("data: x\n\n");
        assertThat(rec.events).isEmpty();
        assertThat(rec.all).isEmpty();
        feed("data: y\n\n");
        assertThat(rec.data()).containsExactly("y");
    }

    @Test
    void utf8SplitAcrossChunksDecodes() {
        byte[] all = "data: 压缩 👍🏽 ok\n\n".getBytes(StandardCharsets.UTF_8);
        for (byte b : all) {
            feed(b);
        }
        assertThat(rec.data()).containsExactly("压缩 👍🏽 ok");
    }

    @Test
    void malformedUtf8BecomesReplacementCharacters() {
        feed((byte) 'd', (byte) 'a', (byte) 't', (byte) 'a', (byte) ':', (byte) 0xE5, (byte) 0x8E, (byte) '\n', (byte)
                '\n');
        assertThat(rec.data()).containsExactly("\uFFFD");
    }

    @Test
    void partialEventAtEndIsDiscardedAndReported() {
        feed("data: complete\n\ndata: partial\n");
        assertThat(decoder.finish()).isTrue();
        assertThat(rec.data()).containsExactly("complete");

        feed("data: next stream\n\n");
        assertThat(decoder.finish()).isFalse();
        feed("data: cut in the middle of a li");
        assertThat(decoder.finish()).isTrue();
        feed("id: 1\n: comment\n");
        assertThat(decoder.finish()).isFalse();
        assertThat(rec.data()).containsExactly("complete", "next stream");
    }

    @Test
    void lineLongerThanTheLimitFailsWithTheTypedError() {
        char[] big = new char[60];
        Arrays.fill(big, 'x');
        feed("data: " + new String(big, 0, 58) + "\n\n");
        assertThat(rec.data()).hasSize(1);
        assertThatThrownBy(() -> feed("data: " + new String(big) + "\n"))
                .isInstanceOf(EventTooLargeException.class)
                .hasMessageContaining("64 bytes")
                .extracting(e -> ((EventTooLargeException) e).limitBytes())
                .isEqualTo(64);
    }

    @Test
    void lineGrowingAcrossChunksFailsOnceItPassesTheLimit() {
        feed("data: ");
        for (int i = 0; i < 64; i++) {
            feed("x");
        }
        assertThatThrownBy(() -> feed("x")).isInstanceOf(EventTooLargeException.class);
    }

    @Test
    void dataLineSplitAroundItsColonAndSpaceStreamsIntoOneValue() {
        feed("da");
        feed("ta:");
        feed(" ");
        feed("a b ");
        feed("c\r");
        feed("\ndata:");
        feed("  two\n");
        feed("\n");
        assertThat(rec.data()).containsExactly("a b c\n two");
    }

    @Test
    void otherFieldsSplitAcrossChunksAreNotData() {
        feed("dat");
        feed("ax: 1\nevent: te");
        feed("st\ndata");
        feed("\n\n");
        assertThat(rec.events).extracting(SseEvent::type).containsExactly("test");
        assertThat(rec.data()).containsExactly("");
    }

    @Test
    void largeEventsAreHandedOverWithTheirLength() {
        SseDecoder big = new SseDecoder(rec, 1 << 20, null);
        byte[] payload = ("data: " + "z".repeat(200_000) + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < payload.length; i += 1000) {
            big.feed(payload, i, Math.min(1000, payload.length - i));
        }
        big.feed(ByteBuffer.wrap("data: small\n\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(rec.events).hasSize(2);
        assertThat(rec.events.get(0).dataLength()).isEqualTo(200_000);
        assertThat(rec.events.get(0).data()).hasSize(200_000).matches("z+");
        assertThat(rec.events.get(1).data()).isEqualTo("small");
    }

    @Test
    void eventDataAcrossManyLinesIsBoundedToo() {
        assertThatThrownBy(() -> {
                    for (int i = 0; i < 100; i++) {
                        feed("data: 0123456789\n");
                    }
                })
                .isInstanceOf(EventTooLargeException.class)
                .hasMessageContaining("event");
    }

    @Test
    void directBuffersAreDecodedLikeHeapBuffers() {
        byte[] bytes = "data: direct\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
        direct.put(bytes).flip();
        decoder.feed(direct);
        assertThat(direct.hasRemaining()).isFalse();
        assertThat(rec.data()).containsExactly("direct");
    }

    @Test
    void readOnlyChunksThatGrowFromSmallToLargeAreDecodedWhole() {
        SseDecoder big = new SseDecoder(rec, 1 << 20, null);
        String large = "x".repeat(40_000);
        for (String chunk :
                new String[] {"data: a\n\n", "data: " + "y".repeat(700) + "\n\n", "data: " + large + "\n\n"}) {
            big.feed(ByteBuffer.wrap(chunk.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer());
        }
        big.feed(ByteBuffer.wrap("data: b\n\n".getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer());
        assertThat(rec.data()).containsExactly("a", "y".repeat(700), large, "b");
    }

    @Test
    void sliceOfALargerArrayUsesOnlyItsBytes() {
        byte[] bytes = "XXdata: mid\n\nYY".getBytes(StandardCharsets.UTF_8);
        decoder.feed(ByteBuffer.wrap(bytes, 2, bytes.length - 4).slice());
        assertThat(rec.data()).containsExactly("mid");
    }

    @Test
    void findLineEndFindsTheFirstCrOrLfAtEveryOffset() {
        for (int len = 0; len < 40; len++) {
            for (int pos = -1; pos < len; pos++) {
                byte[] a = new byte[len];
                Arrays.fill(a, (byte) 0x8D);
                if (pos >= 0) {
                    a[pos] = (byte) (pos % 2 == 0 ? '\n' : '\r');
                    if (pos + 1 < len) {
                        a[pos + 1] = '\n';
                    }
                }
                assertThat(LineEnds.find(a, 0, len))
                        .as("len %d pos %d", len, pos)
                        .isEqualTo(pos);
            }
        }
    }
}
