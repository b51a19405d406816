package dev.nemo.sdk.internal.upload;

import dev.nemo.sdk.upload.MediaFormat;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Recognises the supported media formats by their leading bytes. Reads only inside the given
 * window and never throws: any byte sequence yields a format or {@code null}.
 */
public final class MediaSniffer {
    /** Bytes read from the start of a file: enough for PNG chunks before the image data and for ID3 tags. */
    public static final int WINDOW = 64 * 1024;

    private MediaSniffer() {
    }

    /**
     * {@return the format, or {@code null} when the content is not a supported media format}
     *
     * @param h the first bytes of a file
     * @param n how many of them are valid
     */
    public static @Nullable MediaFormat detect(byte[] h, int n) {
        n = Math.min(n, h.length);
        if (startsWith(h, n, 0, "GIF87a") || startsWith(h, n, 0, "GIF89a")) {
            return MediaFormat.GIF;
        }
        if (n >= 8 && u8(h, 0) == 0x89 && startsWith(h, n, 1, "PNG\r\n\u001a\n")) {
            return animatedPng(h, n) ? MediaFormat.APNG : MediaFormat.PNG;
        }
        if (n >= 3 && u8(h, 0) == 0xFF && u8(h, 1) == 0xD8 && u8(h, 2) == 0xFF) {
            return MediaFormat.JPEG;
        }
        if (n >= 12 && (startsWith(h, n, 0, "RIFF") || startsWith(h, n, 0, "RF64"))) {
            if (startsWith(h, n, 8, "WAVE")) {
                return MediaFormat.WAV;
            }
            if (startsWith(h, n, 0, "RIFF") && startsWith(h, n, 8, "WEBP")) {
                return MediaFormat.WEBP;
            }
            if (startsWith(h, n, 0, "RIFF") && startsWith(h, n, 8, "AVI ")) {
                return MediaFormat.AVI;
            }
            return null;
        }
        if (n >= 12 && startsWith(h, n, 4, "ftyp")) {
            return isoBrand(h);
        }
        if (n >= 8 && u32(h, 0) >= 8 && (startsWith(h, n, 4, "moov") || startsWith(h, n, 4, "mdat")
                || startsWith(h, n, 4, "wide") || startsWith(h, n, 4, "free") || startsWith(h, n, 4, "skip")
                || startsWith(h, n, 4, "pnot"))) {
            return MediaFormat.MOV;
        }
        if (n >= 4 && u8(h, 0) == 0x1A && u8(h, 1) == 0x45 && u8(h, 2) == 0xDF && u8(h, 3) == 0xA3) {
            return matroska(h, n);
        }
        if (startsWith(h, n, 0, "ADIF")) {
            return MediaFormat.AAC;
        }
        if (startsWith(h, n, 0, "ID3")) {
            return afterId3(h, n);
        }
        int i = 0;
        while (i < n && h[i] == 0) {
            i++;
        }
        if (i < n && i < 4096) {
            if (adts(h, n, i)) {
                return MediaFormat.AAC;
            }
            if (mpegAudioFrame(h, n, i)) {
                return MediaFormat.MP3;
            }
        }
        return null;
    }

    private static boolean animatedPng(byte[] h, int n) {
        long pos = 8;
        while (pos + 8 <= n) {
            int p = (int) pos;
            long len = u32(h, p);
            if (startsWith(h, n, p + 4, "acTL")) {
                return true;
            }
            if (startsWith(h, n, p + 4, "IDAT") || startsWith(h, n, p + 4, "IEND")) {
                return false;
            }
            pos += 12 + len;
        }
        return false;
    }

    private static @Nullable MediaFormat isoBrand(byte[] h) {
        String major = ascii(h, 8, 4);
        return switch (major) {
            case "qt  " -> MediaFormat.MOV;
            case "M4A ", "M4B ", "M4P " -> MediaFormat.M4A;
            // HEIF/AVIF stills and camera raw share the box structure but are not accepted
            case "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1", "avif", "avis", "crx ",
                 "jp2 ", "jpx " -> null;
            default -> MediaFormat.MP4;
        };
    }

    private static @Nullable MediaFormat matroska(byte[] h, int n) {
        int p = 4;
        long[] size = vint(h, n, p, false);
        if (size == null) {
            return MediaFormat.MKV;
        }
        p += (int) size[1];
        long end = size[0] < 0 ? n : Math.min(n, p + size[0]);
        while (p < end) {
            long[] id = vint(h, n, p, true);
            if (id == null) {
                break;
            }
            p += (int) id[1];
            long[] len = vint(h, n, p, false);
            if (len == null || len[0] < 0) {
                break;
            }
            p += (int) len[1];
            if (id[0] == 0x4282) {
                if (p + len[0] > n) {
                    break;
                }
                String docType = new String(h, p, (int) len[0], StandardCharsets.US_ASCII).replace("\0", "");
                if ("webm".equals(docType)) {
                    return MediaFormat.WEBM;
                }
                return "matroska".equals(docType) ? MediaFormat.MKV : null;
            }
            if (len[0] > end - p) {
                break;
            }
            p += (int) len[0];
        }
        // DocType defaults to "matroska"
        return MediaFormat.MKV;
    }

    /** {@return {value, length} of an EBML variable-length integer, value -1 for "unknown"; null when malformed} */
    private static long @Nullable [] vint(byte[] h, int n, int p, boolean keepMarker) {
        if (p >= n) {
            return null;
        }
        int first = u8(h, p);
        int len = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || len > 8 || p + len > n) {
            return null;
        }
        long v = keepMarker ? first : first & (0xFF >> len);
        boolean allOnes = v == (0xFF >> len);
        for (int i = 1; i < len; i++) {
            int b = u8(h, p + i);
            allOnes &= b == 0xFF;
            v = (v << 8) | b;
        }
        return new long[] {!keepMarker && allOnes ? -1 : v, len};
    }

    private static @Nullable MediaFormat afterId3(byte[] h, int n) {
        int p = 0;
        while (startsWith(h, n, p, "ID3") && p + 10 <= n) {
            // a syncsafe integer: 28 bits, so it fits an int
            int size = ((u8(h, p + 6) & 0x7F) << 21) | ((u8(h, p + 7) & 0x7F) << 14) | ((u8(h, p + 8) & 0x7F) << 7)
                    | (u8(h, p + 9) & 0x7F);
            long next = (long) p + 10 + size + ((u8(h, p + 5) & 0x10) != 0 ? 10 : 0);
            if (next >= n) {
                return MediaFormat.MP3;
            }
            p = (int) next;
        }
        while (p < n && h[p] == 0) {
            p++;
        }
        if (p >= n) {
            return MediaFormat.MP3;
        }
        if (adts(h, n, p)) {
            return MediaFormat.AAC;
        }
        if (startsWith(h, n, p, "fLaC")) {
            return null;
        }
        return MediaFormat.MP3;
    }

    private static boolean adts(byte[] h, int n, int p) {
        if (p + 7 > n || u8(h, p) != 0xFF || (u8(h, p + 1) & 0xF6) != 0xF0) {
            return false;
        }
        int sampling = (u8(h, p + 2) >> 2) & 0xF;
        int frameLength = ((u8(h, p + 3) & 0x3) << 11) | (u8(h, p + 4) << 3) | (u8(h, p + 5) >> 5);
        return sampling <= 12 && frameLength >= 7;
    }

    private static boolean mpegAudioFrame(byte[] h, int n, int p) {
        if (p + 4 > n || u8(h, p) != 0xFF || (u8(h, p + 1) & 0xE0) != 0xE0) {
            return false;
        }
        int version = (u8(h, p + 1) >> 3) & 3;
        int layer = (u8(h, p + 1) >> 1) & 3;
        int bitrate = (u8(h, p + 2) >> 4) & 0xF;
        int sampleRate = (u8(h, p + 2) >> 2) & 3;
        int emphasis = u8(h, p + 3) & 3;
        // layers II and III only: layer I is all but extinct, and its sync pattern matches a UTF-16 BOM
        return version != 1 && (layer == 1 || layer == 2) && bitrate != 0xF && sampleRate != 3 && emphasis != 2;
    }

    private static boolean startsWith(byte[] h, int n, int at, String ascii) {
        if (at < 0 || at + ascii.length() > n) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (h[at + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] h, int at, int len) {
        return new String(h, at, len, StandardCharsets.ISO_8859_1);
    }

    private static int u8(byte[] h, int i) {
        return h[i] & 0xFF;
    }

    private static long u32(byte[] h, int i) {
        return ((long) u8(h, i) << 24) | (u8(h, i + 1) << 16) | (u8(h, i + 2) << 8) | u8(h, i + 3);
    }
}
