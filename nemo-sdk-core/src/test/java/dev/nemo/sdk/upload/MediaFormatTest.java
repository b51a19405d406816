package dev.nemo.sdk.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaFormatTest {

    static byte[] bytes(Object... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : pieces) {
            if (p instanceof String) {
                out.writeBytes(((String) p).getBytes(StandardCharsets.ISO_8859_1));
            } else if (p instanceof Integer) {
                out.write((Integer) p);
            } else if (p instanceof int[]) {
                for (int b : (int[]) p) {
                    out.write(b);
                }
            } else if (p instanceof byte[]) {
                out.writeBytes((byte[]) p);
            }
        }
        return out.toByteArray();
    }

    static int[] u32(long v) {
        return new int[] {(int) (v >>> 24) & 0xFF, (int) (v >>> 16) & 0xFF, (int) (v >>> 8) & 0xFF, (int) v & 0xFF};
    }

    static byte[] pngChunk(String type, int length) {
        return bytes(u32(length), type, new byte[length], u32(0));
    }

    static final byte[] PNG_SIG = bytes(0x89, "PNG\r\n", 0x1A, "\n");

    static Optional<MediaFormat> detect(byte[] b) {
        return MediaFormat.detect(b);
    }

    @Test
    void recognisesEveryFormatByItsMagicBytes() {
        assertThat(detect(bytes("GIF89a", 1, 0, 1, 0))).contains(MediaFormat.GIF);
        assertThat(detect(bytes("GIF87a"))).contains(MediaFormat.GIF);
        assertThat(detect(bytes(PNG_SIG, pngChunk("IHDR", 13), pngChunk("IDAT", 10))))
                .contains(MediaFormat.PNG);
        assertThat(detect(bytes(PNG_SIG, pngChunk("IHDR", 13), pngChunk("acTL", 8), pngChunk("IDAT", 10))))
                .contains(MediaFormat.APNG);
        // acTL after a large ancillary chunk is still found; after IDAT it does not count
        assertThat(detect(bytes(PNG_SIG, pngChunk("IHDR", 13), pngChunk("iCCP", 3000), pngChunk("acTL", 8))))
                .contains(MediaFormat.APNG);
        assertThat(detect(bytes(PNG_SIG, pngChunk("IHDR", 13), pngChunk("IDAT", 4), pngChunk("acTL", 8))))
                .contains(MediaFormat.PNG);
        assertThat(detect(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16, "JFIF"))).contains(MediaFormat.JPEG);
        assertThat(detect(bytes("RIFF", u32(100), "WEBPVP8 "))).contains(MediaFormat.WEBP);
        assertThat(detect(bytes("RIFF", u32(100), "AVI LIST"))).contains(MediaFormat.AVI);
        assertThat(detect(bytes("RIFF", u32(100), "WAVEfmt "))).contains(MediaFormat.WAV);
        assertThat(detect(bytes("RF64", u32(0xFFFFFFFFL), "WAVEds64"))).contains(MediaFormat.WAV);
        assertThat(detect(bytes(u32(24), "ftypisom", u32(512), "isomiso2"))).contains(MediaFormat.MP4);
        assertThat(detect(bytes(u32(20), "ftypmp42", u32(0), "mp42"))).contains(MediaFormat.MP4);
        assertThat(detect(bytes(u32(20), "ftypqt  ", u32(0), "qt  "))).contains(MediaFormat.MOV);
        assertThat(detect(bytes(u32(20), "ftypM4A ", u32(0), "M4A "))).contains(MediaFormat.M4A);
        assertThat(detect(bytes(u32(8), "wide", u32(100), "mdat"))).contains(MediaFormat.MOV);
        assertThat(detect(ebml("webm"))).contains(MediaFormat.WEBM);
        assertThat(detect(ebml("matroska"))).contains(MediaFormat.MKV);
        assertThat(detect(bytes("ID3", 4, 0, 0, 0, 0, 0, 0, 0xFF, 0xFB, 0x90, 0x64)))
                .contains(MediaFormat.MP3);
        assertThat(detect(bytes(0xFF, 0xFB, 0x90, 0x64, 0, 0))).contains(MediaFormat.MP3);
        assertThat(detect(bytes(0xFF, 0xF1, 0x50, 0x80, 0x02, 0x1F, 0xFC))).contains(MediaFormat.AAC);
        assertThat(detect(bytes("ID3", 4, 0, 0, 0, 0, 0, 0, 0xFF, 0xF1, 0x50, 0x80, 0x02, 0x1F, 0xFC)))
                .contains(MediaFormat.AAC);
        assertThat(detect(bytes("ADIF", 0, 0))).contains(MediaFormat.AAC);
    }

    static byte[] ebml(String docType) {
        byte[] dt = docType.getBytes(StandardCharsets.US_ASCII);
        byte[] version = bytes(0x42, 0x86, 0x81, 0x01);
        byte[] docTypeElement = bytes(0x42, 0x82, 0x80 | dt.length, dt);
        int size = version.length + docTypeElement.length;
        return bytes(0x1A, 0x45, 0xDF, 0xA3, 0x80 | size, version, docTypeElement, 0x18, 0x53, 0x80, 0x67);
    }

    @Test
    void refusesWhatIsNotSupportedMedia() {
        assertThat(detect(new byte[0])).isEmpty();
        assertThat(detect(bytes("GIF8"))).isEmpty();
        assertThat(detect(bytes("<!DOCTYPE html><html>"))).isEmpty();
        assertThat(detect(bytes("%PDF-1.7\n"))).isEmpty();
        assertThat(detect(bytes("PK", 3, 4, 20, 0))).isEmpty();
        assertThat(detect(bytes("hello, this is text\n"))).isEmpty();
        assertThat(detect(bytes("BM", u32(1000)))).isEmpty();
        assertThat(detect(bytes(0xFF, 0xFE, 'h', 0, 'i', 0))).as("UTF-16LE BOM").isEmpty();
        assertThat(detect(bytes(0xFE, 0xFF, 0, 'h', 0, 'i'))).as("UTF-16BE BOM").isEmpty();
        assertThat(detect(bytes(u32(24), "ftypheic", u32(0), "mif1heic")))
                .as("HEIC still")
                .isEmpty();
        assertThat(detect(bytes(u32(24), "ftypavif", u32(0), "avifmif1")))
                .as("AVIF still")
                .isEmpty();
        assertThat(detect(bytes("RIFF", u32(100), "CDXA"))).isEmpty();
        assertThat(detect(ebml("foo"))).as("EBML with another DocType").isEmpty();
        assertThat(detect(bytes("ID3", 4, 0, 0, 0, 0, 0, 0, "fLaC")))
                .as("FLAC behind an ID3 tag")
                .isEmpty();
        assertThat(detect(new byte[5000])).as("zeros").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "a.mp4,video/mp4",
        "A.MOV,video/quicktime",
        "x.avi,video/x-msvideo",
        "x.webm,video/webm",
        "x.mkv,video/x-matroska",
        "x.jpg,image/jpeg",
        "x.jpeg,image/jpeg",
        "x.png,image/png",
        "x.gif,image/gif",
        "x.webp,image/webp",
        "x.apng,image/apng",
        "x.mp3,audio/mpeg",
        "x.wav,audio/wav",
        "x.m4a,audio/mp4",
        "x.aac,audio/aac",
        "x.txt,application/octet-stream",
        "noext,application/octet-stream",
        "dir.mp4/file,application/octet-stream",
        "/tmp/dir/clip.Gif,image/gif",
        "C:\\v\\clip.mp4,video/mp4"
    })
    void mimeTypeByExtensionFollowsTheContractTable(String name, String mime) {
        assertThat(MediaFormat.mimeTypeOf(name)).isEqualTo(mime);
    }

    @Test
    void theExtensionRefinesTheMimeTypeOnlyWithinTheContentsContainer() {
        assertThat(MediaFormat.mimeTypeFor("anim.png", MediaFormat.APNG)).isEqualTo("image/png");
        assertThat(MediaFormat.mimeTypeFor("anim.apng", MediaFormat.APNG)).isEqualTo("image/apng");
        assertThat(MediaFormat.mimeTypeFor("anim", MediaFormat.APNG)).isEqualTo("image/apng");
        assertThat(MediaFormat.mimeTypeFor("clip.mov", MediaFormat.MP4)).isEqualTo("video/quicktime");
        assertThat(MediaFormat.mimeTypeFor("song.m4a", MediaFormat.MP4)).isEqualTo("audio/mp4");
        assertThat(MediaFormat.mimeTypeFor("clip.mkv", MediaFormat.WEBM)).isEqualTo("video/x-matroska");
        assertThat(MediaFormat.mimeTypeFor("clip.gif", MediaFormat.MP4))
                .as("content wins across containers")
                .isEqualTo("video/mp4");
        assertThat(MediaFormat.mimeTypeFor("clip.bin", MediaFormat.GIF)).isEqualTo("image/gif");
    }
}
