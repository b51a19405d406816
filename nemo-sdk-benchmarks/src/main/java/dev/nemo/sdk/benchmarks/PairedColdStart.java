package dev.nemo.sdk.benchmarks;

import dev.nemo.sdk.benchmarks.PairedMeasure.Aim;
import dev.nemo.sdk.benchmarks.server.ServerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start, interleaved: pairs of fresh JVMs ({@link ColdStartChild}), the SDK's and the raw side's
 * back to back (the order alternates), each building its client and making the first call.
 */
final class PairedColdStart {
    private static final Pattern RESULT = Pattern.compile("ms=([0-9.]+) classes=([0-9]+)");

    private final int rounds;

    final PairedMeasure time = new PairedMeasure("build + first call, ms", Aim.NONE);
    final PairedMeasure classes = new PairedMeasure("classes loaded at the end of it", Aim.NONE);

    PairedColdStart(int rounds) {
        this.rounds = rounds;
    }

    /** @return the rows, in report order */
    List<PairedMeasure> measures() {
        return List.of(time, classes);
    }

    void run() throws Exception {
        Path config = Clients.tempDirectory("nemo-bench-cold");
        try (ServerProcess server = ServerProcess.start()) {
            child("sdk", server.baseUrl(), config);
            child("raw", server.baseUrl(), config);
            for (int round = 0; round < rounds; round++) {
                double[] sdk;
                double[] raw;
                if (round % 2 == 0) {
                    sdk = child("sdk", server.baseUrl(), config);
                    raw = child("raw", server.baseUrl(), config);
                } else {
                    raw = child("raw", server.baseUrl(), config);
                    sdk = child("sdk", server.baseUrl(), config);
                }
                time.add(sdk[0], raw[0]);
                classes.add(sdk[1], raw[1]);
                PairedReport.progress("cold starts", round + 1, rounds);
            }
        }
    }

    /** {@return milliseconds and classes loaded, from one fresh JVM} */
    private static double[] child(String side, String baseUrl, Path config) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-Xms256m",
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ColdStartChild.class.getName(),
                        side,
                        baseUrl,
                        config.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(side + " cold start failed: " + out);
        }
        Matcher m = RESULT.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException(side + " cold start printed: " + out);
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }
}
