package dev.nemo.sdk.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A strict, streaming reader of {@code multipart/form-data} (RFC 7578). Parts are handed out one at
 * a time as streams over a fixed buffer, so a large file is never held in memory by the reader;
 * anything malformed (missing boundary, body ending inside a part, oversized headers, a part
 * without {@code Content-Disposition: form-data; name=…}) is a {@link MalformedMultipartException}.
 */
public final class MultipartReader {
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final long MAX_PREAMBLE_BYTES = 64 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf;
    private int start;
    private int end;
    private boolean eof;
    private boolean finished;
    private boolean started;
    private PartStream current;

    /** A body that is not well-formed multipart. */
    public static final class MalformedMultipartException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedMultipartException(String message) {
            super(message);
        }
    }

    /**
     * One part. Its {@link #body()} must be read (or left) before asking for the next part.
     *
     * @param name        the form field name
     * @param filename    the file name, or {@code null} for a plain field
     * @param contentType the declared type, or {@code null}
     * @param body        the part's bytes
     */
    public record Part(String name, String filename, String contentType, InputStream body) {}

    /**
     * @param in       the request body
     * @param boundary the boundary parameter of the Content-Type
     */
    public MultipartReader(InputStream in, String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw new IllegalArgumentException("invalid multipart boundary");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[64 * 1024];
        // a virtual CRLF lets the first boundary match the same delimiter as the others
        buf[0] = '\r';
        buf[1] = '\n';
        end = 2;
    }

    /**
     * @param contentType a Content-Type header value
     * @return its {@code boundary} parameter, or {@code null}
     */
    public static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        Map<String, String> params = parameters(contentType);
        return params.get("boundary");
    }

    /**
     * @return the next part, or {@code null} after the closing boundary
     * @throws IOException on read errors or malformed input
     */
    public Part next() throws IOException {
        if (finished) {
            return null;
        }
        if (!started) {
            started = true;
            PartStream preamble = new PartStream();
            long skipped = preamble.skipRest();
            if (skipped > MAX_PREAMBLE_BYTES) {
                throw new MalformedMultipartException("no multipart boundary found at the start of the body");
            }
        } else if (current != null) {
            current.skipRest();
        }
        if (!ensure(2)) {
            throw new MalformedMultipartException("the body ended right after a boundary");
        }
        if (buf[start] == '-' && buf[start + 1] == '-') {
            finished = true;
            start += 2;
            return null;
        }
        while (ensure(1) && (buf[start] == ' ' || buf[start] == '\t')) {
            start++;
        }
        if (!ensure(2) || buf[start] != '\r' || buf[start + 1] != '\n') {
            throw new MalformedMultipartException("a boundary is not followed by CRLF");
        }
        start += 2;
        Map<String, String> headers = readHeaders();
        String disposition = headers.get("content-disposition");
        if (disposition == null) {
            throw new MalformedMultipartException("a part has no Content-Disposition header");
        }
        Map<String, String> params = parameters(disposition);
        if (!disposition.strip().toLowerCase(Locale.ROOT).startsWith("form-data") || params.get("name") == null) {
            throw new MalformedMultipartException("a part's Content-Disposition is not form-data with a name");
        }
        current = new PartStream();
        String filename =
                params.containsKey("filename*") ? decodeExtended(params.get("filename*")) : params.get("filename");
        return new Part(params.get("name"), filename, headers.get("content-type"), current);
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            int lineEnd = indexOf(new byte[] {'\r', '\n'}, start, end);
            if (lineEnd < 0) {
                if (end - start > MAX_HEADER_BYTES - total) {
                    throw new MalformedMultipartException("part headers are too large");
                }
                if (eof) {
                    throw new MalformedMultipartException("the body ended inside part headers");
                }
                fill();
                continue;
            }
            int length = lineEnd - start;
            total += length + 2;
            if (total > MAX_HEADER_BYTES) {
                throw new MalformedMultipartException("part headers are too large");
            }
            String line = new String(buf, start, length, StandardCharsets.UTF_8);
            start = lineEnd + 2;
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedMultipartException("a part header line has no name");
            }
            headers.put(
                    line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).strip());
        }
    }

    /** Parses {@code value; a=b; c="d"} parameters (names lowercased; quoted strings unescaped). */
    static Map<String, String> parameters(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            i++;
            while (i < header.length() && Character.isWhitespace(header.charAt(i))) {
                i++;
            }
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = header.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            StringBuilder value = new StringBuilder();
            if (j < header.length() && header.charAt(j) == '"') {
                j++;
                while (j < header.length() && header.charAt(j) != '"') {
                    char c = header.charAt(j);
                    if (c == '\\' && j + 1 < header.length()) {
                        c = header.charAt(++j);
                    }
                    value.append(c);
                    j++;
                }
                j++;
                int next = header.indexOf(';', j);
                i = next;
            } else {
                int next = header.indexOf(';', j);
                value.append(header, j, next < 0 ? header.length() : next);
                i = next;
            }
            out.putIfAbsent(name, value.toString().strip());
        }
        return out;
    }

    private static String decodeExtended(String value) {
        int quote = value.indexOf("''");
        if (quote < 0) {
            return value;
        }
        try {
            return java.net.URLDecoder.decode(value.substring(quote + 2).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value.substring(quote + 2);
        }
    }

    private boolean ensure(int n) throws IOException {
        while (end - start < n && !eof) {
            fill();
        }
        return end - start >= n;
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            return;
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    private int indexOf(byte[] needle, int from, int to) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (buf[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The bytes of one part, up to (and consuming) the next delimiter. */
    private final class PartStream extends InputStream {
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] dst, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            return readPart(dst, off, len);
        }

        long skipRest() throws IOException {
            long total = 0;
            int n;
            while ((n = readPart(null, 0, Integer.MAX_VALUE)) >= 0) {
                total += n;
            }
            return total;
        }

        private int readPart(byte[] dst, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            while (true) {
                int at = indexOf(delimiter, start, end);
                int available;
                if (at >= 0) {
                    available = at - start;
                    if (available == 0) {
                        start += delimiter.length;
                        ended = true;
                        return -1;
                    }
                } else {
                    available = end - start - (delimiter.length - 1);
                    if (available <= 0) {
                        if (eof) {
                            throw new MalformedMultipartException("the body ended inside a part (no closing boundary)");
                        }
                        fill();
                        continue;
                    }
                }
                int n = Math.min(available, len);
                if (dst != null) {
                    System.arraycopy(buf, start, dst, off, n);
                }
                start += n;
                return n;
            }
        }
    }
}
