package dev.nemo.sdk.internal.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The one encoder of ids (session ids, render ids) placed in a URL path: the id always becomes
 * exactly one segment, whatever it contains.
 *
 * <ul>
 *   <li>every byte of its UTF-8 form outside the RFC 3986 unreserved set ({@code A-Z a-z 0-9 - . _ ~})
 *       is percent-encoded, so {@code /}, {@code ?}, {@code #}, {@code %} and spaces cannot add a
 *       segment, a query or a fragment;</li>
 *   <li>an id made only of dots ({@code .}, {@code ..}, …) is <b>refused</b> with
 *       {@link IllegalArgumentException}: encoding its dots ({@code %2E%2E}) is not safe, because
 *       RFC 3986 makes a percent-encoded unreserved character equal to the character itself, and
 *       servers and proxies normalise {@code /me/%2E%2E} to {@code /me/..}, that is the parent
 *       path;</li>
 *   <li>a blank id is refused too.</li>
 * </ul>
 */
public final class PathEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathEncoding() {}

    /**
     * {@return the encoded segment}
     *
     * @param value the id
     * @param name  its name, for the error message
     * @throws NullPointerException     when the id is null
     * @throws IllegalArgumentException when the id is blank or made only of dots
     */
    public static String segment(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.chars().allMatch(c -> c == '.')) {
            throw new IllegalArgumentException(
                    name + " must not be made only of dots (\"" + value + "\" would name " + "another path)");
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
