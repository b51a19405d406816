package dev.nemo.sdk.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/**
 * The agent's vocabulary on any text: parsing never throws, gives the same answer twice, and every
 * setting it finds is one a renderer can use (a positive short side or size, frame rate and trim, a
 * colour in {@code #rrggbb},
 * volumes between 0 and 1).
 */
class RenderSettingsVocabularyProperties {

    @Property(tries = 2000)
    void anyTextGivesOnlyUsableSettings(@ForAll @StringLength(max = 200) String text) {
        checkUsable(text);
    }

    @Property(tries = 2000)
    void vocabularySoupGivesOnlyUsableSettings(
            @ForAll
                    @StringLength(max = 120)
                    @Chars({
                        ' ', '#', '\'', '"', '.', ':', 'x', 'p', 'k', 'b', 'm', 's',
                        'f', '%', '前', '秒', '帧', '兆', '背', '景', '白', '标', '题', '“',
                        '”', '以', '内'
                    })
                    @CharRange(from = '0', to = '9')
                    String text) {
        checkUsable(text);
        checkUsable("under " + text + " fps background " + text);
    }

    private static void checkUsable(String text) {
        List<EditOp> ops = InstructionParser.parse(text);
        assertThat(InstructionParser.parse(text)).as("deterministic").isEqualTo(ops);
        for (EditOp op : ops) {
            assertThat(usable(op)).as("%s from %s", op, text).isTrue();
        }
    }

    private static boolean usable(EditOp op) {
        if (op instanceof EditOp.Compress c) {
            return c.targetBytes() == null || c.targetBytes() > 0;
        } else if (op instanceof EditOp.Resize r) {
            return r.shortSide() > 0 || r.width() > 0 && r.height() > 0;
        } else if (op instanceof EditOp.Trim t) {
            return t.startMs() >= 0 && (t.durationMs() > 0 || t.durationMs() == -1);
        } else if (op instanceof EditOp.SetFps f) {
            return f.fps() > 0;
        } else if (op instanceof EditOp.SetBackground b) {
            return b.colour().matches("#[0-9a-f]{6}");
        } else if (op instanceof EditOp.AddMusic m) {
            return m.volume() >= 0 && m.volume() <= 1;
        } else if (op instanceof EditOp.SetVolume v) {
            return v.volume() >= 0 && v.volume() <= 1;
        } else if (op instanceof EditOp.SetTitle t) {
            return !t.text().isBlank();
        }
        return true;
    }
}
