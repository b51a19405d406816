package dev.nemo.sdk.testkit.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RgbColorTest {

    @Test
    void parsesHexAndNames() {
        assertThat(RgbColor.parse("#ff8000")).isEqualTo(new RgbColor(255, 128, 0));
        assertThat(RgbColor.parse("0x0000FF")).isEqualTo(new RgbColor(0, 0, 255));
        assertThat(RgbColor.parse("abc")).isEqualTo(new RgbColor(0xaa, 0xbb, 0xcc));
        assertThat(RgbColor.parse(" White ")).isEqualTo(RgbColor.WHITE);
        assertThat(RgbColor.parse("grey")).isEqualTo(RgbColor.parse("gray"));
        assertThat(RgbColor.parse("black").toHex()).isEqualTo("#000000");
    }

    @Test
    void rejectsNonColours() {
        assertThatThrownBy(() -> RgbColor.parse("blurple"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blurple");
        assertThatThrownBy(() -> RgbColor.parse("#12345")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RgbColor(256, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
