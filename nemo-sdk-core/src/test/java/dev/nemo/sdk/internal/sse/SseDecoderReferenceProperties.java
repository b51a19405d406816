package dev.nemo.sdk.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * The decoder's fast paths (word-at-a-time line-end scan, data copied in bulk, a data line copied
 * straight from its chunk, the recycled assembly buffer) checked against naive implementations.
 */
class SseDecoderReferenceProperties {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Property(tries = 400)
    void decoderAgreesWithANaiveParserWhateverTheChunking(
            @ForAll("streams") byte[] stream, @ForAll("chunkSizes") List<Integer> sizes, @ForAll boolean direct) {
        ReferenceSse.Recording rec = new ReferenceSse.Recording();
        SseDecoder decoder = new SseDecoder(rec, 1 << 20, null);
        // each chunk goes through one reused array, scribbled over after each feed: the decoder
        // must keep nothing that points into a chunk once feed returns
        byte[] reused =
                new byte[8 + sizes.stream().mapToInt(Integer::intValue).max().orElse(1)];
        int k = 0;
        for (int i = 0; i < stream.length; ) {
            int n = Math.min(sizes.get(k++ % sizes.size()), stream.length - i);
            if (direct) {
                ByteBuffer b = ByteBuffer.allocateDirect(n);
                b.put(stream, i, n).flip();
                decoder.feed(b);
            } else {
                System.arraycopy(stream, i, reused, 3, n);
                decoder.feed(reused, 3, n);
                Arrays.fill(reused, (byte) 'Z');
            }
            i += n;
        }
        decoder.finish();
        assertThat(rec.out).isEqualTo(ReferenceSse.parse(stream));
    }

    @Property(tries = 1000)
    void lineEndScanAgreesWithANaiveScan(
            @ForAll("scanBytes") byte[] bytes,
            @ForAll @IntRange(max = 400) int from,
            @ForAll @IntRange(max = 400) int to) {
        int start = Math.min(from, bytes.length);
        int end = Math.max(start, Math.min(to, bytes.length));
        int expected = -1;
        for (int i = start; i < end; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                expected = i;
                break;
            }
        }
        assertThat(LineEnds.find(bytes, start, end)).isEqualTo(expected);
    }

    @Example
    void largeEventsStayIntactWhileAssemblyBuffersAreRecycled() {
        List<SseEvent> events = new ArrayList<>();
        List<byte[]> expected = new ArrayList<>();
        SseDecoder first = new SseDecoder(events::add, 1 << 20, null);
        SseDecoder second = new SseDecoder(events::add, 1 << 20, null);
        for (int round = 0; round < 6; round++) {
            SseDecoder decoder = round % 2 == 0 ? first : second;
            byte[] value = repeat((byte) ('a' + round), 70_000 + round * 40_000);
            byte[] event = concat(ascii("data: "), value, ascii("\ndata:"), value, ascii("\r\n\r\n"));
            for (int i = 0; i < event.length; i += 16 * 1024) {
                decoder.feed(event, i, Math.min(16 * 1024, event.length - i));
            }
            expected.add(concat(value, ascii("\n"), value));
            if (round == 3) {
                assertThat(first.finish()).isFalse();
            }
        }
        // checked only now: an event must not share memory that a later event was assembled in
        assertThat(events).hasSize(expected.size());
        for (int i = 0; i < events.size(); i++) {
            SseEvent e = events.get(i);
            assertThat(Arrays.equals(e.dataBytes(), 0, e.dataLength(), expected.get(i), 0, expected.get(i).length))
                    .as("event %d intact", i)
                    .isTrue();
        }
    }

    @Provide
    Arbitrary<List<Integer>> chunkSizes() {
        Arbitrary<Integer> size = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(1, 100),
                Arbitraries.integers().between(1, 40_000));
        return size.list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<byte[]> scanBytes() {
        Arbitrary<Byte> low = Arbitraries.bytes().between((byte) 0, (byte) 0x0F);
        Arbitrary<Byte> high = Arbitraries.bytes().between((byte) -128, (byte) -1);
        Arbitrary<Byte> text = Arbitraries.bytes().between((byte) 0x20, (byte) 0x7E);
        Arbitrary<Byte> any = Arbitraries.frequencyOf(Tuple.of(1, low), Tuple.of(3, high), Tuple.of(40, text));
        return any.array(byte[].class).ofMaxSize(400);
    }

    @Provide
    Arbitrary<byte[]> streams() {
        Arbitrary<byte[]> lines = line().list().ofMaxSize(40).map(SseDecoderReferenceProperties::concat);
        Arbitrary<byte[]> start = Arbitraries.of(new byte[0], BOM, Arrays.copyOf(BOM, 2));
        Arbitrary<byte[]> tail = Arbitraries.oneOf(Arbitraries.just(new byte[0]), content());
        return Combinators.combine(start, lines, tail).as((s, l, t) -> concat(s, l, t));
    }

    private Arbitrary<byte[]> line() {
        Arbitrary<byte[]> ending = Arbitraries.of(ascii("\n"), ascii("\r"), ascii("\r\n"));
        Arbitrary<byte[]> head = Arbitraries.of(
                        "data:", "data: ", "data:  ", "data", "event: ", "event:", "id: ", "id:", "retry: ", "retry:",
                        ":", ": ", "", "", "", "foo: ", "dat", "datax:", "DATA:")
                .map(SseDecoderReferenceProperties::ascii);
        Arbitrary<byte[]> value = Arbitraries.oneOf(
                content(), Arbitraries.of("1500", "15s", "").map(SseDecoderReferenceProperties::ascii));
        return Combinators.combine(head, value, ending).as((h, v, e) -> h.length == 0 ? e : concat(h, v, e));
    }

    /** Line content: no CR or LF, but every other kind of byte, multi-byte characters and long runs. */
    private Arbitrary<byte[]> content() {
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(
                Tuple.of(
                        20,
                        Arbitraries.strings()
                                .alpha()
                                .numeric()
                                .withChars(" :{}\"\t")
                                .ofMaxLength(30)
                                .map(SseDecoderReferenceProperties::utf8)),
                Tuple.of(
                        5,
                        Arbitraries.of("压缩", "👍🏽", "é", "\u0000", "\uFEFF").map(SseDecoderReferenceProperties::utf8)),
                Tuple.of(
                        3,
                        Arbitraries.bytes()
                                .filter(b -> b != '\n' && b != '\r')
                                .array(byte[].class)
                                .ofMaxSize(20)),
                Tuple.of(2, Arbitraries.integers().between(100, 5_000).map(n -> repeat((byte) 'x', n))),
                Tuple.of(1, Arbitraries.integers().between(60_000, 150_000).map(n -> repeat((byte) 'y', n))));
        return piece.list().ofMaxSize(4).map(SseDecoderReferenceProperties::concat);
    }

    private static byte[] repeat(byte b, int n) {
        byte[] a = new byte[n];
        Arrays.fill(a, b);
        return a;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        return concat(Arrays.asList(parts));
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
