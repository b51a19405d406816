package dev.nemo.sdk.testkit.media;

import static dev.nemo.sdk.testkit.media.MediaTestSupport.assumeNatives;
import static dev.nemo.sdk.testkit.media.MediaTestSupport.corpusFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.error.ExportFailedException;
import dev.nemo.sdk.export.ExportFormat;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.NemoEmulator;
import dev.nemo.sdk.testkit.media.internal.AudioProbe;
import dev.nemo.sdk.upload.MediaSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator finds this module's renderer through {@code ServiceLoader} and exports become real,
 * compressed files, driven by what the agent understood from chat; the SDK sees the details.
 */
class FfmpegRendererTest {

    private final VirtualTime time = VirtualTime.create();

    @TempDir
    Path dir;

    private NemoEmulator emulator;
    private NemoClient client;

    @BeforeEach
    void start() {
        assumeNatives();
        emulator = NemoEmulator.start(EmulatorOptions.builder().clock(time).build());
        client = emulator.clientBuilder(dir).clientId("media-e2e-client").build();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private String sessionWith(Path media, String... instructions) {
        String sid = client.sessions().create().sessionId();
        client.uploads().upload(sid, List.of(MediaSource.of(media)));
        for (String instruction : instructions) {
            client.chat().send(sid, instruction);
        }
        return sid;
    }

    private ExportJob export(String sid, ExportOptions options) {
        Draft draft = client.state().get(sid).draft().orElseThrow();
        return client.exports().submit(sid, draft, options).waitForCompletion();
    }

    private static JsonNode data(ExportJob job) {
        try {
            JsonNode raw = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(job.raw().toJson());
            return raw.has("data") ? raw.get("data") : raw;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void exportsARealCompressedMp4WithItsQualityInTheStatus() throws IOException {
        Path gif = corpusFile("cartoon/pillow-iss634.gif");
        String sid = sessionWith(gif, "compress this GIF to under 500KB without losing too much quality");

        ExportJob job = export(sid, ExportOptions.defaults());
        JsonNode d = data(job);
        assertThat(d.path("renderer").asText()).isEqualTo(FfmpegRenderer.NAME);
        assertThat(d.path("converted").asBoolean()).isTrue();
        assertThat(d.path("format").asText()).isEqualTo("mp4");

        Path out = dir.resolve("out.mp4");
        client.exports().download(job, out);
        assertThat(Mp4Boxes.read(out).topLevel()).containsSubsequence("ftyp", "moov", "mdat");
        long size = Files.size(out);
        assertThat(size).isLessThan(Files.size(gif)).isLessThanOrEqualTo(512_000);
        JsonNode details = d.path("details");
        assertThat(details.path("inputBytes").asLong()).isEqualTo(Files.size(gif));
        assertThat(details.path("outputBytes").asLong()).isEqualTo(size);
        assertThat(details.path("compressionRatio").asDouble()).isGreaterThan(1);
        assertThat(details.path("ssim").asDouble()).isBetween(0.9, 1.0);
        assertThat(details.path("targetBytes").asLong()).isEqualTo(512_000);
        assertThat(details.path("targetMet").asBoolean()).isTrue();
        assertThat(details.path("durationMs").asLong()).isEqualTo(GifTiming.durationMillis(gif));
        assertThat(details.path("summary").asText()).contains("SSIM");
    }

    @Test
    void theDraftDrivesTrimAndTitleAndTheExportTheFormat() throws IOException {
        Path gif = corpusFile("photo/glide-concert.gif"); // 11 frames of 100 ms
        String sid = sessionWith(gif, "keep only the first 0.5 seconds", "add the title 'Live'");

        ExportJob job =
                export(sid, ExportOptions.builder().format(ExportFormat.GIF).build());
        JsonNode d = data(job);
        assertThat(d.path("format").asText()).isEqualTo("gif");
        Path out = dir.resolve("out.gif");
        client.exports().download(job, out);
        assertThat(GifTiming.durationMillis(out)).isEqualTo(500);
        assertThat(d.at("/details/frames").asInt()).isEqualTo(5);
    }

    @Test
    void uploadedMusicIsMixedInAndUploadedClipsPlayOneAfterAnother() throws IOException {
        Path first = TestMedia.gif(dir.resolve("first.gif"), 120, 90, 8, 10); // 0.8 s
        Path second = TestMedia.gif(dir.resolve("second.gif"), 90, 120, 4, 25); // 1.0 s
        Path wav = Files.write(dir.resolve("music.wav"), TestMedia.sineWav(3.0, 44_100, 440, 0.5));
        String sid = client.sessions().create().sessionId();
        client.uploads().upload(sid, List.of(MediaSource.of(first), MediaSource.of(second), MediaSource.of(wav)));

        ExportJob job = export(sid, ExportOptions.defaults());
        JsonNode details = data(job).path("details");
        Path out = dir.resolve("out.mp4");
        client.exports().download(job, out);

        AudioProbe.Streams streams = AudioProbe.streams(out);
        assertThat(streams.audioCodec()).isEqualTo("aac");
        assertThat(streams.videoSeconds()).isCloseTo(1.8, within(0.02));
        assertThat(streams.audioSeconds()).isCloseTo(streams.videoSeconds(), within(0.05));
        assertThat(details.path("segments").asInt()).isEqualTo(2);
        assertThat(details.path("frames").asInt()).isEqualTo(12);
        assertThat(details.path("audio").asText()).isEqualTo("aac");
        assertThat(details.path("outputBytes").asLong()).isEqualTo(Files.size(out));
    }

    @Test
    void anAnimatedWebpUploadExportsAsMp4AndGifWithEveryFrameAndItsTiming() throws IOException {
        Path webp = dir.resolve("anim.webp");
        try (var in = FfmpegRendererTest.class.getResourceAsStream("/webp/anim-lossless.webp")) {
            Files.write(webp, in.readAllBytes()); // 48x32, frames of 80, 120, 200, 40 and 60 ms
        }
        String sid = sessionWith(webp);

        ExportJob mp4 = export(sid, ExportOptions.defaults());
        Path mp4Out = dir.resolve("out.mp4");
        client.exports().download(mp4, mp4Out);
        JsonNode d = data(mp4).path("details");
        assertThat(data(mp4).path("converted").asBoolean()).isTrue();
        assertThat(d.path("frames").asInt()).isEqualTo(5);
        assertThat(d.path("durationMs").asLong()).isEqualTo(500);
        assertThat(Mp4Boxes.read(mp4Out).movieSeconds()).isEqualTo(0.5);
        assertThat(d.path("outputBytes").asLong()).isEqualTo(Files.size(mp4Out));

        ExportJob gif =
                export(sid, ExportOptions.builder().format(ExportFormat.GIF).build());
        Path gifOut = dir.resolve("out.gif");
        client.exports().download(gif, gifOut);
        assertThat(data(gif).path("format").asText()).isEqualTo("gif");
        assertThat(data(gif).at("/details/frames").asInt()).isEqualTo(5);
        assertThat(GifTiming.delays(gifOut)).containsExactly(8, 12, 20, 4, 6);
        assertThat(data(gif).at("/details/width").asInt()).isEqualTo(48);
    }

    @Test
    void theAgentsWordsTheRenderStatusAndTheFileAgreeOnTheSize() throws IOException {
        Path gif = TestMedia.gif(dir.resolve("odd.gif"), 817, 565, 3, 10); // odd sides, smaller than 720p
        String sid = client.sessions().create().sessionId();
        client.uploads().upload(sid, List.of(MediaSource.of(gif)));
        String said = client.chat().send(sid, "convert to 720p MP4").text();
        assertThat(said).contains("817×565").contains("816×564").doesNotContain("1042");

        ExportJob mp4 = export(sid, ExportOptions.defaults());
        Path mp4Out = dir.resolve("odd.mp4");
        client.exports().download(mp4, mp4Out);
        var frame = dev.nemo.sdk.testkit.media.internal.DecodedFrames.decode(mp4Out, 1)
                .get(0)
                .image();
        assertThat(frame.getWidth() + "×" + frame.getHeight()).isEqualTo("816×564");
        assertThat(data(mp4).at("/details/width").asInt()).isEqualTo(816);
        assertThat(data(mp4).at("/details/height").asInt()).isEqualTo(564);
        assertThat(data(mp4).path("description").asText())
                .startsWith("made an MP4 of 816×564 (the source's 817×565 already fits 720p and is not upscaled;")
                .contains("3 frames in 0.3s");

        ExportJob gifJob =
                export(sid, ExportOptions.builder().format(ExportFormat.GIF).build());
        Path gifOut = dir.resolve("odd-out.gif");
        client.exports().download(gifJob, gifOut);
        byte[] header = Files.readAllBytes(gifOut);
        assertThat((header[6] & 0xff | (header[7] & 0xff) << 8) + "×" + (header[8] & 0xff | (header[9] & 0xff) << 8))
                .isEqualTo("817×565");
        assertThat(data(gifJob).path("description").asText())
                .startsWith("made a GIF of 817×565 (the source's 817×565 already fits 720p and is not upscaled)");
    }

    @Test
    void aStillWebpIsStillAccepted() throws IOException {
        byte[] still = stillWebp();
        Path file = Files.write(dir.resolve("still.webp"), still);
        String sid = client.sessions().create().sessionId();

        assertThat(client.uploads().upload(sid, List.of(MediaSource.of(file))).files())
                .hasSize(1);
    }

    @Test
    void aSourceTheEngineCannotDecodeFailsTheRenderAsAnUnsupportedFile() throws IOException {
        byte[] broken = new byte[4096];
        byte[] header = {'G', 'I', 'F', '8', '9', 'a', 64, 0, 36, 0, 0, 0, 0};
        System.arraycopy(header, 0, broken, 0, header.length);
        java.util.Arrays.fill(broken, header.length, broken.length, (byte) 0x5a);
        Path gif = Files.write(dir.resolve("broken.gif"), broken);
        String sid = sessionWith(gif);
        Draft draft = client.state().get(sid).draft().orElseThrow();

        assertThatThrownBy(() -> client.exports()
                        .submit(sid, draft, ExportOptions.defaults())
                        .waitForCompletion())
                .isInstanceOfSatisfying(ExportFailedException.class, e -> {
                    assertThat(e.cancelled()).isFalse();
                    assertThat(e.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("Unsupported file type:"));
                });
        String renderId = emulator.renders().get(0).id();
        assertThat(data(client.exports().poll(renderId)).path("code").asInt()).isEqualTo(4001);
    }

    /** A 1x1 lossy WebP still (VP8 key frame header only: enough for the upload's sniffing). */
    private static byte[] stillWebp() {
        byte[] vp8 = {'V', 'P', '8', ' ', 10, 0, 0, 0, 0x30, 0x01, 0x00, (byte) 0x9d, 0x01, 0x2a, 1, 0, 1, 0};
        byte[] body = new byte[4 + vp8.length];
        body[0] = 'W';
        body[1] = 'E';
        body[2] = 'B';
        body[3] = 'P';
        System.arraycopy(vp8, 0, body, 4, vp8.length);
        byte[] out = new byte[8 + body.length];
        out[0] = 'R';
        out[1] = 'I';
        out[2] = 'F';
        out[3] = 'F';
        out[4] = (byte) body.length;
        System.arraycopy(body, 0, out, 8, body.length);
        return out;
    }
}
