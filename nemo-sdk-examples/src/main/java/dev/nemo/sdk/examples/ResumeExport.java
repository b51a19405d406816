package dev.nemo.sdk.examples;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportPoller;
import dev.nemo.sdk.export.PollingStrategy;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Follows an export submitted earlier, maybe by another process that saved its render id, without
 * submitting it again (a second submission would render twice), then downloads the video.
 *
 * <pre>
 * NEMO_API_URL=… java -jar nemo-examples.jar resume render_1764072000000_k3x9 out.mp4
 * </pre>
 */
public final class ResumeExport {
    private ResumeExport() {}

    /**
     * Runs {@code resume <render-id> <output>} against {@code NEMO_API_URL} (the render must belong
     * to the same account, so use the same {@code NEMO_TOKEN} or {@code NEMO_CLIENT_ID}).
     *
     * @param args render id, output file or directory
     */
    public static void main(String[] args) {
        NemoExamples.exit(NemoExamples.run("resume", args));
    }

    /**
     * @param client   the client
     * @param renderId the saved render id ({@code ExportPoller.renderId()} of the submission)
     * @param output   a file, or an existing directory
     * @param polling  how to wait
     * @param out      where progress goes
     * @return the downloaded file
     */
    public static DownloadResult run(
            NemoClient client, String renderId, Path output, PollingStrategy polling, PrintStream out) {
        ExportPoller poller = client.exports().resume(renderId, polling); // polls at once, then every interval
        poller.onProgress(Rendering.progressPrinter(out));
        ExportJob done = poller.waitForCompletion();
        DownloadResult file = client.exports().download(done, output);
        out.println("Downloaded " + file.path() + " (" + Sizes.human(file.bytes()) + ")");
        return file;
    }
}
