package dev.nemo.sdk.testkit.internal;

import java.nio.charset.StandardCharsets;

/**
 * Reads width, height, duration and frame count from the headers of GIF, PNG/APNG, WebP, JPEG and
 * MP4/MOV files. Never throws: a truncated or odd file gives whatever was read before the problem.
 */
public final class MediaProbe {
    /** Browsers show animated WebP frames of 10 ms or less for 100 ms, as they do short GIF delays. */
    private static final long WEBP_MAX_SHORT_MS = 10;

    private static final long WEBP_DEFAULT_MS = 100;
    /** Browsers show GIF frames with a delay of 0 or 1 centiseconds for 10 cs. */
    private static final int GIF_MIN_DELAY_CS = 2;

    private static final int GIF_DEFAULT_DELAY_CS = 10;

    private MediaProbe() {}

    /**
     * @param kind  the sniffed format
     * @param bytes the whole file
     * @return what could be read
     */
    public static MediaInfo probe(MediaKind kind, byte[] bytes) {
        try {
            switch (kind) {
                case GIF:
                    return gif(bytes);
                case PNG:
                case APNG:
                    return png(bytes);
                case WEBP:
                    return webp(bytes);
                case JPEG:
                    return jpeg(bytes);
                case MP4:
                case MOV:
                case M4A:
                    return Mp4Probe.probe(kind, bytes);
                default:
                    return new MediaInfo(kind, null, null, null, null);
            }
        } catch (RuntimeException e) {
            return new MediaInfo(kind, null, null, null, null);
        }
    }

    static MediaInfo gif(byte[] b) {
        Integer width = b.length >= 10 ? u16le(b, 6) : null;
        Integer height = b.length >= 10 ? u16le(b, 8) : null;
        int pos = 13;
        if (b.length < pos) {
            return new MediaInfo(MediaKind.GIF, width, height, null, null);
        }
        int packed = b[10] & 0xff;
        if ((packed & 0x80) != 0) {
            pos += 3 * (1 << ((packed & 7) + 1));
        }
        int frames = 0;
        long centis = 0;
        int pendingDelay = -1;
        while (pos < b.length) {
            int introducer = b[pos++] & 0xff;
            if (introducer == 0x3b) {
                break;
            }
            if (introducer == 0x21) {
                if (pos >= b.length) {
                    break;
                }
                int label = b[pos++] & 0xff;
                if (label == 0xf9 && pos + 4 < b.length && (b[pos] & 0xff) >= 4) {
                    pendingDelay = u16le(b, pos + 2);
                }
                pos = skipSubBlocks(b, pos);
            } else if (introducer == 0x2c) {
                if (pos + 9 > b.length) {
                    break;
                }
                int imagePacked = b[pos + 8] & 0xff;
                pos += 9;
                if ((imagePacked & 0x80) != 0) {
                    pos += 3 * (1 << ((imagePacked & 7) + 1));
                }
                pos++; // LZW minimum code size
                pos = skipSubBlocks(b, pos);
                frames++;
                int delay = pendingDelay < 0 ? 0 : pendingDelay;
                centis += delay < GIF_MIN_DELAY_CS ? GIF_DEFAULT_DELAY_CS : delay;
                pendingDelay = -1;
            } else {
                break;
            }
        }
        Double duration = frames > 1 ? centis / 100.0 : null;
        return new MediaInfo(MediaKind.GIF, width, height, duration, frames == 0 ? null : frames);
    }

    private static int skipSubBlocks(byte[] b, int pos) {
        while (pos < b.length) {
            int size = b[pos++] & 0xff;
            if (size == 0) {
                return pos;
            }
            pos += size;
        }
        return pos;
    }

    static MediaInfo png(byte[] b) {
        Integer width = null;
        Integer height = null;
        boolean animated = false;
        int frames = 0;
        double seconds = 0;
        int pos = 8;
        while (pos + 8 <= b.length) {
            long length = u32be(b, pos);
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int data = pos + 8;
            if (length < 0 || data + length > b.length) {
                break;
            }
            if (type.equals("IHDR") && length >= 8) {
                width = (int) u32be(b, data);
                height = (int) u32be(b, data + 4);
            } else if (type.equals("acTL")) {
                animated = true;
            } else if (type.equals("fcTL") && length >= 26) {
                frames++;
                int num = u16be(b, data + 20);
                int den = u16be(b, data + 22);
                seconds += num / (double) (den == 0 ? 100 : den);
            } else if (type.equals("IEND")) {
                break;
            }
            pos = data + (int) length + 4;
        }
        if (!animated) {
            return new MediaInfo(MediaKind.PNG, width, height, null, null);
        }
        return new MediaInfo(
                MediaKind.APNG, width, height, frames > 0 ? round3(seconds) : null, frames > 0 ? frames : null);
    }

    static MediaInfo webp(byte[] b) {
        Integer width = null;
        Integer height = null;
        int frames = 0;
        long millis = 0;
        int pos = 12;
        while (pos + 8 <= b.length) {
            String type = new String(b, pos, 4, StandardCharsets.ISO_8859_1);
            long size = u32le(b, pos + 4);
            int data = pos + 8;
            if (size < 0 || data + size > b.length) {
                break;
            }
            if (type.equals("VP8X") && size >= 10) {
                width = u24le(b, data + 4) + 1;
                height = u24le(b, data + 7) + 1;
            } else if (type.equals("VP8 ") && size >= 10 && width == null) {
                width = u16le(b, data + 6) & 0x3fff;
                height = u16le(b, data + 8) & 0x3fff;
            } else if (type.equals("VP8L") && size >= 5 && width == null) {
                long bits = u32le(b, data + 1);
                width = (int) (bits & 0x3fff) + 1;
                height = (int) ((bits >> 14) & 0x3fff) + 1;
            } else if (type.equals("ANMF") && size >= 16) {
                frames++;
                long shown = u24le(b, data + 12);
                millis += shown <= WEBP_MAX_SHORT_MS
                        ? WEBP_DEFAULT_MS
                        : shown; // as browsers and the media engine show it
            }
            pos = data + (int) size + (int) (size & 1);
        }
        return new MediaInfo(
                MediaKind.WEBP, width, height, frames > 1 ? millis / 1000.0 : null, frames > 0 ? frames : null);
    }

    static MediaInfo jpeg(byte[] b) {
        int pos = 2;
        while (pos + 4 <= b.length) {
            if ((b[pos] & 0xff) != 0xff) {
                break;
            }
            int marker = b[pos + 1] & 0xff;
            if (marker == 0xff) {
                pos++;
                continue;
            }
            int length = u16be(b, pos + 2);
            boolean sof = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (sof && pos + 9 <= b.length) {
                return new MediaInfo(MediaKind.JPEG, u16be(b, pos + 7), u16be(b, pos + 5), null, null);
            }
            pos += 2 + length;
        }
        return new MediaInfo(MediaKind.JPEG, null, null, null, null);
    }

    static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    static int u16le(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    static int u24le(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16;
    }

    static long u32le(byte[] b, int i) {
        return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24;
    }

    static int u16be(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }

    static long u32be(byte[] b, int i) {
        return (b[i] & 0xffL) << 24 | (b[i + 1] & 0xffL) << 16 | (b[i + 2] & 0xffL) << 8 | (b[i + 3] & 0xffL);
    }

    static long u64be(byte[] b, int i) {
        return u32be(b, i) << 32 | u32be(b, i + 4);
    }
}
