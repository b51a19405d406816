package dev.nemo.sdk.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files named by a chat line such as {@code upload "my clips/cat 1.gif" gifs/x.gif ~/y.gif}:
 * the words after {@code upload} (or {@code 上传}) split as a shell would, with single or double
 * quotes and backslash-escaped spaces. Quoted words, URLs and words that look like paths (a folder
 * separator, a dot or a leading {@code ~}) count; filler words such as "the file" do not.
 */
final class UploadArguments {
    private static final Pattern VERB = Pattern.compile("(?iu)(?:^|[\\s\\p{P}])(?:upload|上传)(?=\\s|$|[:：])[:：]?");

    private UploadArguments() {}

    /**
     * @param line what the user typed
     * @return the paths and URLs it names, in order; empty when it names none
     */
    static List<String> parse(String line) {
        Matcher m = VERB.matcher(line);
        if (!m.find()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Word w : split(line.substring(m.end()))) {
            if (w.quoted() || looksLikeAPath(w.text())) {
                out.add(w.text());
            }
        }
        return out;
    }

    private static boolean looksLikeAPath(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://")
                || lower.startsWith("https://")
                || lower.startsWith("file:")
                || word.startsWith("~")
                || word.contains("/")
                || word.contains("\\")
                || word.indexOf('.') > 0;
    }

    /** A word of the line, and whether any of it was quoted. */
    private record Word(String text, boolean quoted) {}

    private static List<Word> split(String s) {
        List<Word> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
                quoted = true;
            } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
                cur.append(' ');
                i++;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(new Word(cur.toString(), quoted));
                }
                cur.setLength(0);
                inWord = false;
                quoted = false;
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(new Word(cur.toString(), quoted));
        }
        return words;
    }
}
