package dev.nemo.sdk.examples;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.upload.MediaSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link QuickEdit} on a sample GIF bundled in the jar (a terminal recording from
 * charmbracelet/vhs, MIT licence, see {@code samples/NOTICE.txt}), uploaded straight from the
 * class path as a stream.
 *
 * <pre>
 * java -jar nemo-examples.jar demo
 * </pre>
 */
public final class Demo {
    /** The bundled sample, a class path resource. */
    public static final String SAMPLE = "/samples/vhs-neofetch.gif";
    /** The instruction of the demo, from the AI GIF Compressor's own examples. */
    public static final String INSTRUCTION = "compress this GIF to under 500KB without losing too much quality";
    /** Where the demo saves its output, under the working directory. */
    public static final String OUTPUT_DIRECTORY = "nemo-demo";

    private Demo() {}

    /**
     * Runs the demo against {@code NEMO_API_URL}, or the embedded emulator when it is unset.
     *
     * @param args none
     */
    public static void main(String[] args) {
        NemoExamples.exit(NemoExamples.run("demo", args));
    }

    /**
     * @param client    the client
     * @param outputDir a directory to save the result in (created if needed)
     * @param polling   how to wait for the render
     * @param out       where progress goes
     * @return what was done
     */
    public static QuickEdit.Result run(NemoClient client, Path outputDir, PollingStrategy polling, PrintStream out) {
        long size = sampleSize();
        MediaSource sample = MediaSource.ofInputStream("vhs-neofetch.gif", size, Demo::openSample);
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outputDir + ": " + e.getMessage(), e);
        }
        out.println("Demo: the bundled sample " + SAMPLE.substring(1) + " (terminal recording from charmbracelet/vhs, "
                + "MIT licence)");
        return QuickEdit.run(client, sample, size, INSTRUCTION, outputDir, polling, out);
    }

    private static InputStream openSample() {
        InputStream in = Demo.class.getResourceAsStream(SAMPLE);
        if (in == null) {
            throw new IllegalStateException("the sample " + SAMPLE + " is missing from the class path");
        }
        return in;
    }

    private static long sampleSize() {
        try (InputStream in = openSample()) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample " + SAMPLE, e);
        }
    }
}
