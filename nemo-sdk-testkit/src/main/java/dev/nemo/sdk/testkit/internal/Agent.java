package dev.nemo.sdk.testkit.internal;

import dev.nemo.sdk.testkit.SilentEdits;
import dev.nemo.sdk.upload.MediaFormat;
import dev.nemo.sdk.upload.MediaFormats;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rule-based stand-in for the NemoVideo agent: it turns a chat message into a plan (edit
 * operations, or a text answer) and words the reply. No model, no randomness beyond the seed.
 */
public final class Agent {
    /** The tool the emulated agent calls for every edit, as in the recorded ADK streams. */
    public static final String TOOL = "edit_multitrack";

    /** The formats the English reply's {@link MediaFormats#description()} puts first, listed in Chinese. */
    private static final String PRIMARY_FORMATS_ZH = chineseList(MediaFormats.primary().stream()
            .map(MediaFormat::displayName).toList());

    private static final Pattern EXPORT = Pattern.compile("(?<![a-z])(export|download|render|send me the video)(?![a-z])|导出|下载|渲染");

    /** What the agent will do with a message. */
    public enum Kind {
        /** Edit the draft (costs credits). */
        EDIT,
        /** Answer with text only. */
        TEXT
    }

    /**
     * @param kind    edit or text
     * @param ops     the operations, for edits
     * @param chinese whether to answer in Chinese
     * @param text    the answer, for text plans
     */
    public record Plan(Kind kind, List<EditOp> ops, boolean chinese, String text) {
    }

    private Agent() {
    }

    /**
     * @param message  the user's message
     * @param hasMedia whether the session has uploaded media
     * @return the plan
     */
    public static Plan plan(String message, boolean hasMedia) {
        boolean zh = InstructionParser.isChinese(message);
        List<EditOp> ops = InstructionParser.parse(message);
        if (ops.isEmpty()) {
            if (EXPORT.matcher(message.toLowerCase(Locale.ROOT)).find()) {
                return new Plan(Kind.TEXT, List.of(), zh, zh
                        ? "草稿已准备好。点击导出按钮即可渲染并下载视频。"
                        : "Your draft is ready. Click the Export button to render and download it.");
            }
            return new Plan(Kind.TEXT, List.of(), zh, zh
                    ? "我可以压缩和转换你的 GIF 和视频。试试：“把这个GIF压缩到500KB以内”、“转换为720p的MP4”、“转成GIF”、"
                    + "“剪辑到5秒”、“添加标题「你好」”、“添加背景音乐”或“删除标题”。"
                    : "I can compress and convert your GIFs and videos. Try \"compress this GIF to under 500KB\", "
                    + "\"convert to 720p MP4\", \"make it a GIF\", \"trim to 5 seconds\", \"add a title 'Hello'\", "
                    + "\"add BGM\" or \"remove the title\".");
        }
        if (!hasMedia) {
            return new Plan(Kind.TEXT, List.of(), zh, zh
                    ? "请先上传一个 " + PRIMARY_FORMATS_ZH + " 文件，然后告诉我要怎么处理。"
                    : "Please upload your media first, then tell me what to do with it. Accepted: "
                    + MediaFormats.description() + ".");
        }
        return new Plan(Kind.EDIT, ops, zh, null);
    }

    /** {@return the names joined the Chinese way, as in "A、B 或 C"} */
    private static String chineseList(List<String> names) {
        int last = names.size() - 1;
        return last == 0 ? names.get(0) : String.join("、", names.subList(0, last)) + " 或 " + names.get(last);
    }

    /**
     * @param changes what the edit did
     * @param chinese whether to answer in Chinese
     * @return the agent's summary
     */
    public static String reply(List<DraftEditor.Change> changes, boolean chinese) {
        if (chinese) {
            return "好的，" + changes.stream().map(DraftEditor.Change::zh).collect(Collectors.joining("，"))
                    + "。点击导出按钮即可渲染。";
        }
        String joined = changes.stream().map(DraftEditor.Change::en).collect(Collectors.joining(", "));
        return "Done: " + joined + ". Click the Export button when you are ready to render.";
    }

    /**
     * @param mode      the options' setting
     * @param seed      the options' seed
     * @param sessionId the session
     * @param editIndex 0 for the session's first edit, 1 for the next…
     * @return whether this edit ends without text (about a third do under {@link SilentEdits#SEEDED})
     */
    public static boolean silent(SilentEdits mode, long seed, String sessionId, int editIndex) {
        switch (mode) {
            case ALWAYS:
                return true;
            case NEVER:
                return false;
            default:
                long mixed = seed * 0x9E3779B97F4A7C15L + sessionId.hashCode() * 0xC2B2AE3D27D4EB4FL + editIndex;
                return new SplittableRandom(mixed).nextInt(3) == 0;
        }
    }
}
