package dev.nemo.sdk.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.testing.TestCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every real file of the in-repository corpus subset (and of the full shared corpus, when present) is
 * recognised as what it is, broken edge files included.
 */
class CorpusSniffTest {

    static MediaFormat expected(TestCorpus.Entry e) {
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
        List<TestCorpus.Entry> entries = TestCorpus.entries();
        assertThat(TestCorpus.subsetEntries()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(entries)
                .containsAll(TestCorpus.subsetEntries())
                .anyMatch(e -> e.category().equals("edge"))
                .anyMatch(e -> e.file().endsWith(".mp4"))
                .anyMatch(e -> e.file().endsWith(".webp"));
        for (TestCorpus.Entry e : entries) {
            assertThat(Files.size(e.path())).as(e.file()).isEqualTo(e.bytes());
            assertThat(MediaFormat.detect(e.path())).as(e.file()).contains(expected(e));
        }
    }

    @Test
    void edgeFilesThatAreTinyOrTruncatedAreStillRecognised() throws IOException {
        for (TestCorpus.Entry e : TestCorpus.entries()) {
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
        assertThat(MediaFormat.mimeTypeFor("apng/pillow-iss634.apng", MediaFormat.APNG))
                .isEqualTo("image/apng");
    }
}
