package dev.nemo.sdk.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one list of accepted formats: what it says, and that the README shows the same sentence. */
class MediaFormatsTest {

    @Test
    void theSentenceNamesTheSeedsFormatsFirstWithTheLimitThenEveryOtherAcceptedFormat() {
        assertThat(MediaFormats.description())
                .isEqualTo("GIF, MP4, WebM or APNG up to 200 MB; also MOV, AVI and MKV "
                        + "video, JPG, PNG and WebP still images, and MP3, WAV, M4A and AAC audio");
        for (MediaFormat f : MediaFormat.values()) {
            assertThat(MediaFormats.description()).as(f.name()).contains(f.displayName());
        }
    }

    @Test
    void theListIsTheSeedsCompressorFormatsPlusThePlatformsThirteenExtensions() {
        assertThat(MediaFormats.primary())
                .containsExactly(MediaFormat.GIF, MediaFormat.MP4, MediaFormat.WEBM, MediaFormat.APNG);
        assertThat(MediaFormats.accepted())
                .startsWith(MediaFormat.GIF, MediaFormat.MP4, MediaFormat.WEBM, MediaFormat.APNG)
                .containsExactlyInAnyOrder(MediaFormat.values());
        // the seed: "Formats: mp4, mov, avi, webm, mkv, jpg, png, gif, webp, mp3, wav, m4a, aac", and APNG (contract
        // C8)
        assertThat(MediaFormats.extensions())
                .containsExactlyInAnyOrder(
                        "gif", "mp4", "webm", "apng", "mov", "avi", "mkv", "jpg", "jpeg", "png", "webp", "mp3", "wav",
                        "m4a", "aac");
        assertThat(MediaFormats.mimeTypes())
                .contains("image/gif", "video/mp4", "video/webm", "image/apng", "image/webp")
                .hasSize(MediaFormat.values().length);
        assertThat(MediaFormats.MAX_FILE_SIZE)
                .isEqualTo(200L * 1024 * 1024)
                .isEqualTo(UploadOptions.DEFAULT_MAX_FILE_SIZE);
    }

    @Test
    void theReadmeAndTheTestkitGuideShowTheSameSentence() throws IOException {
        for (Path doc : List.of(Path.of("../README.md"), Path.of("../docs/testkit.md"))) {
            assertThat(unwrapped(doc)).as(doc.toString()).contains(MediaFormats.description());
        }
    }

    /** The document's text with its line breaks inside paragraphs joined, as a reader sees it. */
    private static String unwrapped(Path doc) throws IOException {
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        return String.join(
                " ", Arrays.stream(text.split("\n")).map(String::strip).toList());
    }
}
