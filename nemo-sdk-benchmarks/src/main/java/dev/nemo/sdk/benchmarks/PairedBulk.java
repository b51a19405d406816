package dev.nemo.sdk.benchmarks;

import dev.nemo.sdk.benchmarks.PairedMeasure.Aim;
import java.util.List;

/**
 * The bulk pairs, interleaved round by round: 200 MiB uploads and downloads ({@link TransferBenchmark}'s
 * operations) and 1,000 concurrent chat streams ({@link StreamsBenchmark}'s), each timed as one shot.
 */
final class PairedBulk {
    private static final double MB = TransferBenchmark.BYTES / 1e6;

    private final int transferRounds;
    /**
     * Shots of 1,000 streams per side before the measured rounds. After 3 (the first setting), a
     * profile of the SDK's side still found a third of the caller thread's samples in interpreted or
     * C1 code: the pair measured how far the JIT had got with the SDK's stream path, not its steady
     * state, which is what the streams aim is about (the first call's cost is the cold-start pair's).
     */
    static final int STREAM_WARMUP_SHOTS = 20;

    private final int streamRounds;

    final PairedMeasure upload = new PairedMeasure("upload 200 MiB, MB/s", Aim.NONE);
    final PairedMeasure download = new PairedMeasure("download 200 MiB (force), MB/s", Aim.NONE);
    final PairedMeasure downloadNoForce = new PairedMeasure("download 200 MiB (no force), MB/s", Aim.atLeast(0.95));
    final PairedMeasure streams = new PairedMeasure("1,000 streams, ms", Aim.atMost(1.1));
    final PairedMeasure streamBytes = new PairedMeasure("1,000 streams, MB allocated", Aim.NONE);

    /** Runs before each timed shot, outside the time (removes the previous download). */
    private Op beforeEachShot = () -> null;

    PairedBulk(int transferRounds, int streamRounds) {
        this.transferRounds = transferRounds;
        this.streamRounds = streamRounds;
    }

    /** @return the rows, in report order */
    List<PairedMeasure> measures() {
        return List.of(upload, download, downloadNoForce, streams, streamBytes);
    }

    void run() throws Exception {
        transfers();
        streams();
    }

    private void transfers() throws Exception {
        TransferBenchmark t = new TransferBenchmark();
        t.start();
        try {
            Op uploadSdk = t::upload_sdk;
            Op uploadRaw = t::upload_raw;
            Op durable = t::download_sdk;
            Op fast = t::downloadNoForce_sdk;
            Op raw = t::download_raw;
            beforeEachShot = () -> {
                t.clean();
                return null;
            };
            for (Op op : List.of(uploadSdk, uploadRaw, durable, fast, raw)) {
                op.run();
            }
            for (int round = 0; round < transferRounds; round++) {
                boolean sdkFirst = round % 2 == 0;
                double[] up = pair(uploadSdk, uploadRaw, sdkFirst);
                upload.add(MB / up[0], MB / up[1]);
                double[] down = pair(fast, raw, sdkFirst);
                downloadNoForce.add(MB / down[0], MB / down[1]);
                double durableSeconds = seconds(durable);
                download.add(MB / durableSeconds, MB / down[1]);
                PairedReport.progress("transfers", round + 1, transferRounds);
            }
        } finally {
            beforeEachShot = () -> null;
            t.stop();
        }
    }

    private void streams() throws Exception {
        StreamsBenchmark s = new StreamsBenchmark();
        s.start();
        try {
            Op sdk = s::streams_sdk;
            Op raw = s::streams_raw;
            for (int i = 0; i < STREAM_WARMUP_SHOTS; i++) {
                sdk.run();
                raw.run();
            }
            for (int round = 0; round < streamRounds; round++) {
                boolean sdkFirst = round % 2 == 0;
                long[] bytes = new long[2];
                double[] seconds = new double[2];
                for (int side : sdkFirst ? new int[] {0, 1} : new int[] {1, 0}) {
                    long before = Allocation.total();
                    seconds[side] = seconds(side == 0 ? sdk : raw);
                    bytes[side] = Allocation.total() - before;
                }
                streams.add(seconds[0] * 1000, seconds[1] * 1000);
                streamBytes.add(bytes[0] / 1e6, bytes[1] / 1e6);
                PairedReport.progress("streams", round + 1, streamRounds);
            }
        } finally {
            s.stop();
        }
    }

    /** {@return the seconds of each side, {sdk, raw}, run in the given order} */
    private double[] pair(Op sdk, Op raw, boolean sdkFirst) throws Exception {
        double[] seconds = new double[2];
        if (sdkFirst) {
            seconds[0] = seconds(sdk);
            seconds[1] = seconds(raw);
        } else {
            seconds[1] = seconds(raw);
            seconds[0] = seconds(sdk);
        }
        return seconds;
    }

    private double seconds(Op op) throws Exception {
        beforeEachShot.run();
        long start = System.nanoTime();
        op.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** One shot of one side. */
    @FunctionalInterface
    interface Op {
        Object run() throws Exception;
    }
}
