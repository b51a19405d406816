package dev.nemo.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;

/**
 * Edits a session's draft in the compact {@code t/tt/sg/d/m} schema, in place. Tracks are
 * {@code {"tt":<type>,"sg":[segments]}} with {@code tt} 0 = video, 1 = audio/BGM, 7 = text/title;
 * segments carry {@code id}, {@code start} and {@code duration} (ms), {@code label}, and per kind
 * {@code src}/{@code media_id}/{@code in} (media), {@code text} (titles) or {@code volume} 0–1
 * (audio); {@code d} is the timeline length in ms and {@code m} the metadata, including the render
 * settings the agent understood ({@code format}, {@code width}, {@code height}, {@code resolution},
 * {@code target_size_bytes}, {@code quality}, {@code fps}). Unknown fields are left untouched.
 */
public final class DraftEditor {
    static final int VIDEO = 0;
    static final int AUDIO = 1;
    static final int TEXT = 7;
    private static final long TITLE_MS = 3_000;

    private final ObjectNode draft;
    private final ObjectNode canvas;

    /**
     * What an operation did.
     *
     * @param op      the operation's name, for the tool response
     * @param changed whether the draft changed
     * @param en      English description
     * @param zh      Chinese description
     */
    public record Change(String op, boolean changed, String en, String zh) {
    }

    /**
     * @param draft  the draft to edit in place
     * @param canvas the session's {@code canvas_config}, edited in place
     */
    public DraftEditor(ObjectNode draft, ObjectNode canvas) {
        this.draft = draft;
        this.canvas = canvas;
    }

    /**
     * @param draft a draft
     * @return whether it can be exported: {@code t} exists and a track has a non-empty {@code sg}
     */
    public static boolean exportable(JsonNode draft) {
        for (JsonNode track : draft.path("t")) {
            if (track.path("sg").isArray() && track.path("sg").size() > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Puts an uploaded file on the timeline: visual media at the end of the video track, audio on an
     * audio track.
     *
     * @param mediaId      the asset id
     * @param label        the segment label (the file name)
     * @param src          the CDN URL
     * @param info         what the probe read
     * @param projectTitle the project name, for {@code m.title}
     */
    public void addMedia(String mediaId, String label, String src, MediaInfo info, String projectTitle) {
        boolean visual = info.kind().visual();
        ObjectNode track = track(visual ? VIDEO : AUDIO, true);
        ArrayNode segments = segments(track);
        long start = 0;
        for (JsonNode s : segments) {
            start = Math.max(start, s.path("start").asLong(0) + s.path("duration").asLong(0));
        }
        ObjectNode seg = segment(start, info.timelineMillis(), label);
        seg.put("src", src).put("media_id", mediaId).put("in", 0);
        if (!visual) {
            seg.put("volume", 1.0);
        }
        segments.add(seg);
        draft.put("d", Math.max(draft.path("d").asLong(0), start + info.timelineMillis()));
        ObjectNode m = meta();
        if (!m.has("title")) {
            m.put("title", projectTitle);
        }
        if (visual && info.width() != null && info.height() != null && info.width() > 0 && info.height() > 0) {
            if (!m.has("width")) {
                m.put("width", info.width()).put("height", info.height());
            }
            if (!canvas.has("width")) {
                canvas.put("width", info.width()).put("height", info.height())
                        .put("aspect_ratio", aspect(info.width(), info.height()));
            }
        }
    }

    /**
     * @param op the operation
     * @return what it did
     */
    public Change apply(EditOp op) {
        if (op instanceof EditOp.Compress) {
            return compress((EditOp.Compress) op);
        }
        if (op instanceof EditOp.Convert) {
            String f = ((EditOp.Convert) op).format();
            meta().put("format", f);
            String up = f.toUpperCase(Locale.ROOT);
            return new Change("set_format", true, "set the output format to " + up, "输出格式设为" + up);
        }
        if (op instanceof EditOp.Resize) {
            return resize((EditOp.Resize) op);
        }
        if (op instanceof EditOp.Trim) {
            return trim((EditOp.Trim) op);
        }
        if (op instanceof EditOp.SetTitle) {
            return setTitle(((EditOp.SetTitle) op).text());
        }
        if (op instanceof EditOp.RemoveTitle) {
            int removed = removeTracks(TEXT);
            return removed > 0 ? new Change("remove_title", true, "removed the title", "已删除标题")
                    : new Change("remove_title", false, "there was no title to remove", "当前没有标题可删除");
        }
        if (op instanceof EditOp.AddMusic) {
            return addMusic((EditOp.AddMusic) op);
        }
        if (op instanceof EditOp.RemoveMusic) {
            int removed = removeTracks(AUDIO);
            return removed > 0 ? new Change("remove_music", true, "removed the background music", "已删除背景音乐")
                    : new Change("remove_music", false, "there was no music to remove", "当前没有背景音乐可删除");
        }
        if (op instanceof EditOp.SetVolume) {
            return setVolume(((EditOp.SetVolume) op).volume());
        }
        if (op instanceof EditOp.SetFps) {
            int fps = ((EditOp.SetFps) op).fps();
            meta().put("fps", fps);
            return new Change("set_fps", true, "set the frame rate to " + fps + " fps", "帧率设为" + fps + " fps");
        }
        throw new IllegalArgumentException("unknown operation " + op);
    }

    private Change compress(EditOp.Compress c) {
        ObjectNode m = meta();
        m.put("quality", c.quality());
        if (c.targetBytes() != null) {
            m.put("target_size_bytes", c.targetBytes());
            String size = size(c.targetBytes());
            return new Change("compress", true, "compressed to under " + size, "压缩到" + size + "以内");
        }
        return new Change("compress", true, "compressed for the web (" + c.quality() + " quality)",
                "已按网页用途压缩（" + ("high".equals(c.quality()) ? "高" : "low".equals(c.quality()) ? "低" : "中")
                        + "画质）");
    }

    private Change resize(EditOp.Resize r) {
        int w;
        int h;
        if (r.label() == null) {
            w = r.width();
            h = r.height();
        } else {
            int sw = canvas.path("width").asInt(meta().path("width").asInt(16));
            int sh = canvas.path("height").asInt(meta().path("height").asInt(9));
            if (sw <= 0 || sh <= 0) {
                sw = 16;
                sh = 9;
            }
            if (sw >= sh) {
                h = r.shortSide();
                w = even(Math.round(sw * (double) r.shortSide() / sh));
            } else {
                w = r.shortSide();
                h = even(Math.round(sh * (double) r.shortSide() / sw));
            }
        }
        String label = r.label() != null ? r.label() : w + "x" + h;
        meta().put("width", w).put("height", h).put("resolution", label);
        canvas.put("width", w).put("height", h).put("aspect_ratio", aspect(w, h));
        String dims = w + "×" + h;
        return new Change("resize", true, "set the resolution to " + label + (r.label() != null ? " (" + dims + ")" : ""),
                "分辨率设为" + label + (r.label() != null ? "（" + dims + "）" : ""));
    }

    private Change trim(EditOp.Trim t) {
        long total = duration();
        if (t.startMs() >= total) {
            return new Change("trim", false, "the timeline is only " + seconds(total) + " long, nothing to trim",
                    "时间线只有" + seconds(total) + "，无需剪辑");
        }
        long length = t.durationMs() < 0 ? total - t.startMs() : Math.min(t.durationMs(), total - t.startMs());
        for (JsonNode track : tracks()) {
            ArrayNode segments = segments((ObjectNode) track);
            for (Iterator<JsonNode> it = segments.iterator(); it.hasNext(); ) {
                ObjectNode seg = (ObjectNode) it.next();
                long s = seg.path("start").asLong(0) - t.startMs();
                long e = s + seg.path("duration").asLong(0);
                if (e <= 0 || s >= length) {
                    it.remove();
                    continue;
                }
                if (s < 0 && seg.has("media_id")) {
                    seg.put("in", seg.path("in").asLong(0) - s);
                }
                long ns = Math.max(0, s);
                seg.put("start", ns).put("duration", Math.min(e, length) - ns);
            }
        }
        draft.put("d", length);
        if (t.startMs() == 0) {
            return new Change("trim", true, "trimmed to " + seconds(length), "已剪辑为" + seconds(length));
        }
        String range = seconds(t.startMs()) + "–" + seconds(t.startMs() + length);
        return new Change("trim", true, "kept " + range, "保留了" + range);
    }

    private Change setTitle(String text) {
        ObjectNode track = track(TEXT, false);
        if (track != null && segments(track).size() > 0) {
            ((ObjectNode) segments(track).get(0)).put("text", text);
            return new Change("set_title", true, "changed the title to '" + text + "'", "标题已改为“" + text + "”");
        }
        track = track(TEXT, true);
        long length = Math.min(TITLE_MS, Math.max(duration(), 1));
        ObjectNode seg = segment(0, length, "Title");
        seg.put("text", text);
        segments(track).add(seg);
        return new Change("add_title", true, "added the title '" + text + "' (0-" + seconds(length) + ")",
                "已添加标题“" + text + "”（0-" + seconds(length) + "）");
    }

    private Change addMusic(EditOp.AddMusic a) {
        removeTracks(AUDIO);
        ObjectNode track = track(AUDIO, true);
        ObjectNode seg = segment(0, Math.max(duration(), 1), a.label());
        seg.put("volume", a.volume());
        segments(track).add(seg);
        int pct = (int) Math.round(a.volume() * 100);
        return new Change("add_music", true, "added background music (" + a.label() + ", " + pct + "%)",
                "已添加背景音乐（" + a.label() + "，" + pct + "%）");
    }

    private Change setVolume(double volume) {
        int count = 0;
        for (JsonNode track : tracks()) {
            if (track.path("tt").asInt(-1) == AUDIO) {
                for (JsonNode seg : track.path("sg")) {
                    ((ObjectNode) seg).put("volume", volume);
                    count++;
                }
            }
        }
        int pct = (int) Math.round(volume * 100);
        return count > 0 ? new Change("set_volume", true, "set the music volume to " + pct + "%", "音乐音量设为" + pct + "%")
                : new Change("set_volume", false, "there is no music to change the volume of", "当前没有音乐可调节音量");
    }

    private long duration() {
        if (draft.path("d").isNumber()) {
            return draft.get("d").asLong();
        }
        long end = 0;
        for (JsonNode track : tracks()) {
            for (JsonNode s : track.path("sg")) {
                end = Math.max(end, s.path("start").asLong(0) + s.path("duration").asLong(0));
            }
        }
        return end;
    }

    private int removeTracks(int type) {
        int removed = 0;
        for (Iterator<JsonNode> it = tracks().iterator(); it.hasNext(); ) {
            if (it.next().path("tt").asInt(-1) == type) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    private ArrayNode tracks() {
        JsonNode t = draft.get("t");
        if (t == null || !t.isArray()) {
            return draft.putArray("t");
        }
        return (ArrayNode) t;
    }

    private ObjectNode track(int type, boolean create) {
        for (JsonNode track : tracks()) {
            if (track.isObject() && track.path("tt").asInt(-1) == type) {
                return (ObjectNode) track;
            }
        }
        if (!create) {
            return null;
        }
        ObjectNode track = tracks().addObject();
        track.put("tt", type);
        track.putArray("sg");
        return track;
    }

    private static ArrayNode segments(ObjectNode track) {
        JsonNode sg = track.get("sg");
        if (sg == null || !sg.isArray()) {
            return track.putArray("sg");
        }
        return (ArrayNode) sg;
    }

    private ObjectNode meta() {
        JsonNode m = draft.get("m");
        if (m == null || !m.isObject()) {
            return draft.putObject("m");
        }
        return (ObjectNode) m;
    }

    private ObjectNode segment(long start, long duration, String label) {
        ObjectNode seg = EmulatorJson.object();
        seg.put("id", "seg_" + nextSegmentNumber());
        seg.put("start", start).put("duration", duration).put("label", label);
        return seg;
    }

    private int nextSegmentNumber() {
        int max = 0;
        for (JsonNode track : tracks()) {
            for (JsonNode s : track.path("sg")) {
                String id = s.path("id").asText("");
                if (id.startsWith("seg_")) {
                    try {
                        max = Math.max(max, Integer.parseInt(id.substring(4)));
                    } catch (NumberFormatException ignored) {
                        // a foreign id: not ours to number
                    }
                }
            }
        }
        return max + 1;
    }

    static String aspect(int w, int h) {
        int g = gcd(w, h);
        return (w / g) + ":" + (h / g);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? Math.max(1, a) : gcd(b, a % b);
    }

    private static int even(long v) {
        return (int) (v % 2 == 0 ? v : v + 1);
    }

    static String seconds(long ms) {
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }

    static String size(long bytes) {
        if (bytes >= 1024L * 1024 && bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + " MB";
        }
        if (bytes >= 1024L * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
}
