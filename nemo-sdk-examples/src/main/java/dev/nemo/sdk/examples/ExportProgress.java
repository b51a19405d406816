package dev.nemo.sdk.examples;

import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows an export while it runs: its phase, percent and elapsed time at every poll, and again every
 * few seconds between polls. On a terminal it is one progress bar redrawn in place; elsewhere (a
 * pipe, a log, a test) one line per report:
 *
 * <pre>
 * Export render_1764072000000_k3x9: processing 50% after 12 s
 * [##########----------]  50% processing, 12 s   (terminal)
 * </pre>
 */
final class ExportProgress implements ExportProgressListener, AutoCloseable {
    /** How often the display is refreshed between polls. */
    static final Duration REFRESH = Duration.ofSeconds(5);

    private static final int BAR = 20;

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final long start;
    private final ScheduledExecutorService ticker;
    private ExportJob last;
    private boolean done;

    ExportProgress(PrintStream out, boolean terminal, LongSupplier nanoTime, boolean refresh) {
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.ticker = refresh
                ? Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "nemo-examples-progress");
                    t.setDaemon(true);
                    return t;
                })
                : null;
        if (ticker != null) {
            ticker.scheduleAtFixedRate(this::refresh, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * @param out where to draw
     * @return a display that redraws a bar when {@code out} is the terminal, else prints lines
     */
    static ExportProgress on(PrintStream out) {
        return new ExportProgress(out, out == System.out && isTerminal(System.console()), System::nanoTime, true);
    }

    /** JDK 22+ may return a console for redirected streams too; {@code Console.isTerminal()} then tells. */
    private static boolean isTerminal(java.io.Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 17-21: a console exists only for a terminal
        }
    }

    @Override
    public synchronized void onProgress(ExportJob job) {
        if (done) {
            return;
        }
        last = job;
        show(job);
        if (job.status().isTerminal()) {
            finish();
        }
    }

    private synchronized void refresh() {
        if (last != null && !done) {
            show(last);
        }
    }

    private void show(ExportJob job) {
        String phase = job.rawStatus().orElse(job.status().name().toLowerCase(Locale.ROOT));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(nanoTime.getAsLong() - start);
        String percent = job.progress().isPresent() ? job.progress().getAsInt() + "%" : "";
        if (terminal) {
            int filled =
                    job.progress().isPresent() ? Math.min(BAR, job.progress().getAsInt() * BAR / 100) : 0;
            out.print(String.format(
                    Locale.ROOT,
                    "\r[%s%s] %4s %s, %d s   ",
                    "#".repeat(filled),
                    "-".repeat(BAR - filled),
                    percent,
                    phase,
                    seconds));
        } else {
            out.println("Export " + job.renderId() + ": " + phase + (percent.isEmpty() ? "" : " " + percent) + " after "
                    + seconds + " s");
        }
        out.flush();
    }

    private void finish() {
        done = true;
        if (terminal) {
            out.println();
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    @Override
    public synchronized void close() {
        if (!done) {
            finish();
        }
    }
}
