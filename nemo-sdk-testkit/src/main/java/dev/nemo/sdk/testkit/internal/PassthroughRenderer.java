package dev.nemo.sdk.testkit.internal;

import dev.nemo.sdk.testkit.RenderInput;
import dev.nemo.sdk.testkit.RenderOutput;
import dev.nemo.sdk.testkit.Renderer;
import dev.nemo.sdk.testkit.SourceMedia;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The renderer used when no media engine is plugged in: the output is the draft's source media,
 * byte for byte, so the file is real and playable, and the status says it was not converted.
 */
public final class PassthroughRenderer implements Renderer {
    /** The name reported in render responses. */
    public static final String NAME = "passthrough";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RenderOutput render(RenderInput request) throws IOException {
        SourceMedia source =
                request.primarySource().orElseThrow(() -> new IOException("the draft has no uploaded media to render"));
        byte[] bytes = source.bytes();
        MediaKind kind = MediaKind.sniff(bytes, Math.min(bytes.length, MediaKind.SNIFF_BYTES));
        String extension = kind == null ? "bin" : kind.extension();
        List<String> wanted = new ArrayList<>();
        if (!request.format().equals(extension)) {
            wanted.add(request.format().toUpperCase(java.util.Locale.ROOT));
        }
        request.width().ifPresent(w -> request.height().ifPresent(h -> wanted.add(w + "x" + h)));
        request.targetSizeBytes().ifPresent(b -> wanted.add("under " + DraftEditor.size(b)));
        request.fps().ifPresent(f -> wanted.add(f + " fps"));
        request.background().ifPresent(c -> wanted.add("background " + c));
        request.durationMillis().ifPresent(d -> {
            if (source.durationSeconds().isPresent()
                    && d < Math.round(source.durationSeconds().getAsDouble() * 1000)) {
                wanted.add("trimmed to " + DraftEditor.seconds(d));
            }
        });
        String note = "passthrough renderer: the output is the uploaded source (" + source.filename() + ") unchanged"
                + (wanted.isEmpty() ? "" : "; not applied: " + String.join(", ", wanted))
                + "; plug in a media engine through dev.nemo.sdk.testkit.Renderer to convert";
        return RenderOutput.unconverted(bytes, source.mimeType(), extension, note);
    }
}
