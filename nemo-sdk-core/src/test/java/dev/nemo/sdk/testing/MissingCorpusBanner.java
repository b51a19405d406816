package dev.nemo.sdk.testing;

import java.util.concurrent.atomic.AtomicBoolean;

/** The one loud notice that the optional full media corpus is absent and what that leaves out. */
final class MissingCorpusBanner {
    private static final AtomicBoolean PRINTED = new AtomicBoolean();

    private MissingCorpusBanner() {}

    static void printOnce() {
        if (PRINTED.compareAndSet(false, true)) {
            String bar = "=".repeat(96);
            SkipReporter.Console.warn(bar);
            SkipReporter.Console.warn("The full media corpus (../shared/corpus, or -D" + TestCorpus.PROPERTY
                    + "=<dir>) is NOT on this machine.");
            SkipReporter.Console.warn("The slow media tests that need its larger files are SKIPPED (each is listed "
                    + "below as SKIPPED);");
            SkipReporter.Console.warn("everything else runs from the in-repository subset "
                    + "(nemo-sdk-core/src/test/resources/corpus). .ci/run always runs with the full corpus.");
            SkipReporter.Console.warn(bar);
        }
    }
}
