package dev.nemo.sdk.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent's render-settings vocabulary, phrase by phrase (English and Chinese, any case, with
 * extra words around): size targets, resolutions and orientations, format, trim, frame rate, title
 * and background colour.
 */
class RenderSettingsVocabularyTest {

    private static final long KB = 1024;
    private static final long MB = 1024 * 1024;

    private static Arguments row(String instruction, EditOp... expected) {
        return Arguments.of(instruction, List.of(expected));
    }

    private static EditOp size(long bytes) {
        return new EditOp.Compress(bytes, "medium");
    }

    static Stream<Arguments> sizeTargets() {
        return Stream.of(
                row("under 500KB", size(500 * KB)),
                row("Please make it UNDER 500 kb, thanks", size(500 * KB)),
                row("at most 2MB", size(2 * MB)),
                row("below 1.5 MB", size(Math.round(1.5 * MB))),
                row("no more than 800 KB please", size(800 * KB)),
                row("keep the file under 300 kilobytes", size(300 * KB)),
                row("under 2 megabytes", size(2 * MB)),
                row("500KB or less", size(500 * KB)),
                row("小于500KB", size(500 * KB)),
                row("不超过2MB", size(2 * MB)),
                row("文件大小控制在1兆以内", size(MB)),
                row("500千字节以内", size(500 * KB)),
                row("请把它压到 2M 以内", size(2 * MB)),
                row("不超过3兆字节", size(3 * MB)));
    }

    static Stream<Arguments> resolutions() {
        return Stream.of(
                row("480p", new EditOp.Resize("480p", 480, 0, 0)),
                row("make it 720P please", new EditOp.Resize("720p", 720, 0, 0)),
                row("export in 1080p", new EditOp.Resize("1080p", 1080, 0, 0)),
                row("4K please", new EditOp.Resize("1080p", 1080, 0, 0)),
                row("2160p", new EditOp.Resize("1080p", 1080, 0, 0)),
                row("make it for Instagram stories", new EditOp.Resize("vertical", 0, 1080, 1920)),
                row("resize it for TikTok", new EditOp.Resize("vertical", 0, 1080, 1920)),
                row("make it vertical", new EditOp.Resize("vertical", 0, 1080, 1920)),
                row("竖屏", new EditOp.Resize("vertical", 0, 1080, 1920)),
                row("改成抖音竖版", new EditOp.Resize("vertical", 0, 1080, 1920)),
                row("720p vertical", new EditOp.Resize("vertical", 0, 720, 1280)),
                row("make it square", new EditOp.Resize("square", 0, 1080, 1080)),
                row("正方形", new EditOp.Resize("square", 0, 1080, 1080)),
                row("landscape 16:9", new EditOp.Resize("landscape", 0, 1920, 1080)));
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                row("make it a GIF", new EditOp.Convert("gif")),
                row("turn it into an animated gif please", new EditOp.Convert("gif")),
                row("转成GIF", new EditOp.Convert("gif")),
                row("export as mp4", new EditOp.Convert("mp4")),
                row("save it As MP4", new EditOp.Convert("mp4")),
                row("输出MP4格式", new EditOp.Convert("mp4")));
    }

    static Stream<Arguments> trims() {
        return Stream.of(
                row("keep the first 5 seconds", new EditOp.Trim(0, 5000)),
                row("only the first 3 seconds please", new EditOp.Trim(0, 3000)),
                row("trim to 4 seconds", new EditOp.Trim(0, 4000)),
                row("Trim it to 2.5s", new EditOp.Trim(0, 2500)),
                row("前5秒", new EditOp.Trim(0, 5000)),
                row("只要前3秒", new EditOp.Trim(0, 3000)),
                row("from 2s to 5s", new EditOp.Trim(2000, 3000)),
                row("从2秒到5秒", new EditOp.Trim(2000, 3000)));
    }

    static Stream<Arguments> frameRates() {
        return Stream.of(
                row("at 15 fps", new EditOp.SetFps(15)),
                row("15FPS please", new EditOp.SetFps(15)),
                row("15帧", new EditOp.SetFps(15)),
                row("reduce the frame rate to 10", new EditOp.SetFps(10)),
                row("cap the framerate at 12", new EditOp.SetFps(12)),
                row("帧率改成20", new EditOp.SetFps(20)),
                row("每秒10帧", new EditOp.SetFps(10)));
    }

    static Stream<Arguments> titles() {
        return Stream.of(
                row("add a title 'Hello'", new EditOp.SetTitle("Hello")),
                row("ADD A TITLE \"Big Sale\"", new EditOp.SetTitle("Big Sale")),
                row("标题'你好'", new EditOp.SetTitle("你好")),
                row("标题“城市之光”", new EditOp.SetTitle("城市之光")),
                row("title: \"Launch day\"", new EditOp.SetTitle("Launch day")));
    }

    static Stream<Arguments> backgrounds() {
        return Stream.of(
                row("white background", new EditOp.SetBackground("#ffffff")),
                row("use a Black background please", new EditOp.SetBackground("#000000")),
                row("background #ff8800", new EditOp.SetBackground("#ff8800")),
                row("set the background colour to #F80", new EditOp.SetBackground("#ff8800")),
                row("make the background black", new EditOp.SetBackground("#000000")),
                row("背景白色", new EditOp.SetBackground("#ffffff")),
                row("背景改成黑色", new EditOp.SetBackground("#000000")),
                row("黑色背景", new EditOp.SetBackground("#000000")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"sizeTargets", "resolutions", "formats", "trims", "frameRates", "titles", "backgrounds"})
    void understands(String instruction, List<EditOp> expected) {
        assertThat(InstructionParser.parse(instruction)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combined")
    void combinesSettingsInOneMessage(String instruction, List<EditOp> expected) {
        assertThat(InstructionParser.parse(instruction)).containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Arguments> combined() {
        return Stream.of(
                row(
                        "make it a GIF under 2MB at 10 fps",
                        size(2 * MB),
                        new EditOp.Convert("gif"),
                        new EditOp.SetFps(10)),
                row(
                        "for Instagram stories, as mp4, under 500KB, white background",
                        size(500 * KB),
                        new EditOp.Resize("vertical", 0, 1080, 1920),
                        new EditOp.Convert("mp4"),
                        new EditOp.SetBackground("#ffffff")),
                row(
                        "转成GIF，前5秒，15帧，小于1MB，黑色背景",
                        new EditOp.Trim(0, 5000),
                        size(MB),
                        new EditOp.Convert("gif"),
                        new EditOp.SetFps(15),
                        new EditOp.SetBackground("#000000")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notSettings")
    void doesNotMistakeOtherWordsForSettings(String instruction, List<EditOp> expected) {
        assertThat(InstructionParser.parse(instruction)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> notSettings() {
        return Stream.of(
                row("add background music", new EditOp.AddMusic("Lo-fi", 0.35)),
                row("添加背景音乐", new EditOp.AddMusic("Lo-fi", 0.35)),
                row("compress a 2MB animated GIF with 60 frames", new EditOp.Compress(null, "medium")),
                row("一个60帧的动图"),
                row("what is the title's font?"),
                row("a big story about nothing"));
    }
}
