package dev.nemo.sdk.assistant;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GuiPhrasesTest {
    static final GuiPhrases GUI = GuiPhrases.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // the seed's translation table
        "Click the Export button to download your MP4.|EXPORT",
        "click Export|EXPORT",
        "Hit 'Export' when you are happy.|EXPORT",
        "Use the Export button in the top right.|EXPORT",
        "Press the \"Download\" button.|EXPORT",
        "点击导出按钮即可下载。|EXPORT",
        "完成后可以导出。|EXPORT",
        "Open the Effects panel and pick a filter.|QUERY_STATE",
        "open the settings|QUERY_STATE",
        "Open up your Media Library page.|QUERY_STATE",
        "打开设置面板。|QUERY_STATE",
        "Drag the clip to the start of the timeline.|SEND_EDIT",
        "You can drag and drop the sticker anywhere.|SEND_EDIT",
        "drag/drop the music onto track 2|SEND_EDIT",
        "Drop it onto the second track.|SEND_EDIT",
        "把片段拖拽到开头。|SEND_EDIT",
        "You can preview it in the timeline.|SHOW_SUMMARY",
        "Preview in timeline to check the cut.|SHOW_SUMMARY",
        "在时间轴上预览效果。|SHOW_SUMMARY",
        "Click Apply to confirm.|EXECUTE_VIA_API",
        "Click the [Apply] button.|EXECUTE_VIA_API",
        "Tap the Save icon.|EXECUTE_VIA_API",
        "Double-click the clip to edit it.|EXECUTE_VIA_API",
        "点击确认。|EXECUTE_VIA_API"})
    void recognisesTheSeedTablesPhrasing(String text, GuiAction expected) {
        GuiTranslation t = GUI.translate(text);
        assertThat(t.actions()).as(text).containsExactly(expected);
        assertThat(t.hasGuiPhrasing()).isTrue();
        assertThat(t.text()).isNotEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "I've compressed your GIF to 480 KB.",
        "I opened your GIF and trimmed the first second.",
        "The exported file is 2 MB.",
        "The download will take a moment once you export.",
        "Your clip is ready; the timeline now has 3 tracks.",
        "I dropped the frame rate to 15 fps.",
        "Press coverage of the launch was great.",
        "我已经把视频压缩到 480KB 了。"})
    void leavesOrdinaryProseAlone(String text) {
        GuiTranslation t = GUI.translate(text);
        assertThat(t.hints()).as(text).isEmpty();
        assertThat(t.text()).isEqualTo(text);
    }

    @Test
    void rewritesOnlyTheSentencesWithGuiPhrasing() {
        GuiTranslation t = GUI.translate("Done! I added the title \"Summer\".\nClick the Export button when you are "
                + "ready, or drag the title to move it. Enjoy!");
        assertThat(t.actions()).containsExactly(GuiAction.EXPORT, GuiAction.SEND_EDIT);
        assertThat(t.text()).isEqualTo("Done! I added the title \"Summer\".\n" + GuiPhrases.neutralSentence(
                GuiAction.EXPORT) + " Enjoy!");
        assertThat(t.original()).startsWith("Done!");
    }

    @Test
    void theMostSpecificPhraseWinsWhenPhrasesOverlap() {
        List<GuiHint> hints = GUI.find("Click the Export button.");
        assertThat(hints).hasSize(1);
        assertThat(hints.get(0).action()).isEqualTo(GuiAction.EXPORT);
        assertThat(hints.get(0).phrase()).isEqualTo("Click the Export button");
        assertThat(hints.get(0).start()).isZero();
    }

    @Test
    void showSummaryIsMoreSpecificThanQueryStateAsDocumented() {
        List<GuiHint> hints = GUI.find("Open the timeline preview panel.");
        assertThat(hints).extracting(GuiHint::action).containsExactly(GuiAction.SHOW_SUMMARY);
        assertThat(hints.get(0).phrase()).isEqualTo("timeline preview");
    }

    @Test
    void aSentenceIsRewrittenForItsMostSpecificActionInTheDocumentedOrder() {
        // send-edit ranks above query-state, whatever the order of GuiAction's constants
        GuiTranslation t = GUI.translate("Drag the logo to the corner, then open the Effects panel.");
        assertThat(t.actions()).containsExactly(GuiAction.SEND_EDIT, GuiAction.QUERY_STATE);
        assertThat(t.text()).isEqualTo(GuiPhrases.neutralSentence(GuiAction.SEND_EDIT));
    }

    @Test
    void chineseSentencesGetChineseNeutralSentences() {
        GuiTranslation t = GUI.translate("视频已压缩。点击导出按钮即可下载。");
        assertThat(t.text()).isEqualTo("视频已压缩。可以导出了。");
    }

    @Test
    void repeatedNeutralSentencesCollapse() {
        GuiTranslation t = GUI.translate("Click Export. Then click Export again.");
        assertThat(t.text()).isEqualTo(GuiPhrases.neutralSentence(GuiAction.EXPORT));
        assertThat(t.hints()).hasSize(2);
    }
}
