package dev.nemo.sdk.assistant;

import dev.nemo.sdk.upload.MediaFormats;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a user's message is a client-side action (export, credits, status, upload) or
 * goes to the agent, as the skill's routing table says. English and Chinese. Thread-safe;
 * {@link #route(String)} never throws for a non-null message.
 *
 * <pre>{@code
 * IntentRoute r = IntentRouter.standard().route("export the video please");
 * switch (r.intent()) {
 *     case EXPORT: ...; case CREDITS: ...; case STATUS: ...; case UPLOAD: ...;
 *     default: client.chat().send(sessionId, message);
 * }
 * }</pre>
 *
 * <h2>The rule</h2>
 * Keywords: export, download, "send me the video", 导出, 下载 (export); credits, credit, balance,
 * 积分, 余额 (credits); status, "show tracks", "show the timeline", 状态 (status); upload, 上传
 * (upload). The message is normalised (NFKC, lower case), then:
 * <ol>
 *   <li>Quoted text is content, not a command: {@code add a title 'Export Day'} and
 *       {@code 标题改成“导出日”} are chat. (An apostrophe inside a word, as in {@code what's}, is not
 *       a quote.)</li>
 *   <li>The head of the message is its first word after lead-ins such as "please", "can you",
 *       "I want to", "请", "帮我". A keyword at the head decides, whatever follows:
 *       {@code please export it as 720p} is export. So does "make/create/start an export".</li>
 *   <li>A path or URL with a media extension ({@code ~/clips/cat.gif},
 *       {@code "C:\My Clips\cat.mp4"}, {@code https://x.com/cat.mp4}) means upload: the agent
 *       cannot read the user's disk.</li>
 *   <li>A message whose head is an editing verb (add, remove, trim, compress, make, change…;
 *       把, 添加, 删除, 压缩, 改…) is an edit and goes to the agent, even if a keyword appears later:
 *       {@code compress this GIF, then export it} is chat (editing first; route the export
 *       afterwards). A bare file name in such a sentence names a file already in the session.</li>
 *   <li>A bare file name with a media extension elsewhere ({@code here is cat.gif}) means upload.</li>
 *   <li>Otherwise the earliest keyword outside quotes decides (so {@code how many credits does an
 *       export cost?} is credits), ignoring text after "says", "titled", "caption", "text"… which
 *       introduces content. English keywords match whole words only: {@code exported},
 *       {@code downloadable}, {@code uploads} are not keywords. The ambiguous "balance" (audio or
 *       white balance) counts only as "my/credit/account balance", "balance left" or a message
 *       that is little more than the word; "show" only as "show tracks/timeline/state/…" or alone.</li>
 *   <li>Everything else is chat.</li>
 * </ol>
 * Only the first {@value #MAX_ANALYSED_CHARS} characters are analysed.
 */
public final class IntentRouter {
    /** Longer messages are analysed up to this many characters (commands are short). */
    public static final int MAX_ANALYSED_CHARS = 20_000;

    private static final IntentRouter STANDARD = new IntentRouter();

    private static final String NOT_WORD = "(?![\\p{IsLatin}\\p{N}])";
    /** The extensions of the one list of accepted formats ({@link MediaFormats}). */
    private static final String EXTENSIONS = "(?:" + String.join("|", MediaFormats.extensions()) + ")";
    private static final String STATE_NOUNS = "(?:tracks?|track list|timeline|state|draft|project|status|progress|"
            + "layers|summary)";

    private static final Pattern LEAD_IN = Pattern.compile("^(?:(?:please|pls|plz|kindly|can you|could you|would you|"
            + "will you|can u|could u|can i|could i|may i|how do i|how can i|how to|i want you to|i'd like you to|"
            + "i want to|i wanna|i'd like to|i would like to|i need to|let's|lets|let me|help me|go ahead and|now|ok|"
            + "okay|alright|then|and|also|just|hey|hi|hello|so|first|next|finally)" + NOT_WORD
            + "|请你|请帮我|请|帮我|麻烦你|麻烦|我要|我想要|我想|能不能|可不可以|可以|能否|现在|然后|再|给我|帮忙)"
            + "[\\s\\p{P}]*");
    private static final Pattern LEADING_NOISE = Pattern.compile("^[\\s\\p{P}\\p{S}\\uFFFC]+");

    private static final Pattern HEAD_EXPORT = Pattern.compile("^(?:(?:export|download)" + NOT_WORD
            + "|send (?:it |them )?(?:over )?(?:to )?me (?:the |my |that |this )?(?:video|gif|file|result|output|mp4|"
            + "clip|movie)" + NOT_WORD
            + "|(?:make|create|start|do|run|generate|prepare|get|give me|begin|trigger|kick off) (?:me )?"
            + "(?:a |an |the |my |this )?(?:export|download)" + NOT_WORD + "|导出|下载)");
    private static final Pattern HEAD_CREDITS = Pattern.compile("^(?:credits?" + NOT_WORD
            + "|balance(?: please| pls| left| remaining)?[\\s\\p{P}]*$|积分|余额)");
    private static final Pattern HEAD_STATUS = Pattern.compile("^(?:status" + NOT_WORD
            + "|show(?: me)?(?: the| my)?(?: current)? " + STATE_NOUNS + NOT_WORD + "|show(?: me)?[\\s\\p{P}]*$"
            + "|状态|显示轨道|查看轨道)");
    private static final Pattern HEAD_UPLOAD = Pattern.compile("^(?:upload" + NOT_WORD + "|上传)");

    private static final List<HeadCommand> HEAD_COMMANDS = List.of(new HeadCommand(Intent.EXPORT, HEAD_EXPORT),
            new HeadCommand(Intent.CREDITS, HEAD_CREDITS), new HeadCommand(Intent.STATUS, HEAD_STATUS),
            new HeadCommand(Intent.UPLOAD, HEAD_UPLOAD));

    private static final Pattern EDIT_VERB = Pattern.compile("^(?:(?:add|insert|put|place|remove|delete|erase|cut|"
            + "trim|crop|resize|scale|rotate|flip|mirror|speed|slow|reverse|loop|compress|convert|change|make|set|"
            + "replace|swap|move|shift|adjust|apply|use|mute|unmute|fade|blur|sharpen|brighten|darken|caption|"
            + "subtitle|title|write|type|translate|generate|create|overlay|center|centre|align|color|colour|"
            + "increase|decrease|reduce|lower|raise|shorten|lengthen|extend|split|merge|join|combine|keep|give|turn|"
            + "switch|fix|edit|update|modify|shrink|enlarge|zoom|stabilize|stabilise|denoise|optimize|optimise|"
            + "crossfade|duplicate|repeat|stretch|pad|letterbox|tint|filter|animate|highlight|drop|boost|"
            + "enhance|clean|recolor|recolour|cap|limit)" + NOT_WORD
            + "|把|将|添加|加上|加|删除|删掉|去掉|剪|裁|修改|改|换|替换|调|压缩|转换|转成|设置|放|插入|生成|做|制作|变|让|使)");

    /** Text after these introduces content (a title, a caption), not a command. */
    private static final Pattern CONTENT_CUE = Pattern.compile("(?<![\\p{IsLatin}\\p{N}])(?:says|say|saying|said|"
            + "reads|read|reading|titled|called|named|caption|captioned|subtitle|label|labelled|labeled|text|title|"
            + "words?|写着|标题|字幕|文字)" + NOT_WORD);

    private static final Pattern[] ANYWHERE = {
        Pattern.compile("(?<![\\p{IsLatin}\\p{N}])(?:export|download)" + NOT_WORD
                + "|(?<![\\p{IsLatin}\\p{N}])send (?:it |them )?(?:over )?(?:to )?me (?:the |my |that |this )?"
                + "(?:video|gif|file|result|output|mp4|clip|movie)" + NOT_WORD + "|导出|下载"),
        Pattern.compile("(?<![\\p{IsLatin}\\p{N}])(?:credits?" + NOT_WORD
                + "|(?:my|credit|account|remaining|current|check|checking) balance" + NOT_WORD
                + "|balance (?:left|remaining)" + NOT_WORD + "|how much (?:balance|credit))|积分|余额"),
        Pattern.compile("(?<![\\p{IsLatin}\\p{N}])(?:status" + NOT_WORD + "|show(?: me)?(?: the| my)?(?: current)? "
                + STATE_NOUNS + NOT_WORD + ")|状态|显示轨道|查看轨道"),
        Pattern.compile("(?<![\\p{IsLatin}\\p{N}])upload" + NOT_WORD + "|上传"),
    };
    private static final Intent[] ANYWHERE_INTENTS = {Intent.EXPORT, Intent.CREDITS, Intent.STATUS, Intent.UPLOAD};

    private static final String NOT_IN_NAME = "\\s\"'“”‘’「」『』«»<>";
    /** Paths and URLs (group 1) or bare names (group 2) ending in a media extension; lengths bounded. */
    private static final Pattern FILE_REFERENCE = Pattern.compile("(?i)(?<![^" + NOT_IN_NAME
            + "(\\[{,;:，。；：！？])(?:((?:https?|file)://[^" + NOT_IN_NAME + "]{1,2048}?"
            + "|(?:[a-z]:[\\\\/]|~[\\\\/]|\\.{1,2}[\\\\/]|[\\\\/])[^" + NOT_IN_NAME + "]{0,1024}?)"
            + "|([^" + NOT_IN_NAME + "/\\\\:*?|,;，。；：！？]{1,255}?))\\." + EXTENSIONS
            + "(?:[?#][^" + NOT_IN_NAME + "]{0,2048})?(?![\\p{L}\\p{N}_-])");
    private static final Pattern QUOTED_PATH = Pattern.compile("(?i)^(?:(?:https?|file)://|[a-z]:[\\\\/]|~[\\\\/]|"
            + "\\.{1,2}[\\\\/]|[\\\\/]).*\\." + EXTENSIONS + "$");
    /** A negation just before a keyword ("don't export", "不要导出") cancels it. */
    private static final Pattern NEGATED = Pattern.compile("(?:(?<![\\p{IsLatin}])(?:don't|dont|do not|does not|not|"
            + "never|no|without)(?: [\\p{IsLatin}']+){0,2} |不要|不用|别|先不|不)$");

    private IntentRouter() {
    }

    /** {@return the router that implements the documented rule} */
    public static IntentRouter standard() {
        return STANDARD;
    }

    /**
     * {@return where it goes}
     *
     * @param message what the user typed
     */
    public IntentRoute route(String message) {
        Objects.requireNonNull(message, "message");
        String original = message.length() > MAX_ANALYSED_CHARS ? message.substring(0, MAX_ANALYSED_CHARS) : message;
        List<String> paths = new ArrayList<>();
        List<String> names = new ArrayList<>();
        findFileReferences(original, paths, names);
        List<String> all = new ArrayList<>(paths);
        all.addAll(names);

        String text = withoutQuotes(normalise(original));
        String head = head(text);

        IntentRoute byCommand = commandAtHead(head, all);
        if (byCommand != null) {
            return byCommand;
        }
        if (!paths.isEmpty()) {
            return new IntentRoute(Intent.UPLOAD, paths.get(0), all);
        }
        if (EDIT_VERB.matcher(head).lookingAt()) {
            return new IntentRoute(Intent.CHAT, null, all);
        }
        if (!names.isEmpty()) {
            return new IntentRoute(Intent.UPLOAD, names.get(0), all);
        }
        Matcher cue = CONTENT_CUE.matcher(text);
        String commandPart = cue.find() ? text.substring(0, cue.start()) : text;
        int best = Integer.MAX_VALUE;
        Intent intent = Intent.CHAT;
        String trigger = null;
        for (int i = 0; i < ANYWHERE.length; i++) {
            Matcher k = ANYWHERE[i].matcher(commandPart);
            while (k.find() && k.start() < best) {
                String before = commandPart.substring(Math.max(0, k.start() - 40), k.start());
                if (!NEGATED.matcher(before).find()) {
                    best = k.start();
                    intent = ANYWHERE_INTENTS[i];
                    trigger = k.group();
                    break;
                }
            }
        }
        return new IntentRoute(intent, trigger, all);
    }

    /** {@return the route of a command word the message starts with, or {@code null} when there is none} */
    private static @Nullable IntentRoute commandAtHead(String head, List<String> fileReferences) {
        for (HeadCommand c : HEAD_COMMANDS) {
            Matcher m = c.pattern().matcher(head);
            if (m.lookingAt()) {
                return new IntentRoute(c.intent(), m.group().strip(), fileReferences);
            }
        }
        return null;
    }

    private static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!space) {
                    b.append(' ');
                }
                space = true;
            } else {
                b.append(c == '’' ? '\'' : c);
                space = false;
            }
        }
        return b.toString().strip();
    }

    /** Replaces quoted spans with a placeholder; an unclosed quote is left as it is. */
    static String withoutQuotes(String s) {
        StringBuilder out = new StringBuilder(s.length());
        Quotes quotes = new Quotes(s);
        int i = 0;
        while (i < s.length()) {
            int close = quotes.closing(i);
            if (close > i) {
                out.append(" \uFFFC ");
                i = close + 1;
            } else {
                out.append(s.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    /** A command word at the start of a message and the intent it decides, tried in list order. */
    private record HeadCommand(Intent intent, Pattern pattern) {
    }

    /** Finds the quote closing the one at an index; linear overall, since a failed search is remembered. */
    private static final class Quotes {
        private final String s;
        private final Map<Character, Integer> noCloserFrom = new HashMap<>();

        Quotes(String s) {
            this.s = s;
        }

        int closing(int i) {
            char c = s.charAt(i);
            char close = switch (c) {
                case '"', '`', '\'' -> c;
                case '“' -> '”';
                case '‘' -> '’';
                case '「' -> '」';
                case '『' -> '』';
                case '«' -> '»';
                case '‹' -> '›';
                case '„' -> '“';
                default -> 0;
            };
            if (close == 0) {
                return -1;
            }
            // an apostrophe inside a word (what's, don't) opens nothing
            if (c == '\'' && i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
                return -1;
            }
            Integer failed = noCloserFrom.get(c);
            if (failed != null && i >= failed) {
                return -1;
            }
            for (int j = i + 1; j < s.length(); j++) {
                char d = s.charAt(j);
                if (d == close || (c == '„' && d == '”')) {
                    if (c != '\'' || j + 1 >= s.length() || !Character.isLetterOrDigit(s.charAt(j + 1))) {
                        return j;
                    }
                }
            }
            noCloserFrom.put(c, i);
            return -1;
        }
    }

    private static String head(String text) {
        String h = text;
        for (int round = 0; round < 8; round++) {
            String before = h;
            h = LEADING_NOISE.matcher(h).replaceFirst("");
            h = LEAD_IN.matcher(h).replaceFirst("");
            if (h.equals(before)) {
                break;
            }
        }
        return h;
    }

    private static void findFileReferences(String original, List<String> paths, List<String> names) {
        // quoted paths may contain spaces
        int i = 0;
        StringBuilder unquoted = new StringBuilder(original.length());
        Quotes quotes = new Quotes(original);
        while (i < original.length()) {
            int close = quotes.closing(i);
            if (close > i) {
                String inside = original.substring(i + 1, close).strip();
                if (inside.indexOf('\n') < 0 && QUOTED_PATH.matcher(inside).matches()) {
                    paths.add(inside);
                }
                unquoted.append(' ');
                for (int k = i + 1; k < close; k++) {
                    unquoted.append(' ');
                }
                unquoted.append(' ');
                i = close + 1;
            } else {
                unquoted.append(original.charAt(i));
                i++;
            }
        }
        Matcher m = FILE_REFERENCE.matcher(unquoted);
        while (m.find()) {
            (m.group(1) != null ? paths : names).add(m.group());
        }
    }
}
