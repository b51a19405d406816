package dev.nemo.sdk.internal.util;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Removes secrets from text that may reach logs, exception messages or {@code toString()}. */
public final class Redactor {
    private static final Pattern TOKEN = Pattern.compile("(nmv_usr_|clm_)[A-Za-z0-9_\\-.~+/=]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");
    private static final Pattern JSON_SECRET = Pattern.compile(
            "(?i)(\"(?:token|access_token|claim_token|authorization)\"\\s*:\\s*\")[^\"]*(\")");

    private Redactor() {
    }

    /**
     * {@return the text with bearer tokens, claim tokens and JSON token fields replaced by {@code ***}}
     *
     * @param text any text
     */
    public static String redact(String text) {
        if (text.isEmpty()) {
            return text;
        }
        String out = JSON_SECRET.matcher(text).replaceAll("$1***$2");
        out = BEARER.matcher(out).replaceAll("$1***");
        return TOKEN.matcher(out).replaceAll("$1***");
    }

    /**
     * {@return a redacted, single-line excerpt of the start of the body, or {@code null} for an empty body}
     *
     * @param body     response bytes, or {@code null} for none
     * @param maxChars longest excerpt
     */
    public static @Nullable String excerpt(byte @Nullable [] body, int maxChars) {
        if (body == null || body.length == 0) {
            return null;
        }
        int len = Math.min(body.length, maxChars * 4);
        String s = new String(body, 0, len, StandardCharsets.UTF_8);
        s = redact(s).replaceAll("\\s+", " ").strip();
        if (s.length() > maxChars) {
            s = s.substring(0, maxChars) + "…";
        } else if (len < body.length) {
            s = s + "…";
        }
        return s;
    }
}
