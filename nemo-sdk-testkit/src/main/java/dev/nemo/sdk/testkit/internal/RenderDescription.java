package dev.nemo.sdk.testkit.internal;

import dev.nemo.sdk.testkit.RenderInput;
import dev.nemo.sdk.testkit.RenderOutput;
import dev.nemo.sdk.testkit.SourceMedia;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The agent's words for a finished render, read from the output file itself (its size, frames and
 * length as the emulator's probe reads them) against what the export asked for, so the sentence, the
 * render status and the file agree: an 817×565 source asked for 720p becomes "an 816×564 MP4", never
 * a size the file does not have. Reported as the render status's {@code description}.
 */
final class RenderDescription {

    private RenderDescription() {}

    /**
     * Describes a finished render.
     *
     * @param in what was asked
     * @param out what the renderer made
     * @return one sentence, in English
     */
    static String of(RenderInput in, RenderOutput out) {
        MediaKind kind = MediaKind.sniff(out.bytes(), out.bytes().length);
        MediaInfo file = kind == null ? null : MediaProbe.probe(kind, out.bytes());
        String format = out.extension().toUpperCase(Locale.ROOT);
        String size = file != null && file.width() != null && file.height() != null
                ? file.width() + "×" + file.height() + " "
                : "";
        if (!out.converted()) {
            return "returned the uploaded " + size + format + " unchanged (this renderer does not convert)";
        }
        List<String> parts = new ArrayList<>();
        parts.add("made " + (format.startsWith("MP") ? "an " : "a ") + format
                + (size.isEmpty() ? "" : " of " + size.trim()) + resolution(in, file));
        if (file != null && file.frames() != null && file.frames() > 1 && file.duration() != null) {
            parts.add(file.frames() + " frames in " + DraftEditor.seconds(Math.round(file.duration() * 1000)));
        }
        String bytes = DraftEditor.size(out.size());
        in.targetSizeBytes()
                .ifPresentOrElse(
                        t -> parts.add(bytes
                                + (out.size() <= t
                                        ? ", under the " + DraftEditor.size(t) + " asked for"
                                        : ", over the " + DraftEditor.size(t)
                                                + " asked for (the smallest it could make at a sane quality)")),
                        () -> parts.add(bytes));
        return String.join(", ", parts);
    }

    /** What became of an asked-for size: fitted, or kept because the source already fits. */
    private static String resolution(RenderInput in, MediaInfo file) {
        OptionalInt bw = in.width();
        OptionalInt bh = in.height();
        if (bw.isEmpty() || bh.isEmpty() || file == null || file.width() == null || file.height() == null) {
            return "";
        }
        String label = in.draft()
                .get("m")
                .flatMap(m -> m.get("resolution"))
                .flatMap(v -> v.asString())
                .orElse(bw.getAsInt() + "×" + bh.getAsInt());
        SourceMedia src = in.primarySource().orElse(null);
        if (src != null
                && src.width().isPresent()
                && src.height().isPresent()
                && src.width().getAsInt() <= bw.getAsInt()
                && src.height().getAsInt() <= bh.getAsInt()) {
            String source = src.width().getAsInt() + "×" + src.height().getAsInt();
            boolean same = file.width() == src.width().getAsInt()
                    && file.height() == src.height().getAsInt();
            return " (the source's " + source + " already fits " + label + " and is not upscaled"
                    + (same ? "" : "; H.264 needs even sides") + ")";
        }
        return " (fitted within " + label + ", " + bw.getAsInt() + "×" + bh.getAsInt() + ")";
    }
}
