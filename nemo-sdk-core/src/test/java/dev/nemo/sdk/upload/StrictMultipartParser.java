package dev.nemo.sdk.upload;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict multipart/form-data parser written for the tests, independently of the SDK's encoder:
 * it follows RFC 7578 / RFC 2046 framing and the WHATWG name escaping, and rejects anything else
 * (a preamble, bare LF line ends, missing headers, bytes after the close delimiter).
 */
final class StrictMultipartParser {

    /** One parsed part. */
    record Part(String name, String fileName, String contentType, Map<String, String> headers, byte[] content) {
        String sha256() {
            return StrictMultipartParser.sha256(content);
        }
    }

    private StrictMultipartParser() {}

    static String boundaryOf(String contentType) {
        String[] pieces = contentType.split(";");
        if (!pieces[0].strip().equalsIgnoreCase("multipart/form-data")) {
            throw new IllegalArgumentException("not multipart/form-data: " + contentType);
        }
        for (int i = 1; i < pieces.length; i++) {
            String p = pieces[i].strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                if (b.startsWith("\"") && b.endsWith("\"") && b.length() >= 2) {
                    b = b.substring(1, b.length() - 1);
                }
                if (b.isEmpty() || b.length() > 70) {
                    throw new IllegalArgumentException("boundary length out of range: " + b.length());
                }
                for (char c : b.toCharArray()) {
                    if (!(Character.isLetterOrDigit(c) && c < 128) && "'()+_,-./:=? ".indexOf(c) < 0) {
                        throw new IllegalArgumentException("illegal boundary character: " + c);
                    }
                }
                return b;
            }
        }
        throw new IllegalArgumentException("no boundary in " + contentType);
    }

    static List<Part> parse(String contentType, byte[] body) {
        byte[] dash = ("--" + boundaryOf(contentType)).getBytes(StandardCharsets.US_ASCII);
        byte[] delimiter = concat(new byte[] {'\r', '\n'}, dash);
        if (!startsWith(body, 0, dash)) {
            throw new IllegalArgumentException("body does not start with the boundary (preamble not expected)");
        }
        int pos = dash.length;
        List<Part> parts = new ArrayList<>();
        while (true) {
            if (startsWith(body, pos, new byte[] {'-', '-', '\r', '\n'})) {
                if (pos + 4 != body.length) {
                    throw new IllegalArgumentException((body.length - pos - 4) + " bytes after the close delimiter");
                }
                return parts;
            }
            if (!startsWith(body, pos, new byte[] {'\r', '\n'})) {
                throw new IllegalArgumentException("boundary not followed by CRLF at " + pos);
            }
            pos += 2;
            Map<String, String> headers = new LinkedHashMap<>();
            while (true) {
                int eol = indexOf(body, new byte[] {'\r', '\n'}, pos);
                if (eol < 0) {
                    throw new IllegalArgumentException("unterminated header block");
                }
                if (eol == pos) {
                    pos += 2;
                    break;
                }
                String line = utf8(body, pos, eol);
                if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                    throw new IllegalArgumentException("bare CR or LF in header: " + line);
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("malformed header: " + line);
                }
                String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                if (headers.put(name, line.substring(colon + 1).strip()) != null) {
                    throw new IllegalArgumentException("duplicate header " + name);
                }
                pos = eol + 2;
            }
            int end = indexOf(body, delimiter, pos);
            if (end < 0) {
                throw new IllegalArgumentException("part content not terminated by a delimiter");
            }
            byte[] content = java.util.Arrays.copyOfRange(body, pos, end);
            pos = end + delimiter.length;
            String disposition = headers.get("content-disposition");
            if (disposition == null) {
                throw new IllegalArgumentException("part without Content-Disposition");
            }
            Map<String, String> params = dispositionParams(disposition);
            if (!params.containsKey("name")) {
                throw new IllegalArgumentException("Content-Disposition without name: " + disposition);
            }
            parts.add(new Part(
                    params.get("name"), params.get("filename"), headers.get("content-type"), headers, content));
        }
    }

    /** Parses {@code form-data; a="…"; b="…"}: quoted values end at the next quote (WHATWG never emits one inside). */
    static Map<String, String> dispositionParams(String value) {
        if (!value.toLowerCase(Locale.ROOT).startsWith("form-data")) {
            throw new IllegalArgumentException("not form-data: " + value);
        }
        Map<String, String> out = new LinkedHashMap<>();
        int i = "form-data".length();
        while (i < value.length()) {
            if (value.charAt(i) != ';') {
                throw new IllegalArgumentException("expected ; at " + i + " in " + value);
            }
            i++;
            while (i < value.length() && value.charAt(i) == ' ') {
                i++;
            }
            int eq = value.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("parameter without value in " + value);
            }
            String key = value.substring(i, eq).toLowerCase(Locale.ROOT);
            if (eq + 1 >= value.length() || value.charAt(eq + 1) != '"') {
                throw new IllegalArgumentException("unquoted parameter " + key);
            }
            int close = value.indexOf('"', eq + 2);
            if (close < 0) {
                throw new IllegalArgumentException("unterminated quoted value for " + key);
            }
            out.put(key, unescape(value.substring(eq + 2, close)));
            i = close + 1;
        }
        return out;
    }

    /** Reverses the WHATWG escaping: only %22, %0D and %0A. */
    static String unescape(String s) {
        return s.replace("%22", "\"").replace("%0D", "\r").replace("%0A", "\n");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String utf8(byte[] b, int from, int to) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("header is not UTF-8", e);
        }
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (at + prefix.length > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte[] needle, int from) {
        outer:
        for (int i = from; i <= b.length - needle.length; i++) {
            if (b[i] != needle[0]) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
