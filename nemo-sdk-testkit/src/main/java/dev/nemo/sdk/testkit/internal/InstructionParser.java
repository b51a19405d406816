package dev.nemo.sdk.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands the edit instructions of the seed ("compress this GIF to under 500KB", "convert to
 * 720p MP4", "make it a GIF", "trim to 5 seconds", "add a title 'X'", "add BGM", "remove the
 * title", …) in English and common Chinese forms, with regular expressions. No AI: what it does not
 * recognise yields no operations.
 */
public final class InstructionParser {
    /** The largest short side the emulator asks for: 1080 (4K and 1440p requests are capped to it). */
    static final int MAX_SHORT_SIDE = 1080;

    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    private static final String NOT_LETTER = "(?![a-z])";

    private static final Pattern SIZE_TARGET = Pattern.compile(
            "(?:(?<![a-z])(?:under|below|less than|smaller than|at most|no more than|max(?:imum)?|within|to)|<=?|到|至|小于|低于|不超过|不大于|控制在)"
                    + "\\s*(?:about\\s*|around\\s*|~\\s*)?" + NUM
                    + "\\s*(kilobytes?|megabytes?|kib|kb|k|mib|mb|兆字节|兆|千字节|m(?=\\s*(?:以内|以下|之内)))" + NOT_LETTER);
    private static final Pattern SIZE_SUFFIX = Pattern.compile(
            NUM
                    + "\\s*(kilobytes?|megabytes?|kib|kb|k|mib|mb|兆字节|兆|千字节|m(?=\\s*(?:以内|以下|之内)))\\s*(?:以内|以下|之内|或更小|or less|or smaller|max)");
    private static final Pattern RESOLUTION =
            Pattern.compile("(?<![0-9])(240|360|480|540|720|1080|1440|2160)\\s*p" + NOT_LETTER);
    private static final Pattern RESOLUTION_K = Pattern.compile("(?<![a-z0-9])([24])k(?![a-z0-9])");
    private static final Pattern DIMENSIONS = Pattern.compile("(?<![0-9])(\\d{2,4})\\s*[x×*]\\s*(\\d{2,4})(?![0-9])");
    private static final String FORMATS = "(mp4|gif|webm|mov|apng|h\\.?264)";
    private static final Pattern FORMAT_TARGET = Pattern.compile(
            "(?:(?<![a-z])(?:into|to|as|make it|turn it into|save it as|save as|export as|output as)|成|为|转成|转为|转换成|转换为|变成|输出|导出为|导出成)"
                    + "\\s*(?:an?\\s+|the\\s+)?(?:(?:\\d{3,4}\\s*p|[24]k)\\s*)?(?:的\\s*)?(?:animated\\s+)?" + FORMATS
                    + NOT_LETTER);
    private static final Pattern FORMAT_NAMED = Pattern.compile(FORMATS + "\\s*(?:format|格式)");
    private static final Pattern COMPRESS = Pattern.compile(
            "compress|shrink|smaller|lighter|optimi[sz]e|reduc\\w*\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}size"
                    + "|压缩|减小|缩小|变小|优化|瘦身");
    private static final Pattern HIGH_QUALITY = Pattern.compile(
            "without losing|keep(?:ing)? (?:the )?quality|high quality|best quality|lossless|保持画质|不损失|高画质|画质不变");
    private static final Pattern LOW_QUALITY = Pattern.compile("as small as possible|low quality|smallest|最小|尽量小");
    private static final String TIME_UNIT = "(ms|milliseconds?|s|secs?|seconds?|min|mins|minutes?|秒|分钟)";
    private static final Pattern TRIM_RANGE = Pattern.compile("(?:from|从)\\s*" + NUM
            + "\\s*(?:s|secs?|seconds?|秒)?\\s*(?:to|-|–|到|至)\\s*" + NUM + "\\s*(?:s|secs?|seconds?|秒)" + NOT_LETTER);
    private static final Pattern TRIM_EN = Pattern.compile(
            "(?:trim|cut|shorten|clip|reduce|keep)\\s+(?:it\\s+|this\\s+[\\w-]+\\s+|the\\s+[\\w-]+\\s+)?(?:down\\s+)?"
                    + "(?:to\\s+|only\\s+)?(?:just\\s+)?(?:the\\s+)?(?:first\\s+)?" + NUM + "\\s*" + TIME_UNIT
                    + NOT_LETTER);
    private static final Pattern TRIM_FIRST =
            Pattern.compile("(?:only|just|first|前)\\s*(?:the\\s+first\\s+)?" + NUM + "\\s*" + TIME_UNIT + NOT_LETTER);
    private static final Pattern TRIM_LONG = Pattern.compile(NUM + "\\s*" + TIME_UNIT + "\\s+long");
    private static final Pattern TRIM_ZH =
            Pattern.compile("(?:剪辑|裁剪|剪切|截取|剪|截|缩短|保留|只要|时长)[^0-9]{0,6}?" + NUM + "\\s*" + TIME_UNIT);
    private static final Pattern TITLE_WORD =
            Pattern.compile("title|caption|subtitle|text overlay|\\btext\\b|标题|字幕|文字");
    private static final Pattern TITLE_REMOVE = Pattern.compile(
            "(?:remove|delete|drop|clear|get rid of|take off|take out|hide|no)\\s+(?:the\\s+|all\\s+(?:the\\s+)?|any\\s+)?"
                    + "(?:title|caption|subtitle|text overlay|text)"
                    + "|(?:删除|去掉|移除|去除|删掉|不要|取消)(?:掉)?(?:这个|那个)?(?:标题|字幕|文字)");
    private static final Pattern TITLE_SET =
            Pattern.compile("(?:add|put|insert|set|change|rename|use|make|write|place|overlay)\\b"
                    + "|添加|加上|加个|加一个|加|增加|设置|改成|改为|换成|写上|写");
    private static final Pattern QUOTE_NEXT = Pattern.compile("\\s*(?:is\\s+|[:：为是]\\s*)?(?:[\"“「『‘]|'(?!s\\b))");
    private static final Pattern MUSIC_WORD =
            Pattern.compile("bgm|background music|music|soundtrack|\\bsong\\b|背景音乐|配乐|音乐");
    private static final Pattern MUSIC_REMOVE = Pattern.compile(
            "(?:remove|delete|drop|mute|get rid of|take out|turn off|no)\\s+(?:the\\s+|all\\s+(?:the\\s+)?|any\\s+)?"
                    + "(?:[\\w-]+\\s+)?(?:bgm|background music|music|soundtrack|audio|sound)"
                    + "|(?:删除|去掉|移除|去除|删掉|不要|关掉|静音|取消)(?:掉)?(?:背景音乐|配乐|音乐|bgm|声音)");
    private static final Pattern MUSIC_ADD =
            Pattern.compile("(?:add|put|insert|include|use|play|with|give it)\\b|添加|加上|加点|加|配上|配|增加|来点|来一段");
    private static final Pattern MUSIC_STYLE = Pattern.compile(
            "lo-?fi|upbeat|calm|chill|epic|happy|jazz|piano|rock|electronic|ambient|轻音乐|欢快|舒缓|摇滚|钢琴|爵士");
    private static final Pattern VOLUME =
            Pattern.compile("(?:volume|音量)[^0-9]{0,20}?(\\d{1,3})\\s*%|(\\d{1,3})\\s*%\\s*(?:volume|音量)");
    private static final Pattern FPS =
            Pattern.compile("(\\d{1,3})\\s*(?:fps|frames per second|frames a second|帧每秒|帧/秒|帧(?![的数动]))"
                    + "|(?:frame\\s*rate|framerate|帧率|帧速率|每秒)\\D{0,24}?(\\d{1,3})(?![0-9])(?!\\s*%)");
    private static final Pattern VERTICAL = Pattern.compile(
            "(?<![a-z])(?:instagram|insta|ig|facebook|fb|snapchat)\\s*(?:stor(?:y|ies)|reels?)|tik\\s*tok|douyin|抖音|快手|youtube\\s*shorts|(?<![a-z])shorts(?![a-z])"
                    + "|(?<![a-z])(?:vertical|portrait)(?![a-z])|9\\s*[:：/]\\s*16|竖屏|竖版|竖向|竖的");
    private static final Pattern SQUARE = Pattern.compile("(?<![a-z])square(?![a-z])|1\\s*[:：]\\s*1|正方形|方形|方图");
    private static final Pattern LANDSCAPE =
            Pattern.compile("(?<![a-z])(?:horizontal|landscape|widescreen)(?![a-z])|16\\s*[:：/]\\s*9|横屏|横版|横向");
    private static final String COLOURS =
            "white|black|red|green|blue|yellow|orange|purple|pink|gr[ae]y|silver|navy|teal"
                    + "|白色|黑色|红色|绿色|蓝色|黄色|橙色|紫色|粉色|灰色|白|黑|红|绿|蓝|黄|灰";
    private static final String COLOUR = "(#[0-9a-f]{6}(?![0-9a-z])|#[0-9a-f]{3}(?![0-9a-z])|" + COLOURS + ")";
    private static final Pattern BACKGROUND = Pattern.compile(
            "(?<![a-z])(?:background|backdrop|bg)(?:\\s*colou?r)?\\s*(?:to\\s+|of\\s+|is\\s+|as\\s+|in\\s+|=\\s*|:\\s*)?(?:the\\s+colou?r\\s+)?(?:a\\s+)?"
                    + COLOUR + "(?![a-z])"
                    + "|(?<![a-z])" + COLOUR + "\\s+(?:background|backdrop|bg)(?![a-z])(?!\\s+music)"
                    + "|背景(?:色|颜色)?\\s*(?:改成|改为|设为|设置为|设成|换成|变成|用|为|是|:|：)?\\s*" + COLOUR
                    + "|" + COLOUR + "(?:的)?背景(?!音乐)");

    private InstructionParser() {}

    /**
     * @param instruction the user's message
     * @return the operations understood, in a fixed order (timeline edits first, then render settings)
     */
    public static List<EditOp> parse(String instruction) {
        String original = instruction == null ? "" : instruction.strip();
        String t = original.toLowerCase(Locale.ROOT);
        List<EditOp> ops = new ArrayList<>();

        trim(t).ifPresent(ops::add);

        boolean titleRemoved = TITLE_REMOVE.matcher(t).find();
        if (titleRemoved) {
            ops.add(new EditOp.RemoveTitle());
        } else {
            Matcher word = TITLE_WORD.matcher(t);
            if (word.find()
                    && (TITLE_SET.matcher(t).find()
                            || QUOTE_NEXT
                                    .matcher(t)
                                    .region(word.end(), t.length())
                                    .lookingAt())) {
                ops.add(new EditOp.SetTitle(titleText(original, word.end())));
            }
        }

        boolean musicRemoved = MUSIC_REMOVE.matcher(t).find();
        if (musicRemoved) {
            ops.add(new EditOp.RemoveMusic());
        } else if (MUSIC_WORD.matcher(t).find() && MUSIC_ADD.matcher(t).find()) {
            Matcher style = MUSIC_STYLE.matcher(t);
            ops.add(new EditOp.AddMusic(
                    style.find() ? styleLabel(style.group()) : "Lo-fi",
                    volume(t).orElse(0.35)));
        }
        if (!musicRemoved && !(ops.stream().anyMatch(o -> o instanceof EditOp.AddMusic))) {
            volume(t).ifPresent(v -> ops.add(new EditOp.SetVolume(v)));
        }

        Long target = targetBytes(t);
        if (target != null || COMPRESS.matcher(t).find()) {
            String quality = HIGH_QUALITY.matcher(t).find()
                    ? "high"
                    : LOW_QUALITY.matcher(t).find() ? "low" : "medium";
            ops.add(new EditOp.Compress(target, quality));
        }
        resize(t).ifPresent(ops::add);
        String format = format(t);
        if (format != null) {
            ops.add(new EditOp.Convert(format));
        }
        Matcher fps = FPS.matcher(t);
        if (fps.find()) {
            int f = Integer.parseInt(fps.group(1) != null ? fps.group(1) : fps.group(2));
            if (f >= 1 && f <= 120) {
                ops.add(new EditOp.SetFps(f));
            }
        }
        background(t).ifPresent(ops::add);
        return ops;
    }

    /**
     * @param instruction the user's message
     * @return whether it contains Chinese characters (the agent then answers in Chinese)
     */
    public static boolean isChinese(String instruction) {
        return instruction != null && instruction.codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff);
    }

    private static java.util.Optional<EditOp> trim(String t) {
        Matcher range = TRIM_RANGE.matcher(t);
        if (range.find()) {
            long from = Math.round(Double.parseDouble(range.group(1)) * 1000);
            long to = Math.round(Double.parseDouble(range.group(2)) * 1000);
            if (to > from) {
                return java.util.Optional.of(new EditOp.Trim(from, to - from));
            }
        }
        for (Pattern p : new Pattern[] {TRIM_EN, TRIM_ZH, TRIM_FIRST, TRIM_LONG}) {
            Matcher m = p.matcher(t);
            if (m.find()) {
                long ms = millis(m.group(1), m.group(2));
                if (ms > 0) {
                    return java.util.Optional.of(new EditOp.Trim(0, ms));
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static long millis(String number, String unit) {
        double v = Double.parseDouble(number);
        if (unit.startsWith("ms") || unit.startsWith("milli")) {
            return Math.round(v);
        }
        if (unit.startsWith("min") || unit.equals("分钟")) {
            return Math.round(v * 60_000);
        }
        return Math.round(v * 1000);
    }

    private static Long targetBytes(String t) {
        Matcher m = SIZE_TARGET.matcher(t);
        if (!m.find()) {
            m = SIZE_SUFFIX.matcher(t);
            if (!m.find()) {
                return null;
            }
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        long factor = unit.startsWith("m") || unit.startsWith("兆") ? 1024L * 1024 : 1024L;
        long bytes = Math.round(v * factor);
        return bytes > 0 ? bytes : null;
    }

    private static java.util.Optional<EditOp> resize(String t) {
        Matcher dims = DIMENSIONS.matcher(t);
        if (dims.find()) {
            int w = Integer.parseInt(dims.group(1));
            int h = Integer.parseInt(dims.group(2));
            if (w >= 16 && h >= 16 && w <= 7680 && h <= 7680) {
                return java.util.Optional.of(new EditOp.Resize(null, 0, w, h));
            }
        }
        int side = 0;
        Matcher p = RESOLUTION.matcher(t);
        Matcher k = RESOLUTION_K.matcher(t);
        if (p.find()) {
            side = Integer.parseInt(p.group(1));
        } else if (k.find()) {
            side = MAX_SHORT_SIDE;
        }
        side = Math.min(side, MAX_SHORT_SIDE);
        if (VERTICAL.matcher(t).find()) {
            int w = side > 0 ? side : MAX_SHORT_SIDE;
            return java.util.Optional.of(new EditOp.Resize("vertical", 0, w, w * 16 / 9));
        }
        if (SQUARE.matcher(t).find()) {
            int w = side > 0 ? side : MAX_SHORT_SIDE;
            return java.util.Optional.of(new EditOp.Resize("square", 0, w, w));
        }
        if (LANDSCAPE.matcher(t).find()) {
            int h = side > 0 ? side : MAX_SHORT_SIDE;
            return java.util.Optional.of(new EditOp.Resize("landscape", 0, h * 16 / 9, h));
        }
        if (side > 0) {
            return java.util.Optional.of(new EditOp.Resize(side + "p", side, 0, 0));
        }
        return java.util.Optional.empty();
    }

    private static String format(String t) {
        Matcher m = FORMAT_TARGET.matcher(t);
        String f = null;
        while (m.find()) {
            f = m.group(1);
        }
        if (f == null) {
            Matcher named = FORMAT_NAMED.matcher(t);
            if (named.find()) {
                f = named.group(1);
            }
        }
        if (f == null) {
            return null;
        }
        return f.startsWith("h") ? "mp4" : f;
    }

    private static java.util.Optional<EditOp> background(String t) {
        Matcher m = BACKGROUND.matcher(t);
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        String colour = null;
        for (int g = 1; g <= m.groupCount() && colour == null; g++) {
            colour = m.group(g);
        }
        return java.util.Optional.of(new EditOp.SetBackground(hex(colour)));
    }

    /** A colour word or {@code #rgb}/{@code #rrggbb} as lowercase {@code #rrggbb}. */
    static String hex(String colour) {
        if (colour.startsWith("#")) {
            String h = colour.substring(1);
            if (h.length() == 3) {
                h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
            }
            return "#" + h;
        }
        switch (colour.replace("色", "")) {
            case "black", "黑":
                return "#000000";
            case "red", "红":
                return "#ff0000";
            case "green", "绿":
                return "#008000";
            case "blue", "蓝":
                return "#0000ff";
            case "yellow", "黄":
                return "#ffff00";
            case "orange", "橙":
                return "#ffa500";
            case "purple", "紫":
                return "#800080";
            case "pink", "粉":
                return "#ffc0cb";
            case "gray", "grey", "灰":
                return "#808080";
            case "silver":
                return "#c0c0c0";
            case "navy":
                return "#000080";
            case "teal":
                return "#008080";
            default:
                return "#ffffff";
        }
    }

    private static java.util.Optional<Double> volume(String t) {
        Matcher m = VOLUME.matcher(t);
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        int pct = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
        return java.util.Optional.of(Math.min(100, pct) / 100.0);
    }

    private static String styleLabel(String style) {
        switch (style) {
            case "lofi":
            case "lo-fi":
            case "轻音乐":
                return "Lo-fi";
            case "欢快":
                return "Upbeat";
            case "舒缓":
                return "Calm";
            case "摇滚":
                return "Rock";
            case "钢琴":
                return "Piano";
            case "爵士":
                return "Jazz";
            default:
                return Character.toUpperCase(style.charAt(0)) + style.substring(1);
        }
    }

    /** The quoted text after the title keyword, else the rest of the sentence, else "Title". */
    static String titleText(String original, int keywordEnd) {
        String rest = original.substring(Math.min(keywordEnd, original.length()));
        String quoted = quoted(rest);
        if (quoted == null) {
            quoted = quoted(original);
        }
        if (quoted != null && !quoted.isBlank()) {
            return quoted.strip();
        }
        String r = rest.replaceFirst(
                "(?i)^\\s*(?:s\\b)?\\s*(?:saying|that says|reading|which says|of|with|as|to|:|：|为|成|是)?\\s*", "");
        r = r.replaceAll("[\\s.。!！,，;；]+$", "").strip();
        return r.isEmpty() ? "Title" : r;
    }

    private static String quoted(String s) {
        String[][] pairs = {{"“", "”"}, {"「", "」"}, {"『", "』"}, {"‘", "’"}, {"\"", "\""}, {"'", "'"}};
        int best = -1;
        String result = null;
        for (String[] p : pairs) {
            int open = s.indexOf(p[0]);
            if (open < 0) {
                continue;
            }
            int close = s.lastIndexOf(p[1]);
            if (close <= open) {
                continue;
            }
            if (best < 0 || open < best) {
                best = open;
                result = s.substring(open + p[0].length(), close);
            }
        }
        return result;
    }
}
