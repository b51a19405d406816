package dev.nemo.sdk.internal.session;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Guesses the language of a user's instruction from its script, for the session's
 * {@code language}: Chinese, Japanese (kana), Korean (hangul), Russian (Cyrillic), Arabic, Hebrew,
 * Thai, Greek, Hindi (Devanagari); Latin-script text counts as English. Counting letters, not
 * looking for the first one, so an English sentence quoting one Chinese word stays English.
 */
public final class ScriptLanguage {
    private ScriptLanguage() {
    }

    /**
     * {@return its language code, or empty when the text has no letters}
     *
     * @param text a user's instruction
     */
    public static Optional<String> detect(String text) {
        int latin = 0;
        int han = 0;
        int kana = 0;
        Map<Script, Integer> other = new EnumMap<>(Script.class);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            switch (script) {
                case LATIN -> latin++;
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                default -> Script.of(script).ifPresent(s -> other.merge(s, 1, Integer::sum));
            }
        }
        int cjk = han + kana;
        int best = latin;
        String language = latin > 0 ? "en" : null;
        if (cjk > best) {
            best = cjk;
            language = kana > 0 ? "ja" : "zh";
        }
        for (Map.Entry<Script, Integer> e : other.entrySet()) {   // in declaration order
            if (e.getValue() > best) {
                best = e.getValue();
                language = e.getKey().language;
            }
        }
        return Optional.ofNullable(language);
    }

    /**
     * {@return its language, else the JVM's default language, else {@code "en"}}
     *
     * @param text a user's instruction, or {@code null} when none is known
     */
    public static String detectOrDefault(@Nullable String text) {
        Optional<String> detected = text == null ? Optional.empty() : detect(text);
        if (detected.isPresent()) {
            return detected.get();
        }
        String jvm = Locale.getDefault().getLanguage();
        return jvm.isEmpty() ? "en" : jvm;
    }

    private enum Script {
        HANGUL(Character.UnicodeScript.HANGUL, "ko"),
        CYRILLIC(Character.UnicodeScript.CYRILLIC, "ru"),
        ARABIC(Character.UnicodeScript.ARABIC, "ar"),
        HEBREW(Character.UnicodeScript.HEBREW, "he"),
        THAI(Character.UnicodeScript.THAI, "th"),
        GREEK(Character.UnicodeScript.GREEK, "el"),
        DEVANAGARI(Character.UnicodeScript.DEVANAGARI, "hi");

        private final Character.UnicodeScript script;
        private final String language;

        Script(Character.UnicodeScript script, String language) {
            this.script = script;
            this.language = language;
        }

        static Optional<Script> of(Character.UnicodeScript script) {
            for (Script s : values()) {
                if (s.script == script) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }
}
