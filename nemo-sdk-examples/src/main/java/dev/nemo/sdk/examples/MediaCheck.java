package dev.nemo.sdk.examples;

import dev.nemo.sdk.upload.MediaFormat;
import dev.nemo.sdk.upload.MediaFormats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before anything is created or uploaded, that a file is media the API takes, and says in
 * words what it looks like when it is not (never in hex, never with Java API advice).
 */
final class MediaCheck {
    private static final int HEAD = 4096;

    private MediaCheck() {}

    /**
     * @param file a local file
     * @throws ExampleException when its content is not a supported video, image or audio format
     */
    static void requireMedia(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (MediaFormat.detect(head).isEmpty()) {
            throw new ExampleException(
                    "upload",
                    file.getFileName() + " is not a video or an animated image: it " + "looks like " + describe(head)
                            + ". Accepted: " + MediaFormats.description());
        }
    }

    /**
     * @param head the first bytes of a file
     * @return what the content looks like, in words
     */
    static String describe(byte[] head) {
        if (head.length == 0) {
            return "an empty file";
        }
        String ascii = new String(head, 0, Math.min(head.length, 16), StandardCharsets.ISO_8859_1);
        if (ascii.startsWith("%PDF")) {
            return "a PDF document";
        }
        if (ascii.startsWith("PK\u0003\u0004")) {
            return "a ZIP archive (or an Office document)";
        }
        if (ascii.startsWith("\u00ff\u00d8\u00ff") || ascii.startsWith("\u0089PNG") || ascii.startsWith("BM")) {
            return "a still image, not an animation";
        }
        String text = text(head);
        if (text == null) {
            return "binary data of an unknown kind";
        }
        String start = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
            return "an HTML page (a download that saved the web page instead of the file?)";
        }
        if (start.startsWith("{") || start.startsWith("[")) {
            return "JSON text";
        }
        String firstLine = text.strip().lines().findFirst().orElse("");
        return "text, starting with \"" + (firstLine.length() > 40 ? firstLine.substring(0, 40) + "…" : firstLine)
                + "\"";
    }

    /** The head as text, when it decodes as UTF-8 without control characters but whitespace. */
    private static String text(byte[] head) {
        try {
            String s = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(head, 0, trimPartialCharacter(head)))
                    .toString();
            return s.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\r' || c == '\t') ? s : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** A head cut inside a multi-byte character still counts as text. */
    private static int trimPartialCharacter(byte[] head) {
        int end = head.length;
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int b = head[end - back] & 0xFF;
            if (b >= 0xC0) {
                return end - back;
            }
            if (b < 0x80) {
                break;
            }
        }
        return end;
    }
}
