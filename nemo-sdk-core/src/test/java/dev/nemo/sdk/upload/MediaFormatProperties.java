package dev.nemo.sdk.upload;

import static dev.nemo.sdk.upload.MediaFormatTest.PNG_SIG;
import static dev.nemo.sdk.upload.MediaFormatTest.bytes;
import static dev.nemo.sdk.upload.MediaFormatTest.ebml;
import static dev.nemo.sdk.upload.MediaFormatTest.pngChunk;
import static dev.nemo.sdk.upload.MediaFormatTest.u32;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * Content sniffing over arbitrary and damaged bytes: it never throws, and it never names a format
 * whose signature is not there. (jqwik only: a class never mixes jqwik and Jupiter tests, see
 * {@code EngineSeparationTest}.)
 */
class MediaFormatProperties {
    private static final Set<MediaFormat> MATROSKA = EnumSet.of(MediaFormat.WEBM, MediaFormat.MKV);
    private static final Set<MediaFormat> PNG = EnumSet.of(MediaFormat.PNG, MediaFormat.APNG);
    private static final Set<MediaFormat> RIFF = EnumSet.of(MediaFormat.WEBP, MediaFormat.AVI, MediaFormat.WAV);
    private static final Set<MediaFormat> ISO_BMFF = EnumSet.of(MediaFormat.MP4, MediaFormat.MOV, MediaFormat.M4A);

    @Property(tries = 2000)
    void aVerdictOnArbitraryBytesAlwaysHasItsSignature(@ForAll @Size(max = 300) byte[] random) {
        Optional<MediaFormat> format = MediaFormat.detect(random);
        format.ifPresent(f -> assertThat(signatureHolds(f, random))
                .as("%s claimed for %s", f, Arrays.toString(Arrays.copyOf(random, Math.min(12, random.length))))
                .isTrue());
        assertThat(MediaFormat.detect(random.clone())).as("deterministic").isEqualTo(format);
    }

    @Property(tries = 500)
    void aGifSignatureFollowedByAnythingIsAGif(@ForAll @Size(max = 64) byte[] tail, @ForAll boolean version89) {
        assertThat(MediaFormat.detect(bytes(version89 ? "GIF89a" : "GIF87a", tail)))
                .contains(MediaFormat.GIF);
    }

    @Property(tries = 500)
    void aTruncatedOrCorruptedHeaderIsNeverMistakenForAnotherFamily(
            @ForAll @Size(max = 64) byte[] tail, @ForAll int cut) {
        check(ebml("webm"), tail, cut, MATROSKA);
        check(bytes(PNG_SIG, pngChunk("IHDR", 13)), tail, cut, PNG);
        check(bytes(u32(24), "ftyp"), tail, cut, ISO_BMFF);
        check(bytes("RIFF", u32(1)), tail, cut, RIFF);
        byte[] id3 = bytes("ID3", 4, 0, 0x7F, 0x7F, 0x7F, 0x7F);
        byte[] whole = bytes(id3, tail);
        MediaFormat.detect(Arrays.copyOf(whole, Math.floorMod(cut, whole.length + 1)))
                .ifPresent(f -> assertThat(f.kind()).as("behind an ID3 tag").isEqualTo(MediaFormat.Kind.AUDIO));
    }

    private static void check(byte[] header, byte[] tail, int cut, Set<MediaFormat> family) {
        byte[] whole = bytes(header, tail);
        byte[] damaged = Arrays.copyOf(whole, Math.floorMod(cut, whole.length + 1));
        MediaFormat.detect(damaged)
                .ifPresent(f ->
                        assertThat(family).as("verdict for a damaged header").contains(f));
    }

    private static boolean signatureHolds(MediaFormat f, byte[] b) {
        return switch (f) {
            case GIF -> startsWith(b, bytes("GIF8"));
            case PNG, APNG -> startsWith(b, PNG_SIG);
            case JPEG -> startsWith(b, bytes(0xFF, 0xD8, 0xFF));
            case WEBM, MKV -> startsWith(b, bytes(0x1A, 0x45, 0xDF, 0xA3));
            case WEBP, AVI, WAV -> startsWith(b, bytes("RIFF")) || startsWith(b, bytes("RF64"));
            default -> true; // ISO BMFF boxes and MPEG audio frames have no fixed leading signature
        };
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(Arrays.copyOf(b, prefix.length), prefix);
    }
}
