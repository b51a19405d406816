package dev.nemo.sdk.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.Transcripts;
import dev.nemo.sdk.error.EventTooLargeException;
import dev.nemo.sdk.internal.chat.AdkEventDecoder;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SseDecoderProperties {

    @Provide
    Arbitrary<String> transcripts() {
        return Arbitraries.of(Transcripts.NAMES);
    }

    @Property(tries = 300)
    void rechunkingAtRandomBoundariesYieldsTheSameEvents(
            @ForAll("transcripts") String name,
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 97) Integer> sizes) {
        byte[] bytes = Transcripts.bytes(name);
        List<ChatEvent> whole = decode(bytes, List.of(bytes.length));
        assertThat(decode(bytes, sizes)).isEqualTo(whole);
    }

    @Example
    void everySplitPointOfEveryTranscriptYieldsTheSameEvents() {
        for (String name : Transcripts.NAMES) {
            byte[] bytes = Transcripts.bytes(name);
            List<ChatEvent> whole = decode(bytes, List.of(bytes.length));
            assertThat(whole).isNotEmpty();
            for (int split = 0; split <= bytes.length; split++) {
                assertThat(decode(bytes, List.of(split, bytes.length)))
                        .as("%s split at byte %d", name, split)
                        .isEqualTo(whole);
            }
            assertThat(decode(bytes, List.of(1))).as("%s byte by byte", name).isEqualTo(whole);
        }
    }

    @Property(tries = 500)
    void randomBytesNeverFailWithAnythingButTheTypedError(
            @ForAll("garbage") byte[] bytes, @ForAll @IntRange(min = 1, max = 300) int chunk) {
        List<ChatEvent> out = new ArrayList<>();
        SseDecoder decoder = new SseDecoder(new AdkEventDecoder(true, out::add), 1024, null);
        try {
            for (int i = 0; i < bytes.length; i += chunk) {
                decoder.feed(bytes, i, Math.min(chunk, bytes.length - i));
            }
            decoder.finish();
        } catch (EventTooLargeException expected) {
            assertThat(expected.limitBytes()).isEqualTo(1024);
        }
        assertThat(out).allSatisfy(e -> assertThat(e.info()).isNotNull());
        assertThat(out)
                .extracting(e -> e.info().sequence())
                .as("events in stream order")
                .isSortedAccordingTo(Long::compare)
                .allSatisfy(seq -> assertThat(seq).isNotNegative());
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<Byte> structural = Arbitraries.of(
                (byte) '\r',
                (byte) '\n',
                (byte) ':',
                (byte) ' ',
                (byte) '{',
                (byte) '}',
                (byte) '"',
                (byte) 'd',
                (byte) 'a',
                (byte) 't',
                (byte) 0xEF,
                (byte) 0xBB,
                (byte) 0xBF,
                (byte) 0xF0,
                (byte) 0x9F);
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<Byte> mixed =
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, structural), net.jqwik.api.Tuple.of(2, any));
        Arbitrary<byte[]> prefixes = Arbitraries.of(
                        "data:",
                        "data: {\"type\":\"text\",\"content\":",
                        "event: x\n",
                        ": ping\r\n",
                        "data: {\"content\":{\"parts\":[{\"functionCall\":")
                .map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Arbitrary<byte[]> noise = mixed.array(byte[].class).ofMaxSize(3000);
        return Arbitraries.oneOf(
                noise, net.jqwik.api.Combinators.combine(prefixes, noise).as((p, n) -> {
                    byte[] all = new byte[p.length + n.length];
                    System.arraycopy(p, 0, all, 0, p.length);
                    System.arraycopy(n, 0, all, p.length, n.length);
                    return all;
                }));
    }

    @Property(tries = 300)
    void lineEndScanAgreesWithAByteByByteScan(
            @ForAll @Size(max = 200) byte[] bytes, @ForAll @IntRange(max = 199) int from) {
        int start = Math.min(from, bytes.length);
        int expected = -1;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                expected = i;
                break;
            }
        }
        assertThat(LineEnds.find(bytes, start, bytes.length)).isEqualTo(expected);
    }

    /** Decodes {@code bytes} in chunks of the given sizes, cycling through them. */
    static List<ChatEvent> decode(byte[] bytes, List<Integer> sizes) {
        List<ChatEvent> out = new ArrayList<>();
        SseDecoder decoder = new SseDecoder(new AdkEventDecoder(true, out::add));
        int i = 0;
        int k = 0;
        while (i < bytes.length) {
            int n = Math.max(0, Math.min(sizes.get(k++ % sizes.size()), bytes.length - i));
            decoder.feed(bytes, i, n);
            i += n;
            if (n == 0 && sizes.stream().allMatch(s -> s <= 0)) {
                break;
            }
        }
        decoder.finish();
        return out;
    }
}
