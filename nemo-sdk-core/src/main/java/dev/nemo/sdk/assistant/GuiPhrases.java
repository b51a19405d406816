package dev.nemo.sdk.assistant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises GUI phrasing in agent text ("click Export", "open the Effects panel", "drag the
 * clip", "preview in timeline", 点击, 打开, 拖拽, 导出) and maps it to the client action the skill's
 * translation table names, or rewrites it as a neutral sentence. Thread-safe; never throws for a
 * non-null text.
 *
 * <pre>{@code
 * GuiTranslation t = GuiPhrases.standard().translate(agentText);
 * if (t.actions().contains(GuiAction.EXPORT)) { ...offer the export... }
 * System.out.println(t.text());
 * }</pre>
 *
 * <p>When phrases overlap, the more specific action wins: export over show-summary over send-edit
 * over query-state over execute-via-API ("click the Export button" is {@link GuiAction#EXPORT}).
 * "open" counts only with a GUI noun (panel, menu, tab, settings…), "press"/"tap" only with
 * "button", so ordinary prose ("I opened your GIF") is left alone.
 */
public final class GuiPhrases {
    private static final GuiPhrases STANDARD = new GuiPhrases();

    private static final String B = "(?<![\\p{L}\\p{N}])";
    private static final String E = "(?![\\p{L}\\p{N}])";
    private static final String OPEN_Q = "[\"'“‘\\[]?";
    private static final String CLOSE_Q = "[\"'”’\\]]?";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final List<Rule> RULES = List.of(
            new Rule(GuiAction.EXPORT, B + "(?:click(?:ing)?|tap|press|hit|select|choose|use)(?: on)?(?: the)? "
                    + OPEN_Q + "(?:export|download)(?: (?:video|mp4|gif|file))?" + CLOSE_Q
                    + "(?: (?:button|icon|option|menu|tab))?" + E),
            new Rule(GuiAction.EXPORT, B + OPEN_Q + "(?:export|download)" + CLOSE_Q + " (?:button|icon|option)" + E),
            new Rule(GuiAction.EXPORT, "(?:点击|单击|点按)?[“\"「]?(?:导出|下载)[”\"」]?(?:按钮)?"),
            new Rule(GuiAction.SHOW_SUMMARY, B + "preview(?: (?:it|this|that|them|(?:the|your) [\\p{L}\\p{N}-]+))?"
                    + " (?:in|on) (?:the )?timeline" + E),
            new Rule(GuiAction.SHOW_SUMMARY, B + "timeline preview" + E),
            new Rule(GuiAction.SHOW_SUMMARY, "在?时间[轴线]上?预览|预览时间[轴线]"),
            new Rule(GuiAction.SEND_EDIT, B + "drag(?:ging|ged|s)?(?: ?(?:and|&|/|-|n'?) ?drop(?:ping|ped|s)?)?" + E),
            new Rule(GuiAction.SEND_EDIT, B + "drop (?:it|them|the [\\p{L}\\p{N}-]+) (?:onto|into|on|in|to)" + E),
            new Rule(GuiAction.SEND_EDIT, "拖拽|拖动|拖放|拖到"),
            new Rule(GuiAction.QUERY_STATE, B + "open(?: up)? (?:the |your |a )?(?:[\\p{L}\\p{N}-]+ ){0,3}?(?:panel|"
                    + "menu|tab|sidebar|side bar|settings|window|dialog|editor|toolbar|library|page|view|inspector|"
                    + "properties)" + E),
            new Rule(GuiAction.QUERY_STATE, "打开"),
            new Rule(GuiAction.EXECUTE_VIA_API, B + "(?:double[- ]click|right[- ]click|click(?:ing)?|tap|press|hit)"
                    + "(?: on)?(?: the)? " + OPEN_Q + "[\\p{L}\\p{N}][\\p{L}\\p{N} ]{0,30}?" + CLOSE_Q
                    + " (?:button|icon|link|tab|option|toggle|checkbox)" + E),
            new Rule(GuiAction.EXECUTE_VIA_API, B + "(?:(?:double|right)[- ])?click(?:ing|ed|s)?" + E),
            new Rule(GuiAction.EXECUTE_VIA_API, "点击|单击|双击|点按|按下"));

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private GuiPhrases() {
    }

    /** {@return the recogniser for the skill's translation table} */
    public static GuiPhrases standard() {
        return STANDARD;
    }

    /**
     * {@return the English sentence that replaces GUI phrasing for it}
     *
     * @param action an action
     */
    public static String neutralSentence(GuiAction action) {
        return english(Objects.requireNonNull(action, "action"));
    }

    private static String english(GuiAction action) {
        return switch (action) {
            case EXPORT -> "It is ready to export.";
            case QUERY_STATE -> "The current project state can be checked for details.";
            case SEND_EDIT -> "Describe the change in a message and it will be applied.";
            case SHOW_SUMMARY -> "The track summary shows the result.";
            case EXECUTE_VIA_API -> "This step is carried out for you.";
        };
    }

    private static String chinese(GuiAction action) {
        return switch (action) {
            case EXPORT -> "可以导出了。";
            case QUERY_STATE -> "可以查询项目的当前状态了解详情。";
            case SEND_EDIT -> "用一句话描述想要的修改即可。";
            case SHOW_SUMMARY -> "轨道摘要会显示结果。";
            case EXECUTE_VIA_API -> "这一步会自动完成。";
        };
    }

    /** {@return 0 for the most specific action: the one that wins when phrases overlap} */
    private static int rank(GuiAction action) {
        return switch (action) {
            case EXPORT -> 0;
            case SHOW_SUMMARY -> 1;
            case SEND_EDIT -> 2;
            case QUERY_STATE -> 3;
            case EXECUTE_VIA_API -> 4;
        };
    }

    /**
     * {@return the GUI phrases in it, in text order, overlaps resolved}
     *
     * @param agentText text from the agent
     */
    public List<GuiHint> find(String agentText) {
        Objects.requireNonNull(agentText, "agentText");
        List<GuiHint> all = new ArrayList<>();
        for (Rule r : RULES) {
            Matcher m = r.pattern.matcher(agentText);
            while (m.find()) {
                if (m.end() > m.start()) {
                    all.add(new GuiHint(r.action, m.group(), m.start(), m.end()));
                }
            }
        }
        all.sort(Comparator.<GuiHint>comparingInt(h -> rank(h.action())).thenComparingInt(GuiHint::start)
                .thenComparingInt(h -> -(h.end() - h.start())));
        List<GuiHint> kept = new ArrayList<>();
        for (GuiHint h : all) {
            boolean overlaps = false;
            for (GuiHint k : kept) {
                if (h.start() < k.end() && k.start() < h.end()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(h);
            }
        }
        kept.sort(Comparator.comparingInt(GuiHint::start));
        return kept;
    }

    /**
     * {@return its GUI phrases, their actions, and a rewrite where every sentence holding GUI phrasing is replaced by a neutral sentence for the most specific action in it}
     *
     * @param agentText text from the agent
     */
    public GuiTranslation translate(String agentText) {
        List<GuiHint> hints = find(agentText);
        if (hints.isEmpty()) {
            return new GuiTranslation(agentText, agentText, hints);
        }
        StringBuilder out = new StringBuilder(agentText.length());
        String lastReplacement = null;
        int h = 0;
        for (int[] s : sentences(agentText)) {
            GuiAction best = null;
            while (h < hints.size() && hints.get(h).start() < s[1]) {
                GuiHint hint = hints.get(h++);
                if (best == null || rank(hint.action()) < rank(best)) {
                    best = hint.action();
                }
            }
            String sentence = agentText.substring(s[0], s[1]);
            String trailing = agentText.substring(s[1], s[2]);
            if (best == null) {
                out.append(sentence);
                lastReplacement = null;
            } else {
                String replacement = HAN.matcher(sentence).find() ? chinese(best) : english(best);
                if (replacement.equals(lastReplacement)) {
                    // the same neutral sentence twice in a row says nothing new
                    continue;
                }
                out.append(replacement);
                lastReplacement = replacement;
            }
            out.append(trailing);
        }
        return new GuiTranslation(agentText, out.toString().strip(), hints);
    }

    /** {@return sentences as {start, end of sentence, end of the whitespace after it}} */
    private static List<int[]> sentences(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            boolean end = false;
            if (c == '\n' || c == '。' || c == '！' || c == '？') {
                end = true;
                i++;
            } else if ((c == '.' || c == '!' || c == '?') && (i + 1 >= n || Character.isWhitespace(text.charAt(i + 1)))) {
                end = true;
                i++;
            } else {
                i++;
            }
            if (end || i >= n) {
                int sentenceEnd = c == '\n' ? i - 1 : i;
                int after = i;
                while (after < n && Character.isWhitespace(text.charAt(after)) && text.charAt(after) != '\n') {
                    after++;
                }
                if (c == '\n') {
                    out.add(new int[] {start, sentenceEnd, i});
                    start = i;
                } else {
                    out.add(new int[] {start, sentenceEnd, after});
                    start = after;
                    i = after;
                }
            }
        }
        return out;
    }

    /** One phrase pattern and the action it stands for. */
    private static final class Rule {
        final GuiAction action;
        final Pattern pattern;

        Rule(GuiAction action, String regex) {
            this.action = action;
            this.pattern = Pattern.compile(regex, FLAGS);
        }
    }
}
