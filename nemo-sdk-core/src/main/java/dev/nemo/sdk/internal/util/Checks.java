package dev.nemo.sdk.internal.util;

import java.time.Duration;
import java.util.Objects;

/** The argument checks the public builders share, with one wording for each rule. */
public final class Checks {
    private Checks() {}

    /**
     * {@return {@code d}}
     *
     * @param d    a duration
     * @param name its name, for the message
     * @throws NullPointerException     when it is null
     * @throws IllegalArgumentException when it is zero or negative
     */
    public static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    /**
     * {@return {@code d}}
     *
     * @param d    a duration
     * @param name its name, for the message
     * @throws NullPointerException     when it is null
     * @throws IllegalArgumentException when it is negative
     */
    public static Duration nonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return d;
    }

    /**
     * {@return {@code s}}
     *
     * @param s    a string
     * @param name its name, for the message
     * @throws NullPointerException     when it is null
     * @throws IllegalArgumentException when it is blank
     */
    public static String nonBlank(String s, String name) {
        Objects.requireNonNull(s, name);
        if (s.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return s;
    }
}
