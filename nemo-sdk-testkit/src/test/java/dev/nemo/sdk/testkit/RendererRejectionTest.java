package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.error.ExportFailedException;
import dev.nemo.sdk.error.UnsupportedFileTypeException;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.testkit.internal.JsonBridge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A renderer that cannot decode a kind of media refuses it at upload ({@code 4001}, the SDK's
 * {@link UnsupportedFileTypeException}); a render that still meets one fails with code 4001 and an
 * "Unsupported file type" reason.
 */
class RendererRejectionTest {
    private final VirtualTime time = VirtualTime.create();

    @TempDir
    Path dir;

    private NemoEmulator emulator;
    private NemoClient client;
    private final List<SourceMedia> asked = new CopyOnWriteArrayList<>();

    /** Refuses PNG uploads; throws {@link UnrenderableMediaException} from every render. */
    private final Renderer picky = new Renderer() {
        @Override
        public String name() {
            return "picky";
        }

        @Override
        public Optional<String> rejects(SourceMedia media) {
            asked.add(media);
            return media.mimeType().equals("image/png") ? Optional.of("PNG cannot be rendered here") : Optional.empty();
        }

        @Override
        public RenderOutput render(RenderInput request) throws IOException {
            throw new UnrenderableMediaException("animated frames of this kind cannot be decoded", null);
        }
    };

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private String start(Renderer renderer) {
        emulator = NemoEmulator.start(EmulatorOptions.builder()
                .clock(time)
                .renderer(renderer)
                .renderPacing(RenderPacing.afterPolls(1))
                .build());
        client = emulator.clientBuilder(dir).clientId("rejection-client").build();
        return client.sessions().create().sessionId();
    }

    @Test
    void anUploadTheRendererRefusesIsAnUnsupportedFileTypeAndNothingIsStored() throws IOException {
        String sid = start(picky);
        Path png = Files.write(dir.resolve("still.png"), TestMedia.png(64, 36));
        Path gif = Files.write(dir.resolve("cat.gif"), TestMedia.gif(64, 36, 10, 10));

        assertThatThrownBy(() -> client.uploads().upload(sid, gif, png))
                .isInstanceOf(UnsupportedFileTypeException.class)
                .hasMessageContaining("still.png")
                .hasMessageContaining("PNG cannot be rendered here");
        assertThat(client.state().get(sid).videoInfos())
                .as("a refused request stores none of its files")
                .isEmpty();
        assertThat(asked).extracting(SourceMedia::filename).contains("cat.gif", "still.png");
        assertThat(asked.get(0).url()).as("not stored yet").isEmpty();
        assertThat(asked.get(0).width()).hasValue(64);

        assertThat(client.uploads().upload(sid, gif).files()).hasSize(1);
    }

    @Test
    void theDefaultAcceptsEverythingAsBefore() throws IOException {
        String sid = start(new Renderer() {
            @Override
            public String name() {
                return "lenient";
            }

            @Override
            public RenderOutput render(RenderInput request) {
                return RenderOutput.of(new byte[] {1}, "video/mp4", "mp4");
            }
        });
        Path png = Files.write(dir.resolve("still.png"), TestMedia.png(64, 36));

        assertThat(client.uploads().upload(sid, png).files()).hasSize(1);
    }

    @Test
    void aRenderThatMeetsUnsupportedMediaFailsWithCode4001() throws IOException {
        String sid = start(picky);
        Path gif = Files.write(dir.resolve("cat.gif"), TestMedia.gif(64, 36, 10, 10));
        client.uploads().upload(sid, gif);

        assertThatThrownBy(() -> client.exports()
                        .submit(sid, client.state().get(sid).draft().orElseThrow())
                        .waitForCompletion())
                .isInstanceOfSatisfying(ExportFailedException.class, e -> {
                    assertThat(e.cancelled()).isFalse();
                    assertThat(e.reason())
                            .hasValueSatisfying(r -> assertThat(r)
                                    .startsWith("Unsupported file type:")
                                    .contains("cannot be decoded"));
                })
                .hasMessageContaining("Unsupported file type");
        JsonNode raw = JsonBridge.toJackson(
                client.exports().poll(emulator.renders().get(0).id()).raw());
        JsonNode status = raw.has("data") ? raw.get("data") : raw;
        assertThat(status.path("code").asInt()).isEqualTo(4001);
        assertThat(status.path("status").asText()).isEqualTo("failed");
    }
}
