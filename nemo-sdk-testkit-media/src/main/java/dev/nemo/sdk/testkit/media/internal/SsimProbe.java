package dev.nemo.sdk.testkit.media.internal;

import dev.nemo.sdk.testkit.media.MediaLimits;
import dev.nemo.sdk.testkit.media.OutputFormat;
import dev.nemo.sdk.testkit.media.RenderRequest;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * The engine's SSIM of any file against a source, measured exactly as a render's own (for
 * benchmarks comparing the engine with other tools on equal terms): both flattened on white, at
 * the source's size, each output frame against the source frame shown at the same instant.
 */
public final class SsimProbe {

    private SsimProbe() {}

    /**
     * Measures.
     *
     * @param source the reference
     * @param output the file to score
     * @param limits the guards
     * @return the mean SSIM, or empty if nothing could be compared
     */
    public static OptionalDouble measure(Path source, Path output, MediaLimits limits) {
        FfmpegRuntime.require();
        RenderContext ctx = new RenderContext(limits);
        try (RenderContext.Scope scope = ctx.enter()) {
            SourceProbe.Info info = SourceProbe.run(
                    source, ctx, java.time.Duration.ofSeconds(3), src -> new FrameScheduler(0, Long.MAX_VALUE, 0));
            RenderRequest req = RenderRequest.builder(source, output.resolveSibling(output.getFileName() + ".unused"))
                    .format(OutputFormat.GIF)
                    .maxSize(RenderRequest.LARGEST_SIDE, RenderRequest.LARGEST_SHORT_SIDE)
                    .build();
            RenderJob job = new RenderJob(req, ctx, new RenderJob.Settings(1, "medium"));
            return SsimMeter.measure(job, output, new Size(info.width(), info.height()));
        }
    }
}
