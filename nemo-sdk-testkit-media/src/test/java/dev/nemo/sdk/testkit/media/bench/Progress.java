package dev.nemo.sdk.testkit.media.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Progress lines of a long benchmark on the console: wall clock, elapsed time and the file at hand. */
final class Progress {

    private final long start = System.nanoTime();
    private String file = "";

    /** Starts a file's lines. */
    void file(int index, int count, String name) {
        file = String.format(Locale.ROOT, "[%d/%d %s]", index, count, name);
    }

    /** Prints one step of the current file. */
    void step(String format, Object... args) {
        System.out.printf(
                Locale.ROOT,
                "%s +%4.0fs %s %s%n",
                LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
                (System.nanoTime() - start) / 1e9,
                file,
                String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
