package dev.nemo.sdk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentRouterTest {
    static Intent route(String message) {
        return IntentRouter.standard().route(message).intent();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // the seed's table, English
                "export|EXPORT",
                "Export|EXPORT",
                "EXPORT!|EXPORT",
                "download|EXPORT",
                "send me the video|EXPORT",
                "please send me the video now|EXPORT",
                "credits|CREDITS",
                "balance|CREDITS",
                "balance?|CREDITS",
                "status|STATUS",
                "show tracks|STATUS",
                "show|STATUS",
                "upload|UPLOAD",
                // the seed's table, Chinese
                "导出|EXPORT",
                "下载|EXPORT",
                "积分|CREDITS",
                "余额|CREDITS",
                "状态|STATUS",
                "上传|UPLOAD",
                "请导出视频|EXPORT",
                "帮我下载一下|EXPORT",
                "我还有多少积分？|CREDITS",
                "查看状态|STATUS",
                "我想上传一个文件|UPLOAD",
                // polite and question forms
                "please export it as 720p|EXPORT",
                "Can you export the video?|EXPORT",
                "could you download the result for me|EXPORT",
                "ok, export|EXPORT",
                "how do I download the result?|EXPORT",
                "make an export|EXPORT",
                "create a download|EXPORT",
                "how many credits do I have left?|CREDITS",
                "what's my balance?|CREDITS",
                "check my credits|CREDITS",
                "how many credits does an export cost?|CREDITS",
                "what is the status?|STATUS",
                "show me the timeline|STATUS",
                "show my tracks|STATUS",
                "is my export ready?|EXPORT",
                "I want to upload a video|UPLOAD",
                // edits go to the chat
                "compress this GIF to under 500KB without losing too much quality|CHAT",
                "add background music|CHAT",
                "generate a 10 second intro|CHAT",
                "hello|CHAT",
                "make it loop 3 times|CHAT",
                // edge cases: keywords inside content, inflections, ambiguous words
                "add a title 'Export Day'|CHAT",
                "add a title \"Export Day\"|CHAT",
                "add a title “Download Now”|CHAT",
                "标题改成“导出日”|CHAT",
                "add a title Export Day|CHAT",
                "set the caption to download free|CHAT",
                "I want the text to read export now|CHAT",
                "the title should say upload complete|CHAT",
                "make the downloadable version 720p|CHAT",
                "the exported clip looks blurry, sharpen it|CHAT",
                "why do uploads take so long|CHAT",
                "compress this GIF and then export it|CHAT",
                "adjust the audio balance|CHAT",
                "fix the white balance|CHAT",
                "balance the music and the voice|CHAT",
                "show a title at 3 seconds|CHAT",
                "show the cat in slow motion|CHAT",
                "don't export yet, add music first|CHAT",
                "do not download it|CHAT",
                "先不要导出|CHAT",
                "what's the status of the title text|STATUS",
                "把字幕改成红色|CHAT",
                "压缩一下然后导出|CHAT"
            })
    void routesAsTheSeedTableSays(String message, String expected) {
        assertThat(route(message)).as(message).isEqualTo(Intent.valueOf(expected));
    }

    @Test
    void fileReferencesMeanUpload() {
        IntentRoute r = IntentRouter.standard().route("here is ~/clips/cat.gif and /tmp/b.MP4");
        assertThat(r.intent()).isEqualTo(Intent.UPLOAD);
        assertThat(r.fileReferences()).containsExactly("~/clips/cat.gif", "/tmp/b.MP4");

        assertThat(IntentRouter.standard().route("cat.gif").intent()).isEqualTo(Intent.UPLOAD);
        assertThat(IntentRouter.standard().route("here's my clip: cat.gif").fileReferences())
                .containsExactly("cat.gif");
        assertThat(IntentRouter.standard()
                        .route("https://example.com/v/clip.mp4?sig=1")
                        .fileReferences())
                .containsExactly("https://example.com/v/clip.mp4?sig=1");
        assertThat(IntentRouter.standard()
                        .route("upload \"C:\\My Clips\\cat 1.webm\" please")
                        .fileReferences())
                .containsExactly("C:\\My Clips\\cat 1.webm");
        assertThat(IntentRouter.standard().route("上传 /home/me/猫.gif").fileReferences())
                .containsExactly("/home/me/猫.gif");
    }

    @Test
    void aPathWinsOverAnEditVerbButABareNameInAnEditNamesAFileAlreadyThere() {
        IntentRoute withPath = IntentRouter.standard().route("compress ~/Downloads/cat.gif to 500KB");
        assertThat(withPath.intent()).isEqualTo(Intent.UPLOAD);
        assertThat(withPath.fileReferences()).containsExactly("~/Downloads/cat.gif");
        IntentRoute bare = IntentRouter.standard().route("make cat.gif loop three times");
        assertThat(bare.intent()).isEqualTo(Intent.CHAT);
        assertThat(bare.fileReferences()).containsExactly("cat.gif");
    }

    @Test
    void anExportTargetPathDoesNotTurnAnExportIntoAnUpload() {
        IntentRoute r = IntentRouter.standard().route("export to ~/out/final.mp4");
        assertThat(r.intent()).isEqualTo(Intent.EXPORT);
        assertThat(r.trigger()).contains("export");
        assertThat(r.fileReferences()).containsExactly("~/out/final.mp4");
    }

    @Test
    void notFileReferences() {
        for (String s : List.of(
                "version 1.5 is better",
                "e.g. make it faster",
                "compress it to 2.5MB",
                "the .gif format",
                "add gif stickers",
                "cat.gifs",
                "a file named 'title.gif' as text")) {
            assertThat(IntentRouter.standard().route(s).fileReferences()).as(s).isEmpty();
        }
    }

    @Test
    void reportsTheTrigger() {
        assertThat(IntentRouter.standard().route("please EXPORT it").trigger()).contains("export");
        assertThat(IntentRouter.standard().route("我还有多少积分").trigger()).contains("积分");
        assertThat(IntentRouter.standard().route("add music").trigger()).isEmpty();
    }

    @Test
    void fullWidthAndOddWhitespaceAreNormalised() {
        assertThat(route("ｅｘｐｏｒｔ")).isEqualTo(Intent.EXPORT);
        assertThat(route("\u00A0\u3000 show\ttracks ")).isEqualTo(Intent.STATUS);
        assertThat(route("")).isEqualTo(Intent.CHAT);
        assertThat(route("   ")).isEqualTo(Intent.CHAT);
    }

    @Test
    void hugeInputsAreFast() {
        String junk = "a,".repeat(50_000) + "\"".repeat(10_000) + "'x ".repeat(10_000) + "/a".repeat(5000);
        long start = System.nanoTime();
        IntentRouter.standard().route(junk);
        IntentRouter.standard().route("x.".repeat(20_000));
        // a hang guard, not a benchmark: quadratic behaviour would take minutes here
        assertThat(System.nanoTime() - start).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(20));
    }
}
