package dev.nemo.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.Endpoint;
import dev.nemo.sdk.testkit.NemoEmulator;
import dev.nemo.sdk.testkit.RenderPacing;
import dev.nemo.sdk.testkit.SilentEdits;
import dev.nemo.sdk.upload.MediaSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick-edit example after a silent edit whose change reaches the state endpoint late: it shows
 * each state check and exports the draft with the change in it.
 */
class QuickEditSettleTest {
    @TempDir
    Path dir;

    private NemoEmulator emulator;
    private NemoClient client;

    @BeforeEach
    void start() {
        emulator = NemoEmulator.start(EmulatorOptions.builder()
                .silentEdits(SilentEdits.ALWAYS)
                .stateLag(Duration.ofMillis(600))
                .renderPacing(RenderPacing.afterPolls(1))
                .build());
        client = emulator.clientBuilder(dir).clientId("settle-example").build();
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void aLateSilentEditIsWaitedForShownAndExported() throws Exception {
        Path gif = dir.resolve("cat.gif");
        Files.write(gif, TestMedia.gif(48, 32, 3));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        QuickEdit.Result r = QuickEdit.run(
                client,
                MediaSource.of(gif),
                Files.size(gif),
                "add a title 'Late Title'",
                dir.resolve("cat.mp4"),
                Rendering.polling(Duration.ofMillis(200)),
                out);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("checking the draft: 1 of 11").contains("change found");
        assertThat(printed).contains("Render render_").contains("submitted");
        assertThat(r.chat().stateChange())
                .get()
                .satisfies(d -> assertThat(d.isEmpty()).isFalse());
        assertThat(emulator.requests(Endpoint.RENDER_SUBMIT))
                .singleElement()
                .satisfies(q -> assertThat(q.bodyText()).contains("Late Title"));
    }
}
