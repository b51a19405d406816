package dev.nemo.sdk.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.draft.Segment;
import dev.nemo.sdk.draft.Track;
import dev.nemo.sdk.draft.TrackType;
import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Applies the agent's operations to a session's draft with the SDK's own {@link Draft} model
 * (schema in {@code docs/draft-model.md}): tracks {@code tt} 0 video, 1 audio/BGM, 7 title;
 * segments with {@code start}/{@code duration} (ms), {@code label}, {@code text} and
 * {@code volume} (0–1). Media segments also carry {@code id}, {@code src} (the CDN URL),
 * {@code media_id} and {@code in} (ms into the source, moved by trims). Render settings the agent
 * understood go into the metadata {@code m}: {@code format}, {@code width}, {@code height},
 * {@code resolution}, {@code target_size_bytes}, {@code quality}, {@code fps}, {@code background}
 * (lowercase {@code #rrggbb}). Everything else in
 * the draft is kept as it was. The session's {@code canvas_config} is updated in place.
 */
public final class DraftEditor {
    private static final long TITLE_MS = 3_000;

    private Draft draft;
    private final ObjectNode canvas;

    /**
     * What an operation did.
     *
     * @param op      the operation's name, for the tool response
     * @param changed whether the draft changed
     * @param en      English description
     * @param zh      Chinese description
     */
    public record Change(String op, boolean changed, String en, String zh) {}

    /**
     * @param draft  the draft to start from
     * @param canvas the session's {@code canvas_config}, edited in place
     */
    public DraftEditor(Draft draft, ObjectNode canvas) {
        this.draft = draft;
        this.canvas = canvas;
    }

    /** @return the draft with every edit so far */
    public Draft draft() {
        return draft;
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
        TrackType type = visual ? TrackType.VIDEO : TrackType.AUDIO;
        OptionalInt index = draft.indexOf(type);
        long start = 0;
        if (index.isPresent()) {
            for (Segment s : draft.track(index.getAsInt()).segments()) {
                start = Math.max(start, end(s));
            }
        }
        long length = info.timelineMillis();
        Segment.Builder b = Segment.builder()
                .field("id", JsonValue.of(nextSegmentId()))
                .start(Duration.ofMillis(start))
                .duration(Duration.ofMillis(length))
                .label(label)
                .field("src", JsonValue.of(src))
                .field("media_id", JsonValue.of(mediaId))
                .field("in", JsonValue.of(0));
        if (!visual) {
            b.volume(1.0);
        }
        Segment segment = b.build();
        draft = index.isPresent()
                ? draft.editTrack(index.getAsInt(), t -> t.withSegment(segment))
                : draft.withTrack(Track.of(type).withSegment(segment));
        draft = draft.withDuration(Duration.ofMillis(Math.max(duration(), start + length)));
        JsonObject m = draft.metadata();
        if (!m.has("title")) {
            draft = draft.withTitle(projectTitle);
        }
        if (visual && info.width() != null && info.height() != null && info.width() > 0 && info.height() > 0) {
            if (!m.has("width")) {
                draft = draft.withMetadata("width", JsonValue.of(info.width()))
                        .withMetadata("height", JsonValue.of(info.height()));
            }
            if (!canvas.has("width")) {
                canvas.put("width", info.width())
                        .put("height", info.height())
                        .put("aspect_ratio", aspect(info.width(), info.height()));
            }
        }
    }

    /**
     * @param op the operation
     * @return what it did
     * @throws IllegalStateException when the draft's shape does not allow the edit (for example a
     *                               {@code t} that is not an array); nothing is changed then
     */
    public Change apply(EditOp op) {
        if (op instanceof EditOp.Compress) {
            return compress((EditOp.Compress) op);
        }
        if (op instanceof EditOp.Convert) {
            String f = ((EditOp.Convert) op).format();
            draft = draft.withMetadata("format", f);
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
            return removeTracks(TrackType.TEXT) > 0
                    ? new Change("remove_title", true, "removed the title", "已删除标题")
                    : new Change("remove_title", false, "there was no title to remove", "当前没有标题可删除");
        }
        if (op instanceof EditOp.AddMusic) {
            return addMusic((EditOp.AddMusic) op);
        }
        if (op instanceof EditOp.RemoveMusic) {
            return removeTracks(TrackType.AUDIO) > 0
                    ? new Change("remove_music", true, "removed the background music", "已删除背景音乐")
                    : new Change("remove_music", false, "there was no music to remove", "当前没有背景音乐可删除");
        }
        if (op instanceof EditOp.SetVolume) {
            return setVolume(((EditOp.SetVolume) op).volume());
        }
        if (op instanceof EditOp.SetBackground) {
            String colour = ((EditOp.SetBackground) op).colour();
            draft = draft.withMetadata("background", colour);
            return new Change("set_background", true, "set the background colour to " + colour, "背景色设为" + colour);
        }
        if (op instanceof EditOp.SetFps) {
            int fps = ((EditOp.SetFps) op).fps();
            draft = draft.withMetadata("fps", JsonValue.of(fps));
            return new Change("set_fps", true, "set the frame rate to " + fps + " fps", "帧率设为" + fps + " fps");
        }
        throw new IllegalArgumentException("unknown operation " + op);
    }

    private Change compress(EditOp.Compress c) {
        draft = draft.withMetadata("quality", c.quality());
        if (c.targetBytes() != null) {
            draft = draft.withMetadata("target_size_bytes", JsonValue.of(c.targetBytes()));
            String size = size(c.targetBytes());
            return new Change("compress", true, "compressed to under " + size, "压缩到" + size + "以内");
        }
        String zhQuality = "high".equals(c.quality()) ? "高" : "low".equals(c.quality()) ? "低" : "中";
        return new Change(
                "compress",
                true,
                "compressed for the web (" + c.quality() + " quality)",
                "已按网页用途压缩（" + zhQuality + "画质）");
    }

    private Change resize(EditOp.Resize r) {
        ObjectNode meta = JsonBridge.toJackson(draft.metadata());
        boolean sourceKnown = !meta.has("resolution")
                && canvas.path("width").asInt() > 0
                && canvas.path("height").asInt() > 0;
        int sourceWidth = canvas.path("width").asInt();
        int sourceHeight = canvas.path("height").asInt();
        int w;
        int h;
        if (r.width() > 0 && r.height() > 0) {
            w = r.width();
            h = r.height();
        } else {
            ObjectNode m = JsonBridge.toJackson(draft.metadata());
            int sw = canvas.path("width").asInt(m.path("width").asInt(16));
            int sh = canvas.path("height").asInt(m.path("height").asInt(9));
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
        draft = draft.withMetadata("width", JsonValue.of(w))
                .withMetadata("height", JsonValue.of(h))
                .withMetadata("resolution", label);
        canvas.put("width", w).put("height", h).put("aspect_ratio", aspect(w, h));
        boolean named = r.label() != null;
        if (sourceKnown && sourceWidth <= w && sourceHeight <= h) {
            // the renderer fits inside the box and never upscales: the output keeps the source's size
            // (an H.264 MP4 rounds it down to even sides); the render status says what the file is
            String src = sourceWidth + "×" + sourceHeight;
            boolean odd = sourceWidth % 2 != 0 || sourceHeight % 2 != 0;
            String mp4 = (sourceWidth & ~1) + "×" + (sourceHeight & ~1);
            return new Change(
                    "resize",
                    true,
                    "kept the source's " + src + ": it already fits " + label + " and is not upscaled"
                            + (odd ? " (an MP4 has even sides: " + mp4 + ")" : ""),
                    "保持原尺寸" + src + "：已在" + label + "以内，不放大" + (odd ? "（MP4为偶数边：" + mp4 + "）" : ""));
        }
        // the renderer fits the source inside the box (and a size target may shrink it further):
        // name the box, not a size the file may not have
        return new Change(
                "resize",
                true,
                "set the resolution to " + label + (named ? " (fits within " + w + "×" + h + ")" : ""),
                "分辨率设为" + label + (named ? "（不超过" + w + "×" + h + "）" : ""));
    }

    private Change trim(EditOp.Trim t) {
        long total = duration();
        if (t.startMs() >= total) {
            return new Change(
                    "trim",
                    false,
                    "the timeline is only " + seconds(total) + " long, nothing to trim",
                    "时间线只有" + seconds(total) + "，无需剪辑");
        }
        long length = t.durationMs() < 0 ? total - t.startMs() : Math.min(t.durationMs(), total - t.startMs());
        for (int i = 0; i < draft.trackCount(); i++) {
            draft = draft.editTrack(i, track -> {
                List<Segment> kept = new ArrayList<>();
                for (Segment seg : track.segments()) {
                    long s = seg.start().map(Duration::toMillis).orElse(0L) - t.startMs();
                    long e = s + seg.duration().map(Duration::toMillis).orElse(0L);
                    if (e <= 0 || s >= length) {
                        continue;
                    }
                    Segment clipped = seg;
                    if (s < 0 && seg.field("media_id").isPresent()) {
                        long in = seg.field("in")
                                .flatMap(JsonValue::asNumber)
                                .map(n -> n.asBigDecimal().longValue())
                                .orElse(0L);
                        clipped = clipped.withField("in", JsonValue.of(in - s));
                    }
                    long ns = Math.max(0, s);
                    kept.add(clipped.withStart(Duration.ofMillis(ns))
                            .withDuration(Duration.ofMillis(Math.min(e, length) - ns)));
                }
                return track.withSegments(kept);
            });
        }
        draft = draft.withDuration(Duration.ofMillis(length));
        if (t.startMs() == 0) {
            return new Change("trim", true, "trimmed to " + seconds(length), "已剪辑为" + seconds(length));
        }
        String range = seconds(t.startMs()) + "–" + seconds(t.startMs() + length);
        return new Change("trim", true, "kept " + range, "保留了" + range);
    }

    private Change setTitle(String text) {
        OptionalInt index = draft.indexOf(TrackType.TEXT);
        if (index.isPresent() && draft.track(index.getAsInt()).hasSegments()) {
            draft = draft.editTrack(index.getAsInt(), t -> t.editSegment(0, s -> s.withText(text)));
            return new Change("set_title", true, "changed the title to '" + text + "'", "标题已改为“" + text + "”");
        }
        long length = Math.min(TITLE_MS, Math.max(duration(), 1));
        Segment title = Segment.builder()
                .field("id", JsonValue.of(nextSegmentId()))
                .start(Duration.ZERO)
                .duration(Duration.ofMillis(length))
                .label("Title")
                .text(text)
                .build();
        draft = index.isPresent()
                ? draft.editTrack(index.getAsInt(), t -> t.withSegment(title))
                : draft.withTrack(Track.of(TrackType.TEXT).withSegment(title));
        return new Change(
                "add_title",
                true,
                "added the title '" + text + "' (0-" + seconds(length) + ")",
                "已添加标题“" + text + "”（0-" + seconds(length) + "）");
    }

    private Change addMusic(EditOp.AddMusic a) {
        removeTracks(TrackType.AUDIO);
        Segment music = Segment.builder()
                .field("id", JsonValue.of(nextSegmentId()))
                .start(Duration.ZERO)
                .duration(Duration.ofMillis(Math.max(duration(), 1)))
                .label(a.label())
                .volume(a.volume())
                .build();
        draft = draft.withTrack(Track.of(TrackType.AUDIO).withSegment(music));
        int pct = (int) Math.round(a.volume() * 100);
        return new Change(
                "add_music",
                true,
                "added background music (" + a.label() + ", " + pct + "%)",
                "已添加背景音乐（" + a.label() + "，" + pct + "%）");
    }

    private Change setVolume(double volume) {
        int count = 0;
        for (int i = 0; i < draft.trackCount(); i++) {
            Track track = draft.track(i);
            if (track.is(TrackType.AUDIO) && track.hasSegments()) {
                count += track.segments().size();
                draft = draft.editTrack(i, t -> {
                    List<Segment> out = new ArrayList<>();
                    t.segments().forEach(s -> out.add(s.withVolume(volume)));
                    return t.withSegments(out);
                });
            }
        }
        int pct = (int) Math.round(volume * 100);
        return count > 0
                ? new Change("set_volume", true, "set the music volume to " + pct + "%", "音乐音量设为" + pct + "%")
                : new Change("set_volume", false, "there is no music to change the volume of", "当前没有音乐可调节音量");
    }

    private long duration() {
        if (draft.duration().isPresent()) {
            return draft.duration().get().toMillis();
        }
        long end = 0;
        for (Track t : draft.tracks()) {
            for (Segment s : t.segments()) {
                end = Math.max(end, end(s));
            }
        }
        return end;
    }

    private int removeTracks(TrackType type) {
        int removed = 0;
        for (int i = draft.trackCount() - 1; i >= 0; i--) {
            if (draft.track(i).is(type)) {
                draft = draft.withoutTrack(i);
                removed++;
            }
        }
        return removed;
    }

    private String nextSegmentId() {
        int max = 0;
        for (Track t : draft.tracks()) {
            for (Segment s : t.segments()) {
                String id =
                        s.field("id").map(v -> v.asString().orElse(v.toJson())).orElse("");
                if (id.startsWith("seg_")) {
                    try {
                        max = Math.max(max, Integer.parseInt(id.substring(4)));
                    } catch (NumberFormatException ignored) {
                        // a foreign id: not ours to number
                    }
                }
            }
        }
        return "seg_" + (max + 1);
    }

    private static long end(Segment s) {
        return s.start().map(Duration::toMillis).orElse(0L)
                + s.duration().map(Duration::toMillis).orElse(0L);
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
