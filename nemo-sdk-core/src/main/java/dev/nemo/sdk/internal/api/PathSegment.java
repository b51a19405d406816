package dev.nemo.sdk.internal.api;

import java.nio.charset.StandardCharsets;

/** Percent-encodes one path segment (RFC 3986 unreserved characters stay as they are). */
final class PathSegment {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegment() {
    }

    static String encode(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
