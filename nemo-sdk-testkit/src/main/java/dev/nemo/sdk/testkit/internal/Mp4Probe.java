package dev.nemo.sdk.testkit.internal;

import java.nio.charset.StandardCharsets;

/**
 * Reads an ISO-BMFF file (MP4, MOV, M4A): duration from {@code moov/mvhd}, size from the video
 * track's {@code tkhd}, frame count from its {@code stts}.
 */
final class Mp4Probe {
    private Mp4Probe() {}

    /** Facts about one track. */
    private static final class Track {
        Integer width;
        Integer height;
        String handler;
        long timescale;
        long duration;
        long samples;
    }

    static MediaInfo probe(MediaKind kind, byte[] b) {
        int[] moov = find(b, 0, b.length, "moov");
        if (moov == null) {
            return new MediaInfo(kind, null, null, null, null);
        }
        Double duration = null;
        int[] mvhd = find(b, moov[0], moov[1], "mvhd");
        if (mvhd != null) {
            int p = mvhd[0];
            int version = b[p] & 0xff;
            long timescale = version == 1 ? MediaProbe.u32be(b, p + 20) : MediaProbe.u32be(b, p + 12);
            long length = version == 1 ? MediaProbe.u64be(b, p + 24) : MediaProbe.u32be(b, p + 16);
            if (timescale > 0) {
                duration = MediaProbe.round3(length / (double) timescale);
            }
        }
        Track video = null;
        Track first = null;
        int pos = moov[0];
        while (pos + 8 <= moov[1]) {
            int[] box = box(b, pos, moov[1]);
            if (box == null) {
                break;
            }
            if (type(b, pos).equals("trak")) {
                Track t = track(b, box[0], box[1]);
                if (first == null && t.width != null && t.width > 0) {
                    first = t;
                }
                if (video == null && "vide".equals(t.handler)) {
                    video = t;
                }
            }
            pos = box[1];
        }
        Track shown = video != null ? video : first;
        Integer frames = null;
        if (video != null && video.samples > 0) {
            frames = (int) Math.min(Integer.MAX_VALUE, video.samples);
        }
        if (kind == MediaKind.M4A) {
            return new MediaInfo(kind, null, null, duration, null);
        }
        return new MediaInfo(
                kind, shown == null ? null : shown.width, shown == null ? null : shown.height, duration, frames);
    }

    private static Track track(byte[] b, int from, int to) {
        Track t = new Track();
        int[] tkhd = find(b, from, to, "tkhd");
        if (tkhd != null) {
            int p = tkhd[0];
            int offset = (b[p] & 0xff) == 1 ? 4 + 84 : 4 + 72;
            if (p + offset + 8 <= tkhd[1]) {
                t.width = (int) (MediaProbe.u32be(b, p + offset) >> 16);
                t.height = (int) (MediaProbe.u32be(b, p + offset + 4) >> 16);
            }
        }
        int[] mdia = find(b, from, to, "mdia");
        if (mdia == null) {
            return t;
        }
        int[] hdlr = find(b, mdia[0], mdia[1], "hdlr");
        if (hdlr != null && hdlr[0] + 12 <= hdlr[1]) {
            t.handler = new String(b, hdlr[0] + 8, 4, StandardCharsets.ISO_8859_1);
        }
        int[] mdhd = find(b, mdia[0], mdia[1], "mdhd");
        if (mdhd != null) {
            int p = mdhd[0];
            boolean v1 = (b[p] & 0xff) == 1;
            t.timescale = v1 ? MediaProbe.u32be(b, p + 20) : MediaProbe.u32be(b, p + 12);
            t.duration = v1 ? MediaProbe.u64be(b, p + 24) : MediaProbe.u32be(b, p + 16);
        }
        int[] minf = find(b, mdia[0], mdia[1], "minf");
        int[] stbl = minf == null ? null : find(b, minf[0], minf[1], "stbl");
        int[] stts = stbl == null ? null : find(b, stbl[0], stbl[1], "stts");
        if (stts != null) {
            long entries = MediaProbe.u32be(b, stts[0] + 4);
            int p = stts[0] + 8;
            for (long i = 0; i < entries && p + 8 <= stts[1]; i++, p += 8) {
                t.samples += MediaProbe.u32be(b, p);
            }
        }
        return t;
    }

    /** @return {contentStart, end} of the first child box of that type directly inside [from, to), or null */
    private static int[] find(byte[] b, int from, int to, String type) {
        int pos = from;
        while (pos + 8 <= to) {
            int[] box = box(b, pos, to);
            if (box == null) {
                return null;
            }
            if (type(b, pos).equals(type)) {
                return box;
            }
            pos = box[1];
        }
        return null;
    }

    /** @return {contentStart, end} of the box starting at pos, or null when malformed */
    private static int[] box(byte[] b, int pos, int limit) {
        long size = MediaProbe.u32be(b, pos);
        int header = 8;
        if (size == 1) {
            if (pos + 16 > limit) {
                return null;
            }
            size = MediaProbe.u64be(b, pos + 8);
            header = 16;
        } else if (size == 0) {
            size = limit - pos;
        }
        if (size < header || pos + size > limit) {
            return null;
        }
        return new int[] {pos + header, (int) (pos + size)};
    }

    private static String type(byte[] b, int pos) {
        return new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
    }
}
