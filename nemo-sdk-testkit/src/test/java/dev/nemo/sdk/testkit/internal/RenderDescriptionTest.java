package dev.nemo.sdk.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.testkit.RenderInput;
import dev.nemo.sdk.testkit.RenderOutput;
import dev.nemo.sdk.testkit.SourceMedia;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The render status's sentence is read from the output file, never from what was asked. */
class RenderDescriptionTest {

    /** A GIF header of a size with no image: enough for the probe. */
    private static byte[] gifOf(int w, int h) {
        return new byte[] {
            'G', 'I', 'F', '8', '9', 'a', (byte) w, (byte) (w >> 8), (byte) h, (byte) (h >> 8), 0, 0, 0, ';'
        };
    }

    private static RenderInput asked(int boxWidth, int boxHeight, Long target, SourceMedia source) {
        ObjectNode m = EmulatorJson.object()
                .put("width", boxWidth)
                .put("height", boxHeight)
                .put("resolution", "720p");
        if (target != null) {
            m.put("target_size_bytes", target);
        }
        ObjectNode draft = EmulatorJson.object();
        draft.set("m", m);
        return new RenderInput(
                "r1",
                "s1",
                JsonBridge.objectOrEmpty(draft),
                JsonBridge.objectOrEmpty(EmulatorJson.object()),
                List.of(source));
    }

    @Test
    void aSourceThatFitsIsDescribedAtTheSizeTheFileHas() {
        SourceMedia source = new SourceMedia("", "odd.gif", "image/gif", gifOf(817, 565), 817, 565, null);
        RenderOutput out = RenderOutput.of(gifOf(817, 565), "image/gif", "gif");

        assertThat(RenderDescription.of(asked(1042, 720, 500_000L, source), out))
                .isEqualTo("made a GIF of 817×565 (the source's 817×565 already fits 720p and is not upscaled), "
                        + DraftEditor.size(14) + ", under the " + DraftEditor.size(500_000) + " asked for")
                .doesNotContain("1042");
    }

    @Test
    void aLargerSourceIsDescribedAtItsFittedSizeAndAMissedTargetIsSaid() {
        SourceMedia source = new SourceMedia("", "big.gif", "image/gif", gifOf(1920, 1080), 1920, 1080, null);
        RenderOutput out = RenderOutput.of(gifOf(960, 540), "image/gif", "gif");

        assertThat(RenderDescription.of(asked(1280, 720, 10L, source), out))
                .startsWith("made a GIF of 960×540 (fitted within 720p, 1280×720)")
                .contains("over the " + DraftEditor.size(10) + " asked for");
    }

    @Test
    void anUnconvertedOutputSaysSo() {
        SourceMedia source = new SourceMedia("", "odd.gif", "image/gif", gifOf(817, 565), 817, 565, null);
        RenderOutput out = RenderOutput.unconverted(gifOf(817, 565), "image/gif", "gif", "passthrough");

        assertThat(RenderDescription.of(asked(1042, 720, null, source), out))
                .isEqualTo("returned the uploaded 817×565 GIF unchanged (this renderer does not convert)");
    }
}
