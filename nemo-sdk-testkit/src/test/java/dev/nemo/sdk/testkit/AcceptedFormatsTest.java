package dev.nemo.sdk.testkit;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.error.UnsupportedFileTypeException;
import dev.nemo.sdk.upload.MediaFormat;
import dev.nemo.sdk.upload.MediaFormats;
import dev.nemo.sdk.upload.MediaSource;
import dev.nemo.sdk.upload.UploadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The emulator says the SDK's one list of accepted formats, and the SDK's 4001 error shows it once. */
@NemoEmulatorTest
class AcceptedFormatsTest {
    private static final String ACCEPTED = "Accepted: " + MediaFormats.description();

    @TempDir
    Path dir;

    @Test
    void theEmulatorsRefusalOfATextFileListsTheAcceptedFormatsOnce(NemoClient client) throws IOException {
        String sid = client.sessions().create().sessionId();
        Path notes = Files.writeString(dir.resolve("notes.mp4"), "Shopping list: eggs, milk\n");

        assertThatThrownBy(() -> client.uploads().upload(sid, List.of(MediaSource.of(notes)),
                UploadOptions.builder().verifyContent(false).build()))
                .isInstanceOf(UnsupportedFileTypeException.class)
                .hasMessage("Unsupported file type (code 4001): Unsupported file type: notes.mp4. " + ACCEPTED);
    }

    @Test
    void theAgentAsksForMediaInTheSameWords(NemoClient client) {
        String sid = client.sessions().create().sessionId();

        assertThat(client.chat().send(sid, "compress this GIF to under 500KB").text())
                .isEqualTo("Please upload your media first, then tell me what to do with it. " + ACCEPTED + ".");
    }

    @Test
    void inChineseTheAgentNamesTheSameFormatsTheEnglishSentenceNamesFirst(NemoClient client) {
        String sid = client.sessions().create().sessionId();

        assertThat(client.chat().send(sid, "把这个GIF压缩到500KB以内").text())
                .isEqualTo("请先上传一个 GIF、MP4、WebM 或 APNG 文件，然后告诉我要怎么处理。")
                .contains(MediaFormats.primary().stream().map(MediaFormat::displayName).toList());
    }
}
