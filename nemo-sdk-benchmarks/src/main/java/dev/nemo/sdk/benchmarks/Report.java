package dev.nemo.sdk.benchmarks;

import java.util.Arrays;

/**
 * The jar's main class: {@code paired [quick]} runs the interleaved pairs ({@link PairedReport});
 * {@code sse [JMH options]} runs the SSE decoder report ({@link SseReport});
 * anything else runs the SDK-vs-raw pairs ({@link PairsReport}) with the arguments as JMH options.
 */
public final class Report {
    private Report() {}

    /**
     * @param args {@code paired}, or {@code sse} and JMH options, or JMH options alone
     * @throws Exception when JMH fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("paired")) {
            PairedReport.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("sse")) {
            SseReport.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            PairsReport.main(args);
        }
    }
}
