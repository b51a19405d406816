package dev.nemo.sdk.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstructionParserTest {

    @Test
    void theSeedsExamples() {
        assertThat(InstructionParser.parse("compress a 2MB animated GIF with 60 frames into a 720p MP4"))
                .containsExactly(
                        new EditOp.Compress(null, "medium"),
                        new EditOp.Resize("720p", 720, 0, 0),
                        new EditOp.Convert("mp4"));
        assertThat(InstructionParser.parse("compress this GIF to under 500KB without losing too much quality"))
                .containsExactly(new EditOp.Compress(512_000L, "high"));
        assertThat(
                        InstructionParser.parse(
                                "reducing GIF file size for web and social media use for web developers, marketers, social media managers"))
                .containsExactly(new EditOp.Compress(null, "medium"));
    }

    @Test
    void theIssuesExamples() {
        assertThat(InstructionParser.parse("convert to 720p MP4"))
                .containsExactly(new EditOp.Resize("720p", 720, 0, 0), new EditOp.Convert("mp4"));
        assertThat(InstructionParser.parse("make it a GIF")).containsExactly(new EditOp.Convert("gif"));
        assertThat(InstructionParser.parse("trim to 5 seconds")).containsExactly(new EditOp.Trim(0, 5000));
        assertThat(InstructionParser.parse("add a title 'X'")).containsExactly(new EditOp.SetTitle("X"));
        assertThat(InstructionParser.parse("add BGM")).containsExactly(new EditOp.AddMusic("Lo-fi", 0.35));
        assertThat(InstructionParser.parse("remove the title")).containsExactly(new EditOp.RemoveTitle());
    }

    @Test
    void chineseForms() {
        assertThat(InstructionParser.parse("把这个GIF压缩到500KB以内"))
                .containsExactly(new EditOp.Compress(512_000L, "medium"));
        assertThat(InstructionParser.parse("转换为720p的MP4"))
                .containsExactly(new EditOp.Resize("720p", 720, 0, 0), new EditOp.Convert("mp4"));
        assertThat(InstructionParser.parse("转成GIF")).containsExactly(new EditOp.Convert("gif"));
        assertThat(InstructionParser.parse("剪辑到5秒")).containsExactly(new EditOp.Trim(0, 5000));
        assertThat(InstructionParser.parse("截取前3秒")).containsExactly(new EditOp.Trim(0, 3000));
        assertThat(InstructionParser.parse("添加标题“城市之光”")).containsExactly(new EditOp.SetTitle("城市之光"));
        assertThat(InstructionParser.parse("加字幕「你好」")).containsExactly(new EditOp.SetTitle("你好"));
        assertThat(InstructionParser.parse("添加背景音乐")).containsExactly(new EditOp.AddMusic("Lo-fi", 0.35));
        assertThat(InstructionParser.parse("删除标题")).containsExactly(new EditOp.RemoveTitle());
        assertThat(InstructionParser.parse("去掉背景音乐")).containsExactly(new EditOp.RemoveMusic());
        assertThat(InstructionParser.parse("压缩一下，保持画质")).containsExactly(new EditOp.Compress(null, "high"));
    }

    @Test
    void moreForms() {
        assertThat(InstructionParser.parse("keep only the first 2.5 seconds"))
                .containsExactly(new EditOp.Trim(0, 2500));
        assertThat(InstructionParser.parse("cut it from 2s to 5s")).containsExactly(new EditOp.Trim(2000, 3000));
        assertThat(InstructionParser.parse("shorten the clip to 1 minute")).containsExactly(new EditOp.Trim(0, 60_000));
        assertThat(InstructionParser.parse("change the title to \"Don't stop\""))
                .containsExactly(new EditOp.SetTitle("Don't stop"));
        assertThat(InstructionParser.parse("add a title saying Hello World"))
                .containsExactly(new EditOp.SetTitle("Hello World"));
        assertThat(InstructionParser.parse("add some upbeat background music at 50% volume"))
                .containsExactly(new EditOp.AddMusic("Upbeat", 0.5));
        assertThat(InstructionParser.parse("set the music volume to 20%")).containsExactly(new EditOp.SetVolume(0.2));
        assertThat(InstructionParser.parse("mute the music")).containsExactly(new EditOp.RemoveMusic());
        assertThat(InstructionParser.parse("export as webm at 15 fps"))
                .containsExactly(new EditOp.Convert("webm"), new EditOp.SetFps(15));
        assertThat(InstructionParser.parse("resize to 1080x1920"))
                .containsExactly(new EditOp.Resize(null, 0, 1080, 1920));
        assertThat(InstructionParser.parse("convert the gif to mp4")).containsExactly(new EditOp.Convert("mp4"));
        assertThat(InstructionParser.parse("make it smaller, under 2 MB"))
                .containsExactly(new EditOp.Compress(2L * 1024 * 1024, "medium"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "hello",
                "make it look better",
                "what can you do?",
                "export",
                "show the credits",
                "a photo of a cat",
                "is this 720 pixels wide?"
            })
    void unrelatedMessagesHaveNoOperations(String message) {
        assertThat(InstructionParser.parse(message)).isEmpty();
    }

    @Test
    void sourceFormatsAndSizesAreNotMistakenForTargets() {
        List<EditOp> ops = InstructionParser.parse("compress this 3MB gif");
        assertThat(ops).containsExactly(new EditOp.Compress(null, "medium"));
        assertThat(InstructionParser.parse("compress this photo gif"))
                .doesNotHaveAnyElementsOfTypes(EditOp.Convert.class);
    }

    @Test
    void chineseIsDetected() {
        assertThat(InstructionParser.isChinese("添加标题")).isTrue();
        assertThat(InstructionParser.isChinese("add a title")).isFalse();
    }
}
