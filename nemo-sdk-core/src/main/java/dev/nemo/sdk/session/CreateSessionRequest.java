package dev.nemo.sdk.session;

import dev.nemo.sdk.internal.session.ScriptLanguage;
import java.util.Locale;
import java.util.Objects;

/**
 * The body of a new session: {@code {"task_name":…,"language":…}}.
 *
 * @param taskName free-text project name, default {@code project}
 * @param language ISO language of the user (for example {@code en}, {@code zh-CN}), or {@code null} to omit it
 */
public record CreateSessionRequest(String taskName, String language) {

    /**
     * Validates.
     *
     * @param taskName free-text project name, default {@code project}
     * @param language ISO language of the user (for example {@code en}, {@code zh-CN}), or {@code null} to omit it
     */
    public CreateSessionRequest {
        Objects.requireNonNull(taskName, "taskName");
        if (taskName.isBlank()) {
            throw new IllegalArgumentException("taskName must not be blank");
        }
    }

    /** {@return task name {@code project} in the JVM's default language} */
    public static CreateSessionRequest defaults() {
        return new CreateSessionRequest("project", defaultLanguage());
    }

    /**
     * {@return task name {@code project} in that language}
     *
     * @param language ISO language code
     */
    public static CreateSessionRequest inLanguage(String language) {
        return new CreateSessionRequest("project", language);
    }

    private static String defaultLanguage() {
        Locale l = Locale.getDefault();
        if (l.getLanguage().isEmpty()) {
            return "en";
        }
        return "zh".equals(l.getLanguage()) && !l.getCountry().isEmpty()
                ? l.getLanguage() + "-" + l.getCountry()
                : l.getLanguage();
    }

    /**
     * A session in the language of the user's words: Chinese, Japanese, Korean and other scripts
     * are told apart by their letters, Latin-script text counts as English; the JVM's default
     * language is the fallback when the text has no letters.
     *
     * @param userText what the user typed (an instruction), or {@code null} when none is known
     * @return task name {@code project} in that language
     */
    public static CreateSessionRequest forText(String userText) {
        return inLanguage(ScriptLanguage.detectOrDefault(userText));
    }
}
