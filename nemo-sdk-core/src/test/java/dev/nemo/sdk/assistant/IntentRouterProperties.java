package dev.nemo.sdk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class IntentRouterProperties {
    static final IntentRouter ROUTER = IntentRouter.standard();

    @Property(tries = 3000)
    void neverThrowsAndAlwaysDecides(@ForAll @StringLength(max = 400) String message) {
        IntentRoute r = ROUTER.route(message);
        assertThat(r.intent()).isNotNull();
        assertThat(r.fileReferences()).doesNotContainNull();
        IntentRoute again = ROUTER.route(message);
        assertThat(again.intent()).as("deterministic").isEqualTo(r.intent());
        assertThat(again.fileReferences()).isEqualTo(r.fileReferences());
    }

    @Provide
    Arbitrary<String> leadIns() {
        return Arbitraries.of(
                "",
                "please ",
                "Please, ",
                "can you ",
                "could you please ",
                "ok ",
                "hey, ",
                "now ",
                "I want to ",
                "let's ",
                "请",
                "帮我",
                "麻烦你",
                "",
                "  ",
                "🙂 ",
                "> ");
    }

    @Provide
    Arbitrary<String> tails() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(80).map(s -> " " + s),
                Arbitraries.of(
                        "",
                        "!",
                        "?",
                        " it",
                        " the video as 720p",
                        " with a title \"Credits\"",
                        " now, then add music",
                        ", compress it first",
                        " to ~/out/final.mp4"));
    }

    @Provide
    Arbitrary<String> exportWords() {
        return Arbitraries.of("export", "Export", "EXPORT", "download", "Download", "send me the video", "导出", "下载");
    }

    @Property(tries = 2000)
    void aMessageThatStartsWithAnExportWordIsNeverSentToTheChat(
            @ForAll("leadIns") String lead, @ForAll("exportWords") String word, @ForAll("tails") String tail) {
        assertThat(ROUTER.route(lead + word + tail).intent()).isEqualTo(Intent.EXPORT);
    }

    @Property(tries = 1000)
    void creditStatusAndUploadWordsAtTheHeadAreNeverSentToTheChat(
            @ForAll("leadIns") String lead, @ForAll("tails") String tail) {
        assertThat(ROUTER.route(lead + "credits" + tail).intent()).isEqualTo(Intent.CREDITS);
        assertThat(ROUTER.route(lead + "积分" + tail).intent()).isEqualTo(Intent.CREDITS);
        assertThat(ROUTER.route(lead + "status" + tail).intent()).isEqualTo(Intent.STATUS);
        assertThat(ROUTER.route(lead + "状态" + tail).intent()).isEqualTo(Intent.STATUS);
        assertThat(ROUTER.route(lead + "upload" + tail).intent()).isEqualTo(Intent.UPLOAD);
        assertThat(ROUTER.route(lead + "上传" + tail).intent()).isEqualTo(Intent.UPLOAD);
    }

    @Property(tries = 1000)
    void anExportWordAnywhereOutsideContentLeavesTheChat(
            @ForAll("plainWords") String before,
            @ForAll("exportWords") String word,
            @ForAll("plainWords") String after) {
        assertThat(ROUTER.route(before + " " + word + " " + after).intent()).isNotEqualTo(Intent.CHAT);
    }

    @Provide
    Arbitrary<String> plainWords() {
        return Arbitraries.of(
                        "the", "my", "video", "is", "where", "how", "why", "ready", "when", "result", "gif", "quality",
                        "fine", "so", "very", "blue", "I", "think", "maybe", "that", "good", "nice", "yes", "of", "视频",
                        "结果", "好的")
                .list()
                .ofMaxSize(6)
                .map(l -> String.join(" ", l));
    }

    @Property(tries = 1000)
    void quotedTextIsContentNeverACommand(@ForAll("quotable") String inside, @ForAll("quotes") String quotes) {
        String open = quotes.substring(0, 1);
        String close = quotes.substring(1);
        assertThat(ROUTER.route("add a title " + open + inside + close).intent())
                .isEqualTo(Intent.CHAT);
        assertThat(ROUTER.route("change the caption to " + open + inside + close + " please")
                        .intent())
                .isEqualTo(Intent.CHAT);
    }

    @Provide
    Arbitrary<String> quotable() {
        return Arbitraries.oneOf(
                Arbitraries.strings()
                        .ofMinLength(1)
                        .ofMaxLength(40)
                        .filter(s -> s.chars().noneMatch(c -> "\"'“”‘’「」『』«»‹›„`/\\~".indexOf(c) >= 0)),
                Arbitraries.of(
                        "Export Day",
                        "download now",
                        "my credits",
                        "status: done",
                        "upload",
                        "导出日",
                        "积分",
                        "clip.gif",
                        "Send me the video"));
    }

    @Provide
    Arbitrary<String> quotes() {
        return Arbitraries.of("\"\"", "“”", "「」", "『』", "«»", "''", "‘’");
    }

    @Property(tries = 1000)
    void sentencesWithoutKeywordsOrFilesGoToTheChat(@ForAll("safeSentences") String sentence) {
        assertThat(ROUTER.route(sentence).intent()).isEqualTo(Intent.CHAT);
    }

    @Provide
    Arbitrary<String> safeSentences() {
        return Arbitraries.of(
                        "add",
                        "music",
                        "make",
                        "it",
                        "faster",
                        "slower",
                        "the",
                        "title",
                        "red",
                        "blue",
                        "cut",
                        "first",
                        "second",
                        "3",
                        "seconds",
                        "loop",
                        "compress",
                        "to",
                        "500KB",
                        "please",
                        "a",
                        "with",
                        "sticker",
                        "crop",
                        "square",
                        "and",
                        "trim",
                        "end",
                        "exported",
                        "downloads",
                        "uploaded",
                        "balanced",
                        "shows",
                        "statuses",
                        "把",
                        "字幕",
                        "加",
                        "音乐",
                        "更快")
                .list()
                .ofMinSize(1)
                .ofMaxSize(12)
                .map(l -> String.join(" ", l));
    }
}
