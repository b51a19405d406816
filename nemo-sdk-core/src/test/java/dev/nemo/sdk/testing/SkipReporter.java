package dev.nemo.sdk.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Never a silent skip: every test or container that is disabled or aborted by an assumption is
 * reported, with its reason, on the build's console. Registered for every module whose tests use
 * the core test jar ({@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}).
 *
 * <p>Surefire sends the tests' own {@code System.out} to report files; this listener writes to the
 * forked JVM's native standard error, which Maven prints on its console.
 */
public final class SkipReporter implements TestExecutionListener {

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        Console.warn("SKIPPED " + describe(test) + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            String reason = result.getThrowable().map(Throwable::getMessage).orElse("no reason given");
            Console.warn("SKIPPED " + describe(test) + ": " + reason);
        }
    }

    private static String describe(TestIdentifier test) {
        String id = test.getLegacyReportingName();
        return test.getUniqueId().contains("[class:") || test.getUniqueId().contains("[method:")
                ? test.getUniqueId()
                        .replaceAll("\\[engine:[^\\]]*\\]/", "")
                        .replaceAll("\\[[a-z-]+:", "")
                        .replace("]", "")
                : id;
    }

    /** The forked JVM's real standard error, past Surefire's capture. */
    static final class Console {
        private static final PrintStream ERR =
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

        private Console() {}

        static synchronized void warn(String line) {
            ERR.println("[WARNING] " + line);
        }
    }
}
