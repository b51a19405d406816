package dev.nemo.sdk.testing;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines a JVM prints on standard error by itself, before any program code runs, when the
 * environment sets {@code JAVA_TOOL_OPTIONS}, {@code _JAVA_OPTIONS} or {@code JDK_JAVA_OPTIONS} (common
 * in containers and CI images). Tests that read a child JVM's output drop them.
 */
public final class JvmNoise {
    private static final Pattern LAUNCHER_NOTE =
            Pattern.compile("^(NOTE: )?Picked up (JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS):.*$");

    private JvmNoise() {}

    /**
     * @param line a line of a child JVM's output
     * @return whether the JVM itself printed it because of an options variable
     */
    public static boolean isLauncherNote(String line) {
        return LAUNCHER_NOTE.matcher(line).matches();
    }

    /**
     * @param lines a child JVM's output
     * @return the lines without the JVM's own notes
     */
    public static List<String> withoutLauncherNotes(List<String> lines) {
        return lines.stream().filter(l -> !isLauncherNote(l)).toList();
    }

    /**
     * @param text a child JVM's output
     * @return the text without the JVM's own note lines
     */
    public static String withoutLauncherNotes(String text) {
        return String.join("\n", withoutLauncherNotes(List.of(text.split("\n", -1))));
    }
}
