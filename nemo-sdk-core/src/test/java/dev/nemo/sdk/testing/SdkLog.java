package dev.nemo.sdk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the SDK logged while some code ran: the build sends the SDK's log to a file
 * ({@code org.slf4j.simpleLogger.logFile}); elsewhere it goes to standard error, which is then
 * captured. Shared by the listener-failure tests of the core, the testkit and the reactive module.
 */
public final class SdkLog {
    private SdkLog() {}

    /** Code that may throw anything. */
    @FunctionalInterface
    public interface Action {
        /**
         * Runs the code.
         *
         * @throws Exception whatever it throws
         */
        void run() throws Exception;
    }

    /**
     * Runs {@code action} and returns the log lines written meanwhile (its exception, if any, is
     * left to the caller's assertions: run it inside {@code catchThrowable} where it throws).
     *
     * @param action the code
     * @return the text logged while it ran
     * @throws Exception what the action threw
     */
    public static String during(Action action) throws Exception {
        String target = System.getProperty("org.slf4j.simpleLogger.logFile", "System.err");
        if (target.startsWith("System.")) {
            System.out.println("the SDK logs to " + target + ": capturing it");
            PrintStream before = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                action.run();
            } finally {
                System.setErr(before);
            }
            return captured.toString(StandardCharsets.UTF_8);
        }
        Path file = Path.of(target);
        long from = size(file);
        action.run();
        byte[] all = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        return new String(
                all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from), StandardCharsets.UTF_8);
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
