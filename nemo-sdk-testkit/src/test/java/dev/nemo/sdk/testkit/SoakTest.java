package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.auth.Credentials;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.testkit.soak.ClassHistogram;
import dev.nemo.sdk.testkit.soak.ResourceLevels;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak of issue 15: mixed operations (sessions, state, credits, uploads, chat, exports,
 * downloads) with random faults from the emulator's fault DSL, all on one client. The emulator
 * runs in another JVM ({@link SoakEmulatorProcess}), so everything measured here is the client's.
 * Every operation ends in a right answer or a typed error; afterwards, with the client still open,
 * connections, sockets and file descriptors are back to where they were after a warm-up (the
 * connection pool may keep {@link #CONNECTIONS_TOLERANCE} more idle connections) and the heap after
 * a full GC is within {@link #HEAP_TOLERANCE}; no temporary file is left; and once the client is
 * closed, no thread it started is alive (a bounded wait: the JDK 17 client's idle workers end 60 s
 * after their last task). Waits (polls, Retry-After, backoff, the chat's state re-reads) run in
 * virtual time shared with the emulator.
 *
 * <p>{@code verify} runs {@value #DEFAULT_OPERATIONS} operations; the {@code soak} profile
 * ({@code -Psoak}, run once by {@code .ci/run}) runs 10,000. {@code -Dnemo.soak.operations=N} and
 * {@code -Dnemo.soak.seed=S} choose others; every failure names the seed.
 */
class SoakTest {
    static final int DEFAULT_OPERATIONS = 300;
    /** One more idle connection per port: a chat stream and its state re-read may overlap once. */
    static final int CONNECTIONS_TOLERANCE = 2;
    /** Each pooled connection is one socket (one descriptor). */
    static final int DESCRIPTORS_TOLERANCE = CONNECTIONS_TOLERANCE;
    /** A few MiB: the JDK's and Jackson's caches settle while the run goes on; a per-operation leak of 1 KiB is 10 MiB. */
    static final long HEAP_TOLERANCE = 4L * 1024 * 1024;
    /** The JDK 17 client's default executor is a cached pool whose idle workers end after 60 s. */
    static final Duration QUIET_BOUND = Duration.ofSeconds(90);
    /** Where a client leak would show: the SDK's classes and the JDK client's. */
    static final List<String> CLIENT_CLASSES = List.of("dev.nemo.sdk.", "java.net.http.", "jdk.internal.net.http.");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void mixedOperationsWithRandomFaultsLeaveNothingBehind() throws IOException {
        int operations = Integer.getInteger("nemo.soak.operations", DEFAULT_OPERATIONS);
        long seed = Long.getLong("nemo.soak.seed", System.nanoTime());
        String repeat = " [seed " + seed + ": -Dnemo.soak.seed=" + seed + " repeats this run]";
        System.out.println("soak: " + operations + " operations, seed " + seed + " (-Dnemo.soak.seed to repeat)");
        try (SoakEmulatorProcess emulator = SoakEmulatorProcess.start(dir.resolve("emulator.log"))) {
            Set<Thread> withoutClient = ResourceLevels.liveThreads();
            runOnOneClient(emulator, operations, seed, repeat);
            // nothing references the client any more: on JDK 17 its selector thread ends once a GC sees that
            assertNoThreadLeftAfterClose(withoutClient, repeat);
        }
    }

    /** Runs the operations on one client, asserts what is measured while it is open, and closes it. */
    private void runOnOneClient(SoakEmulatorProcess emulator, int operations, long seed, String repeat)
            throws IOException {
        try (NemoClient client = client(emulator)) {
            SoakRun run = new SoakRun(emulator, client, new Random(seed), dir);
            run.prepare();
            String emulatorBefore = emulator.levels();
            ClassHistogram classesBefore = ClassHistogram.take();   // first: it is live in both measures
            ResourceLevels before = ResourceLevels.measure(emulator.ports());
            long started = System.nanoTime();
            for (int i = 0; i < operations; i++) {
                run.next(i);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            ResourceLevels after = ResourceLevels.measure(emulator.ports());
            ClassHistogram classesAfter = ClassHistogram.take();
            List<String> grown = classesAfter.grownSince(classesBefore, CLIENT_CLASSES, 15);
            System.out.println("soak took " + took.toMillis() + " ms; outcomes " + run.outcomes());
            System.out.println("soak before: " + before + "\nsoak after:  " + after);
            System.out.println("soak emulator (pid " + emulator.pid() + ") before: " + emulatorBefore
                    + "\nsoak emulator after:  " + emulator.levels());
            System.out.println("soak: the SDK's and the JDK client's classes that grew:\n  " + String.join("\n  ", grown)
                    + "\nsoak: all classes that grew most:\n  "
                    + String.join("\n  ", classesAfter.grownSince(classesBefore, List.of(""), 12)));
            assertThat(run.failures()).as("operations that ended untyped or wrong" + repeat).isEmpty();
            assertThat(run.downloadDirectory()).as("files left in the download directory" + repeat).isEmpty();
            assertBackToStart(before, after, grown, repeat);
        }
    }

    private NemoClient client(SoakEmulatorProcess emulator) {
        VirtualTime time = VirtualTime.create();
        return NemoClient.builder().baseUrl(emulator.baseUrl()).credentials(Credentials.anonymous())
                .environment(Map.of()).configDirectory(dir).clientId("soak-client").clock(time)
                .sleeper(d -> {
                    emulator.advance(d);
                    return time.sleep(d);
                })
                .build();
    }

    private static void assertBackToStart(ResourceLevels before, ResourceLevels after, List<String> grown,
            String repeat) {
        Set<Thread> started = new HashSet<>(after.threads());
        started.removeAll(before.threads());
        System.out.println("soak: threads started during the run and alive after it: " + ResourceLevels.names(started));
        assertThat(after.heapBytes() - before.heapBytes()).as("heap after GC, growth in bytes (classes that grew: " + grown + ")" + repeat)
                .isLessThanOrEqualTo(HEAP_TOLERANCE);
        if (before.connections() < 0 || before.descriptors() < 0) {
            System.out.println("soak: no /proc here, so connections and file descriptors are not checked");
            return;
        }
        assertThat(after.connections()).as("connections to the emulator" + repeat)
                .isLessThanOrEqualTo(before.connections() + CONNECTIONS_TOLERANCE);
        assertThat(after.sockets()).as("open sockets" + repeat)
                .isLessThanOrEqualTo(before.sockets() + DESCRIPTORS_TOLERANCE);
        assertThat(after.descriptors()).as("open file descriptors" + repeat)
                .isLessThanOrEqualTo(before.descriptors() + DESCRIPTORS_TOLERANCE);
    }

    /**
     * Waits, within {@link #QUIET_BOUND} in all, for every thread started since the client was built
     * to end (bounded joins, no sleeps), then asserts none is left.
     */
    private static void assertNoThreadLeftAfterClose(Set<Thread> withoutClient, String repeat) {
        long started = System.nanoTime();
        Set<Thread> left = startedSince(withoutClient);
        System.out.println("soak: threads started since the client was built, alive at close: " + ResourceLevels.names(left));
        while (!left.isEmpty() && System.nanoTime() - started < QUIET_BOUND.toNanos()) {
            System.gc();   // on JDK 17 the selector thread ends once a GC finds its client unreachable
            try {
                left.iterator().next().join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = startedSince(withoutClient);
        }
        System.out.println("soak: the client's threads ended " + Duration.ofNanos(System.nanoTime() - started).toMillis()
                + " ms after close");
        assertThat(ResourceLevels.names(left)).as("threads the client started, alive after close" + repeat).isEmpty();
    }

    private static Set<Thread> startedSince(Set<Thread> earlier) {
        Set<Thread> now = new HashSet<>(ResourceLevels.liveThreads());
        now.removeAll(earlier);
        return now;
    }
}
