package dev.nemo.sdk.internal.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Encodes ids for use as one path segment. */
public final class PathEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathEncoding() {
    }

    /**
     * Percent-encodes everything but RFC 3986 unreserved characters, so an id can never add a
     * segment, a query or a fragment ({@code .} and {@code ..} are encoded too).
     *
     * @param value the id
     * @param name  its name, for the error message
     * @return the encoded segment
     * @throws IllegalArgumentException when the id is blank
     */
    public static String segment(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        boolean onlyDots = value.chars().allMatch(c -> c == '.');
        StringBuilder sb = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '~' || (c == '.' && !onlyDots);
            if (unreserved) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }
}
