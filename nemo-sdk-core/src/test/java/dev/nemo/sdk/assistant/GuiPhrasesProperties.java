package dev.nemo.sdk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** On any text, GUI hints are ordered, non-overlapping substrings, and text without hints is unchanged. */
class GuiPhrasesProperties {
    static final GuiPhrases GUI = GuiPhrases.standard();

    @Property(tries = 2000)
    void neverThrowsAndHintsAreOrderedNonOverlappingSubstrings(@ForAll @StringLength(max = 300) String text) {
        check(text);
    }

    @Property(tries = 1000)
    void guiWordsInRandomSurroundings(
            @ForAll @StringLength(max = 60) String a, @ForAll @StringLength(max = 60) String b) {
        for (String phrase :
                List.of("click Export", " open the panel ", "drag", "preview in timeline", "点击", "导出", "打开", "拖拽")) {
            check(a + phrase + b);
        }
    }

    private static void check(String text) {
        GuiTranslation t = GUI.translate(text);
        int end = 0;
        for (GuiHint h : t.hints()) {
            assertThat(h.start()).isGreaterThanOrEqualTo(end);
            assertThat(text.substring(h.start(), h.end())).isEqualTo(h.phrase());
            end = h.end();
        }
        if (t.hints().isEmpty()) {
            assertThat(t.text()).isEqualTo(text);
        }
    }
}
