package dev.nemo.sdk.testkit.media.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.testkit.SourceMedia;
import dev.nemo.sdk.testkit.media.OutputFormat;
import dev.nemo.sdk.testkit.media.RenderRequest;
import dev.nemo.sdk.testkit.media.RgbColor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an emulator export (draft {@code t/tt/sg/d/m} plus the {@code output} options) into a
 * media {@link RenderRequest}: the primary video segment's {@code in}/{@code duration} become the
 * trim, the first title segment the title and its time range, {@code m}/{@code output} give the
 * format, the box ({@code width}/{@code height} when the user asked for a resolution), the size
 * target, the frame rate cap, the quality (without a size target: {@code high} CRF 23,
 * {@code medium} 26, {@code low} 30) and the background colour. What cannot be honoured is
 * listed in {@link #notes()}.
 */
public final class DraftSettings {

    private static final int VIDEO = 0;
    private static final int AUDIO = 1;
    private static final int TEXT = 7;

    private final List<String> notes = new ArrayList<>();
    private final RenderRequest request;

    private DraftSettings(dev.nemo.sdk.testkit.RenderRequest export, SourceMedia source, Path in, Path out) {
        JsonNode draft = export.draft();
        JsonNode output = export.output();
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
                int[] box = allowedBox(export.width().getAsInt(), export.height().getAsInt());
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
        trim(draft, source, b);
        title(draft, b);
        for (JsonNode track : draft.path("t")) {
            if (track.path("tt").asInt(-1) == AUDIO && track.path("sg").size() > 0) {
                notes.add("background music is not mixed in: the output is video only");
                break;
            }
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
    public static DraftSettings of(dev.nemo.sdk.testkit.RenderRequest export, SourceMedia source, Path in, Path out) {
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
        double scale = w >= h ? Math.min(1.0, Math.min((double) longMax / w, (double) shortMax / h))
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
                        ? Math.round(source.durationSeconds().getAsDouble() * 1000) : Long.MAX_VALUE;
                boolean cut = length > 0 && in + length < sourceMs;
                if (in > 0 || cut) {
                    b.trim(Duration.ofMillis(in), cut ? Duration.ofMillis(length) : null);
                }
                return;
            }
        }
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
