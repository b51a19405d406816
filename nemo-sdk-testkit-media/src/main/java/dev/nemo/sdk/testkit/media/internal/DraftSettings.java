package dev.nemo.sdk.testkit.media.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.sdk.json.JsonValue;
import dev.nemo.sdk.testkit.RenderInput;
import dev.nemo.sdk.testkit.SourceMedia;
import dev.nemo.sdk.testkit.media.OutputFormat;
import dev.nemo.sdk.testkit.media.RenderRequest;
import dev.nemo.sdk.testkit.media.RgbColor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an emulator export (draft {@code t/tt/sg/d/m} plus the {@code output} options) into a
 * media {@link RenderRequest}: the primary video segment's {@code in}/{@code duration} become the
 * trim, the first title segment the title and its time range, {@code m}/{@code output} give the
 * format, the box ({@code width}/{@code height} when the user asked for a resolution), the size
 * target, the frame rate cap, the quality (without a size target: {@code high} CRF 23,
 * {@code medium} 26, {@code low} 30) and the background colour; the first audio-track segment
 * whose {@code src} names an upload is the {@link #music()}. What cannot be honoured is listed in
 * {@link #notes()}.
 */
public final class DraftSettings {

    private static final int VIDEO = 0;
    private static final int AUDIO = 1;
    private static final int TEXT = 7;

    private final List<String> notes = new ArrayList<>();
    private final RenderRequest request;
    private final Music music;
    private final List<VideoSegment> videoSegments;

    /**
     * A video-track segment that names an uploaded visual file.
     *
     * @param source the uploaded file
     * @param in where in the file the segment begins
     * @param length how long it plays, or null when the segment does not say
     */
    public record VideoSegment(SourceMedia source, Duration in, Duration length) {}

    /**
     * The background-music segment to mix in: the first audio-track segment whose {@code src}
     * names an uploaded file the engine can read music from.
     *
     * @param source the uploaded file
     * @param in where in the file the segment begins
     * @param start where on the timeline it begins
     * @param length how long it plays, or null when the segment does not say
     * @param volume its gain, clamped to 0..1 (1 when absent)
     */
    public record Music(SourceMedia source, Duration in, Duration start, Duration length, double volume) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The media engine reads the draft as a Jackson tree of its own. */
    private static JsonNode tree(JsonValue value) {
        try {
            return MAPPER.readTree(value.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON written by the SDK did not read back", e);
        }
    }

    private DraftSettings(RenderInput export, SourceMedia source, Path in, Path out) {
        JsonNode draft = tree(export.draft());
        JsonNode output = tree(export.output());
        JsonNode meta = draft.path("m");
        RenderRequest.Builder b = RenderRequest.builder(in, out);

        String format = export.format();
        if (format.equals("gif")) {
            b.format(OutputFormat.GIF);
        } else if (!format.equals("mp4")) {
            notes.add("output format '" + format + "' is not supported by the media engine: rendered MP4");
        }
        if (output.has("width") || output.has("height") || meta.has("resolution")) {
            if (export.width().isPresent() && export.height().isPresent()) {
                int[] box =
                        allowedBox(export.width().getAsInt(), export.height().getAsInt());
                b.maxSize(box[0], box[1]);
            }
        }
        export.targetSizeBytes().ifPresent(t -> {
            if (t > 0) {
                b.targetSizeBytes(t);
            }
        });
        export.fps().ifPresent(f -> {
            if (f > 0 && f <= 240) {
                b.maxFps(f);
            }
        });
        String quality = text(output, meta, "quality");
        if (export.targetSizeBytes().isEmpty() && quality != null) {
            switch (quality.toLowerCase(Locale.ROOT)) {
                case "medium" -> b.crf(26);
                case "low" -> b.crf(30);
                default -> b.crf(RenderRequest.DEFAULT_CRF); // "high", the SDK's default export quality
            }
        }
        String background = export.background().orElse(null);
        if (background != null) {
            try {
                b.background(RgbColor.parse(background));
            } catch (IllegalArgumentException e) {
                notes.add("background '" + background + "' is not a colour: kept white");
            }
        }
        this.videoSegments = videoSegments(export);
        if (videoSegments.size() < 2) {
            trim(draft, source, b);
        }
        title(draft, b);
        this.music = music(export);
        boolean hasMusicTrack = false;
        for (JsonNode track : draft.path("t")) {
            hasMusicTrack |=
                    track.path("tt").asInt(-1) == AUDIO && track.path("sg").size() > 0;
        }
        if (hasMusicTrack && music == null) {
            notes.add(
                    "background music is not mixed in: its segment names no uploaded audio (the output is video only)");
        } else if (music != null && format.equals("gif")) {
            notes.add("background music is not mixed in: a GIF has no audio");
        }
        this.request = b.build();
    }

    /**
     * Reads an export.
     *
     * @param export the emulator's render request
     * @param source the media to render (its primary source)
     * @param in where the source's bytes were written
     * @param out where to write the output
     * @return the settings
     */
    public static DraftSettings of(RenderInput export, SourceMedia source, Path in, Path out) {
        return new DraftSettings(export, source, in, out);
    }

    /**
     * The media render request.
     *
     * @return the request
     */
    public RenderRequest request() {
        return request;
    }

    /**
     * The background music to mix into an MP4, if the draft has some that refers to an upload.
     *
     * @return the music, or empty
     */
    public Optional<Music> music() {
        return Optional.ofNullable(music);
    }

    /**
     * The video track's segments that name an upload, in timeline order ({@code start}); with two
     * or more, the render joins them and the request's trim is left to each segment.
     *
     * @return the segments, possibly empty
     */
    public List<VideoSegment> videoSegments() {
        return videoSegments;
    }

    /**
     * What the export asked for that the engine does not do.
     *
     * @return the notes, possibly empty
     */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Fits a requested size inside the largest box the engine renders (1920x1080 either way round). */
    static int[] allowedBox(int width, int height) {
        int w = Math.max(16, width);
        int h = Math.max(16, height);
        int longMax = RenderRequest.LARGEST_SIDE;
        int shortMax = RenderRequest.LARGEST_SHORT_SIDE;
        double scale = w >= h
                ? Math.min(1.0, Math.min((double) longMax / w, (double) shortMax / h))
                : Math.min(1.0, Math.min((double) shortMax / w, (double) longMax / h));
        return new int[] {Math.max(16, (int) Math.floor(w * scale)), Math.max(16, (int) Math.floor(h * scale))};
    }

    private static void trim(JsonNode draft, SourceMedia source, RenderRequest.Builder b) {
        for (JsonNode track : draft.path("t")) {
            if (track.path("tt").asInt(-1) != VIDEO) {
                continue;
            }
            for (JsonNode seg : track.path("sg")) {
                if (!source.url().equals(seg.path("src").asText(null))) {
                    continue;
                }
                long in = Math.max(0, seg.path("in").asLong(0));
                long length = seg.path("duration").asLong(0);
                long sourceMs = source.durationSeconds().isPresent()
                        ? Math.round(source.durationSeconds().getAsDouble() * 1000)
                        : Long.MAX_VALUE;
                boolean cut = length > 0 && in + length < sourceMs;
                if (in > 0 || cut) {
                    b.trim(Duration.ofMillis(in), cut ? Duration.ofMillis(length) : null);
                }
                return;
            }
        }
    }

    private static List<VideoSegment> videoSegments(RenderInput export) {
        List<long[]> order = new ArrayList<>();
        List<VideoSegment> found = new ArrayList<>();
        for (JsonNode track : tree(export.draft()).path("t")) {
            if (track.path("tt").asInt(-1) != VIDEO) {
                continue;
            }
            for (JsonNode seg : track.path("sg")) {
                String src = seg.path("src").asText(null);
                for (SourceMedia s : export.sources()) {
                    if (s.url().equals(src) && !s.mimeType().startsWith("audio/")) {
                        long length = seg.path("duration").asLong(0);
                        order.add(new long[] {Math.max(0, seg.path("start").asLong(0)), found.size()});
                        found.add(new VideoSegment(
                                s,
                                Duration.ofMillis(Math.max(0, seg.path("in").asLong(0))),
                                length > 0 ? Duration.ofMillis(length) : null));
                        break;
                    }
                }
            }
            break;
        }
        order.sort((x, y) -> Long.compare(x[0], y[0]));
        List<VideoSegment> sorted = new ArrayList<>();
        for (long[] o : order) {
            sorted.add(found.get((int) o[1]));
        }
        return List.copyOf(sorted);
    }

    private static Music music(RenderInput export) {
        for (JsonNode track : tree(export.draft()).path("t")) {
            if (track.path("tt").asInt(-1) != AUDIO) {
                continue;
            }
            for (JsonNode seg : track.path("sg")) {
                String src = seg.path("src").asText(null);
                for (SourceMedia s : export.sources()) {
                    if (s.url().equals(src) && BackgroundMusic.demuxerFor(s.mimeType()) != null) {
                        long in = Math.max(0, seg.path("in").asLong(0));
                        long start = Math.max(0, seg.path("start").asLong(0));
                        long length = seg.path("duration").asLong(0);
                        double volume = seg.path("volume").isNumber()
                                ? seg.path("volume").asDouble()
                                : 1.0;
                        volume = Double.isFinite(volume) ? Math.max(0, Math.min(1, volume)) : 1.0;
                        return new Music(
                                s,
                                Duration.ofMillis(in),
                                Duration.ofMillis(start),
                                length > 0 ? Duration.ofMillis(length) : null,
                                volume);
                    }
                }
            }
        }
        return null;
    }

    private static void title(JsonNode draft, RenderRequest.Builder b) {
        for (JsonNode track : draft.path("t")) {
            if (track.path("tt").asInt(-1) != TEXT) {
                continue;
            }
            for (JsonNode seg : track.path("sg")) {
                String text = seg.path("text").asText("");
                if (!text.isBlank()) {
                    long start = Math.max(0, seg.path("start").asLong(0));
                    long length = seg.path("duration").asLong(0);
                    b.title(text, Duration.ofMillis(start), length > 0 ? Duration.ofMillis(length) : null);
                    return;
                }
            }
        }
    }

    private static String text(JsonNode output, JsonNode meta, String field) {
        JsonNode v = output.has(field) ? output.get(field) : meta.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
