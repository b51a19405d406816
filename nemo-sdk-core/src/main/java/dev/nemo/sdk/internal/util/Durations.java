package dev.nemo.sdk.internal.util;

import java.time.Duration;

/** Durations in the words of the SDK's messages. */
public final class Durations {
    private Durations() {}

    /**
     * {@return it in whole minutes ({@code 15 min}), else whole seconds ({@code 30 s}), else milliseconds ({@code 250 ms})}
     *
     * @param d a duration
     */
    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms >= 60_000 && ms % 60_000 == 0) {
            return d.toMinutes() + " min";
        }
        if (ms % 1000 == 0) {
            return d.toSeconds() + " s";
        }
        return ms + " ms";
    }
}
