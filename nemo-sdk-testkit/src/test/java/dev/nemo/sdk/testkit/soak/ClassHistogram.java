package dev.nemo.sdk.testkit.soak;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Live objects per class in this JVM ({@code jcmd PID GC.class_histogram}, asked through the
 * platform's diagnostic command bean; it runs a full GC first), so that a soak can name the classes
 * that grew instead of only a number of bytes.
 *
 * @param entries instances and bytes per class name
 */
public record ClassHistogram(Map<String, Entry> entries) {
    /** The soak's own classes (the testkit's tests, and the emulator's classes that are loaded but idle here). */
    private static final String SOAK = "dev.nemo.sdk.testkit.";

    /**
     * @param instances live instances
     * @param bytes     their shallow size
     */
    public record Entry(long instances, long bytes) {
    }

    /** {@return the histogram now, or an empty one where the JVM does not offer it} */
    public static ClassHistogram take() {
        String text;
        try {
            text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException | RuntimeException e) {
            return new ClassHistogram(Map.of());
        }
        Map<String, Entry> entries = new HashMap<>();
        for (String line : text.split("\n")) {
            // "   1:  12345  678901  java.lang.String (java.base@17.0.1)"
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":") && f[1].chars().allMatch(Character::isDigit)) {
                entries.put(f[3], new Entry(Long.parseLong(f[1]), Long.parseLong(f[2])));
            }
        }
        return new ClassHistogram(Map.copyOf(entries));
    }

    /**
     * @param earlier  the histogram to compare with
     * @param prefixes class name prefixes to look at, for example {@code dev.nemo.sdk.}
     * @param limit    how many lines at most
     * @return the classes of those prefixes (but the soak's own) that grew most in bytes, one line each
     */
    public List<String> grownSince(ClassHistogram earlier, List<String> prefixes, int limit) {
        List<String> lines = new ArrayList<>();
        entries.entrySet().stream()
                .filter(e -> prefixes.stream().anyMatch(e.getKey()::startsWith) && !e.getKey().startsWith(SOAK))
                .map(e -> Map.entry(e.getKey(), growth(e.getValue(), earlier.entries().get(e.getKey()))))
                .filter(e -> e.getValue().bytes() > 0)
                .sorted((a, b) -> Long.compare(b.getValue().bytes(), a.getValue().bytes()))
                .limit(limit)
                .forEach(e -> lines.add(String.format(Locale.ROOT, "%+d instances, %+d bytes: %s",
                        e.getValue().instances(), e.getValue().bytes(), e.getKey())));
        return lines;
    }

    private static Entry growth(Entry now, Entry before) {
        return before == null ? now : new Entry(now.instances() - before.instances(), now.bytes() - before.bytes());
    }
}
