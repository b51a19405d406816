package dev.nemo.sdk.testkit.media.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the system's {@code gifsicle}, when there is one. */
final class Gifsicle {

    private Gifsicle() {}

    /**
     * The version line, or null when gifsicle is not installed.
     *
     * @return e.g. {@code LCDF Gifsicle 1.93}
     */
    static String version() {
        try {
            Process p = new ProcessBuilder("gifsicle", "--version")
                    .redirectErrorStream(true)
                    .start();
            String first = new String(p.getInputStream().readAllBytes())
                    .lines()
                    .findFirst()
                    .orElse("");
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? first : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * {@code gifsicle -O3 [--lossy=N] -o out in}.
     *
     * @param in the source
     * @param out the output
     * @param lossy the lossiness, 0 for none
     * @return the wall-clock time in seconds
     * @throws IOException if gifsicle fails
     */
    static double optimize(Path in, Path out, int lossy) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("gifsicle", "-O3", "--no-warnings"));
        if (lossy > 0) {
            cmd.add("--lossy=" + lossy);
        }
        cmd.addAll(List.of("-o", out.toString(), in.toString()));
        long t = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        try {
            if (p.waitFor() != 0) {
                throw new IOException("gifsicle failed on " + in + ": " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return (System.nanoTime() - t) / 1e9;
    }
}
