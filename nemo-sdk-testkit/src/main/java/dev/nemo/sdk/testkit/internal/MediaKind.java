package dev.nemo.sdk.testkit.internal;

import java.nio.charset.StandardCharsets;

/** The media formats the service accepts, recognised by their leading bytes (never by file name). */
public enum MediaKind {
    GIF("gif", "image/gif", "image"),
    PNG("png", "image/png", "image"),
    APNG("apng", "image/apng", "image"),
    JPEG("jpg", "image/jpeg", "image"),
    WEBP("webp", "image/webp", "image"),
    MP4("mp4", "video/mp4", "video"),
    MOV("mov", "video/quicktime", "video"),
    WEBM("webm", "video/webm", "video"),
    MKV("mkv", "video/x-matroska", "video"),
    AVI("avi", "video/x-msvideo", "video"),
    MP3("mp3", "audio/mpeg", "audio"),
    WAV("wav", "audio/wav", "audio"),
    M4A("m4a", "audio/mp4", "audio"),
    AAC("aac", "audio/aac", "audio");

    /** How many leading bytes {@link #sniff} needs at most. */
    public static final int SNIFF_BYTES = 64;

    private final String extension;
    private final String mimeType;
    private final String fileType;

    MediaKind(String extension, String mimeType, String fileType) {
        this.extension = extension;
        this.mimeType = mimeType;
        this.fileType = fileType;
    }

    /** @return the usual file extension, without a dot */
    public String extension() {
        return extension;
    }

    /** @return the MIME type */
    public String mimeType() {
        return mimeType;
    }

    /** @return {@code video}, {@code image} or {@code audio}, as in the upload response's {@code file_type} */
    public String fileType() {
        return fileType;
    }

    /** @return whether the format can carry motion (a timeline segment of its own length) */
    public boolean visual() {
        return !"audio".equals(fileType);
    }

    /**
     * @param head the first bytes of a file (at least {@link #SNIFF_BYTES} when the file is that long)
     * @param length how many bytes of {@code head} are valid
     * @return the format, or {@code null} when the content is not an accepted format
     */
    public static MediaKind sniff(byte[] head, int length) {
        if (length >= 6 && (startsWith(head, "GIF87a") || startsWith(head, "GIF89a"))) {
            return GIF;
        }
        if (length >= 8 && (head[0] & 0xff) == 0x89 && startsWith(head, 1, "PNG\r\n\u001a\n")) {
            return PNG;
        }
        if (length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return JPEG;
        }
        if (length >= 12 && startsWith(head, "RIFF")) {
            if (startsWith(head, 8, "WEBP")) {
                return WEBP;
            }
            if (startsWith(head, 8, "WAVE")) {
                return WAV;
            }
            if (startsWith(head, 8, "AVI ")) {
                return AVI;
            }
            return null;
        }
        if (length >= 12 && startsWith(head, 4, "ftyp")) {
            String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
            if (brand.equals("qt  ")) {
                return MOV;
            }
            if (brand.startsWith("M4A") || brand.startsWith("M4B")) {
                return M4A;
            }
            return MP4;
        }
        if (length >= 4
                && (head[0] & 0xff) == 0x1a
                && (head[1] & 0xff) == 0x45
                && (head[2] & 0xff) == 0xdf
                && (head[3] & 0xff) == 0xa3) {
            String start = new String(head, 0, length, StandardCharsets.ISO_8859_1);
            return start.contains("webm") ? WEBM : MKV;
        }
        if (length >= 3 && startsWith(head, "ID3")) {
            return MP3;
        }
        if (length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xe0) == 0xe0) {
            return (head[1] & 0x06) == 0 ? AAC : MP3;
        }
        return null;
    }

    private static boolean startsWith(byte[] b, String ascii) {
        return startsWith(b, 0, ascii);
    }

    private static boolean startsWith(byte[] b, int offset, String ascii) {
        if (b.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if ((b[offset + i] & 0xff) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
