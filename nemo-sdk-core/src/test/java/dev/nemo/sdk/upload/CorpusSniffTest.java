package dev.nemo.sdk.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every real file in the shared corpus is recognised as what it is, broken edge files included. */
class CorpusSniffTest {

    static MediaFormat expected(Corpus.Entry e) {
        String f = e.file();
        if (f.endsWith(".gif")) {
            return MediaFormat.GIF;
        }
        if (f.endsWith(".apng") || f.endsWith(".png")) {
            // edge/pillow-apng-sequence_gap.png is an APNG (invalid sequence numbers, but an acTL chunk)
            return MediaFormat.APNG;
        }
        if (f.endsWith(".mp4")) {
            return MediaFormat.MP4;
        }
        if (f.endsWith(".webm")) {
            return MediaFormat.WEBM;
        }
        if (f.endsWith(".webp")) {
            return MediaFormat.WEBP;
        }
        throw new AssertionError("no expectation for " + f);
    }

    @Test
    void everyCorpusFileIsRecognisedByContent() throws IOException {
        List<Corpus.Entry> entries = Corpus.entries();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(40);
        assertThat(entries).anyMatch(e -> e.category().equals("edge"));
        for (Corpus.Entry e : entries) {
            assertThat(Files.size(e.path())).as(e.file()).isEqualTo(e.bytes());
            assertThat(MediaFormat.detect(e.path())).as(e.file()).contains(expected(e));
        }
    }

    @Test
    void edgeFilesThatAreTinyOrTruncatedAreStillRecognised() throws IOException {
        Corpus.require();
        for (Corpus.Entry e : Corpus.entries()) {
            if (e.category().equals("edge")) {
                byte[] head = Files.readAllBytes(e.path());
                assertThat(MediaFormat.detect(head)).as(e.file()).contains(expected(e));
            }
        }
    }

    @Test
    void anApngNamedPngIsSentAsPngAndAnApngFileAsApng() {
        assertThat(MediaFormat.mimeTypeFor("edge/pillow-apng-sequence_gap.png", MediaFormat.APNG))
                .isEqualTo("image/png");
        assertThat(MediaFormat.mimeTypeFor("apng/pillow-iss634.apng", MediaFormat.APNG)).isEqualTo("image/apng");
    }
}
