package dev.nemo.sdk.internal.upload;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * A streaming {@code multipart/form-data} body (RFC 7578) composed from the JDK's publishers:
 * small header blocks as byte arrays, each file's content as its own publisher. Nothing is
 * buffered beyond what the HTTP client asks for; the length is exact when every part's is known.
 *
 * <p>Names follow the WHATWG form-submission rules that browsers and curl apply: UTF-8, with
 * {@code "}, CR and LF escaped as {@code %22}, {@code %0D}, {@code %0A} and nothing else escaped
 * (RFC 7578 §4.2 forbids the {@code filename*} form).
 */
public final class Multipart {
    /**
     * A DRBG reads the OS entropy source once, when seeded, and is pure computation afterwards; the
     * default {@code NativePRNG} reads {@code /dev/urandom} on most calls, which is file I/O on
     * whatever thread starts an upload (a Reactor event loop, for instance).
     */
    private static final SecureRandom RANDOM = seededRandom();

    private static final char[] BOUNDARY_CHARS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final byte[] CRLF = {'\r', '\n'};

    /**
     * One part.
     *
     * @param name        the field name
     * @param fileName    the file name
     * @param contentType the part's {@code Content-Type}
     * @param length      content length, or {@code -1} when unknown
     * @param content     the content, opened once per body
     */
    public record Part(
            String name,
            String fileName,
            String contentType,
            long length,
            Supplier<Flow.Publisher<ByteBuffer>> content) {
        /**
         * Validates.
         *
         * @param name        the field name
         * @param fileName    the file name
         * @param contentType the part's {@code Content-Type}
         * @param length      content length, or {@code -1} when unknown
         * @param content     the content, opened once per body
         */
        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
            if (contentType.chars().anyMatch(c -> c < 0x20 || c > 0x7E)) {
                throw new IllegalArgumentException("invalid content type: " + contentType);
            }
        }
    }

    private Multipart() {}

    private static SecureRandom seededRandom() {
        SecureRandom r;
        try {
            r = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            r = new SecureRandom();
        }
        r.nextInt();
        return r;
    }

    /** Seeds the boundary generator now (it reads the OS entropy source once), rather than on the first upload. */
    public static void seedRandom() {
        // loading this class seeds RANDOM
    }

    /**
     * Seeds the boundary generator on that executor, off the caller's thread. An upload that comes
     * first waits for it (class initialisation) or seeds it itself when the executor refused.
     *
     * @param executor where to seed it, such as the client's timer
     */
    public static void seedInBackground(Executor executor) {
        try {
            executor.execute(new Seeder());
        } catch (RejectedExecutionException e) {
            // the first upload seeds it
        }
    }

    /** A named class, not a lambda: a lambda's first use costs a class spun at run time. */
    private static final class Seeder implements Runnable {
        @Override
        public void run() {
            seedRandom();
        }
    }

    /** {@return a new boundary: 40 characters, 190 random bits, so it cannot collide with content} */
    public static String newBoundary() {
        StringBuilder b = new StringBuilder("NemoSdkBoundary");
        for (int i = 0; i < 32; i++) {
            b.append(BOUNDARY_CHARS[RANDOM.nextInt(BOUNDARY_CHARS.length)]);
        }
        return b.toString();
    }

    /**
     * {@return the request's {@code Content-Type}}
     *
     * @param boundary the boundary
     */
    public static String contentType(String boundary) {
        return "multipart/form-data; boundary=" + boundary;
    }

    /**
     * {@return its bytes inside the quoted parameter: UTF-8 (lone surrogates as U+FFFD), with {@code "}, CR and LF percent-encoded}
     *
     * @param name a field or file name
     */
    public static byte[] escape(String name) {
        StringBuilder s = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') {
                s.append("%22");
            } else if (c == '\r') {
                s.append("%0D");
            } else if (c == '\n') {
                s.append("%0A");
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(i + 1))) {
                s.append(c).append(name.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                s.append('\uFFFD');
            } else {
                s.append(c);
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@return the delimiter and header block preceding the part's content}
     *
     * @param boundary the boundary
     * @param first    whether this is the first part (no CRLF closing a previous one)
     * @param part     the part
     */
    public static byte[] header(String boundary, boolean first, Part part) {
        ByteArrayBuilder b = new ByteArrayBuilder();
        if (!first) {
            b.add(CRLF);
        }
        b.ascii("--").ascii(boundary).add(CRLF);
        b.ascii("Content-Disposition: form-data; name=\"")
                .add(escape(part.name()))
                .ascii("\"; filename=\"")
                .add(escape(part.fileName()))
                .ascii("\"")
                .add(CRLF);
        b.ascii("Content-Type: ").ascii(part.contentType()).add(CRLF).add(CRLF);
        return b.toByteArray();
    }

    /**
     * {@return the close delimiter}
     *
     * @param boundary the boundary
     * @param empty    whether there were no parts
     */
    public static byte[] trailer(String boundary, boolean empty) {
        return ((empty ? "" : "\r\n") + "--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * {@return a new body: every call opens the parts' content afresh}
     *
     * @param boundary the boundary
     * @param parts    the parts, in order
     */
    public static HttpRequest.BodyPublisher body(String boundary, List<Part> parts) {
        List<HttpRequest.BodyPublisher> pieces = new ArrayList<>(parts.size() * 2 + 1);
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            pieces.add(HttpRequest.BodyPublishers.ofByteArray(header(boundary, i == 0, p)));
            if (p.length() != 0) {
                Flow.Publisher<ByteBuffer> content = p.content().get();
                pieces.add(
                        p.length() > 0
                                ? HttpRequest.BodyPublishers.fromPublisher(content, p.length())
                                : HttpRequest.BodyPublishers.fromPublisher(content));
            }
        }
        pieces.add(HttpRequest.BodyPublishers.ofByteArray(trailer(boundary, parts.isEmpty())));
        return HttpRequest.BodyPublishers.concat(pieces.toArray(new HttpRequest.BodyPublisher[0]));
    }

    /** A growable byte array, for the small header blocks. */
    private static final class ByteArrayBuilder {
        private byte[] buf = new byte[256];
        private int size;

        ByteArrayBuilder add(byte[] bytes) {
            if (size + bytes.length > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + bytes.length));
            }
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
            return this;
        }

        ByteArrayBuilder ascii(String s) {
            return add(s.getBytes(StandardCharsets.US_ASCII));
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }
    }
}
