package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.testkit.soak.ResourceLevels;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak of issue 15: mixed operations (sessions, state, credits, uploads, chat, exports,
 * downloads) with random faults from the emulator's fault DSL, all on one client. Every operation
 * ends in a right answer or a typed error; afterwards threads (but the emulator's own server
 * threads), connections to the emulator, file
 * descriptors and heap (after GC) are back to where they were after a warm-up: no more SDK threads,
 * the JDK client's cached worker pool within {@link #HTTP_WORKERS_LIMIT}, other threads within
 * {@link #THREADS_TOLERANCE} (a transient thread of the JDK's async hop), and
 * {@link #CONNECTIONS_TOLERANCE}, {@link #DESCRIPTORS_TOLERANCE} and {@link #HEAP_TOLERANCE}; and
 * no temporary file is left. Waits (polls, Retry-After, backoff, the
 * chat's state re-reads) run in virtual time.
 *
 * <p>{@code verify} runs {@value #DEFAULT_OPERATIONS} operations; the {@code soak} profile
 * ({@code -Psoak}, run once by {@code .ci/run}) runs 10,000. {@code -Dnemo.soak.operations=N} and
 * {@code -Dnemo.soak.seed=S} choose others.
 */
class SoakTest {
    static final int DEFAULT_OPERATIONS = 300;
    static final int THREADS_TOLERANCE = 4;
    /** The JDK client's worker pool is a cached pool: it widens while tasks overlap, idle workers end after 60 s. */
    static final int HTTP_WORKERS_LIMIT = 16;
    static final int CONNECTIONS_TOLERANCE = 2;
    static final int DESCRIPTORS_TOLERANCE = 8;
    static final long HEAP_TOLERANCE = 24L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void mixedOperationsWithRandomFaultsLeaveNothingBehind() throws IOException {
        int operations = Integer.getInteger("nemo.soak.operations", DEFAULT_OPERATIONS);
        long seed = Long.getLong("nemo.soak.seed", System.nanoTime());
        System.out.println("soak: " + operations + " operations, seed " + seed + " (-Dnemo.soak.seed to repeat)");
        VirtualTime time = VirtualTime.create();
        try (NemoEmulator emulator = NemoEmulator.start(EmulatorOptions.builder().clock(time)
                .tokenTag(TestTokens.MARKER).build())) {
            Set<Integer> ports = Set.of(URI.create(emulator.baseUrl()).getPort(), URI.create(emulator.cdnUrl()).getPort());
            NemoClient client = emulator.clientBuilder(dir).clientId("soak-client").build();
            SoakRun run = new SoakRun(emulator, client, new Random(seed), dir);
            run.prepare();
            ResourceLevels before = ResourceLevels.measure(ports);
            long started = System.nanoTime();
            for (int i = 0; i < operations; i++) {
                run.next(i);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            ResourceLevels after = ResourceLevels.measure(ports);
            System.out.println("soak took " + took.toMillis() + " ms; outcomes " + run.outcomes());
            System.out.println("soak before: " + before + "\nsoak after:  " + after);
            assertThat(run.failures()).as("operations that ended untyped or wrong").isEmpty();
            assertThat(run.downloadDirectory()).as("files left in the download directory").isEmpty();
            assertBackToStart(before, after);
            client.close();
            assertNoSdkThreadLeft();
        }
    }

    private static void assertBackToStart(ResourceLevels before, ResourceLevels after) {
        String names = "before " + before.threadNames() + ", after " + after.threadNames();
        assertThat(count(after, "nemo-sdk-")).as("the SDK's threads: " + names).isLessThanOrEqualTo(count(before, "nemo-sdk-"));
        // other test classes' clients share this JVM and their workers end when they are collected: only
        // the workers that appeared during the soak count
        assertThat(after.threadNames().stream().filter(n -> n.startsWith("HttpClient-")
                && !before.threadNames().contains(n)).count()).as("the JDK client's new workers: " + names)
                .isLessThanOrEqualTo(HTTP_WORKERS_LIMIT);
        assertThat(after.threads() - count(after, "HttpClient-")).as("other threads but the emulator's: " + names)
                .isLessThanOrEqualTo(before.threads() - count(before, "HttpClient-") + THREADS_TOLERANCE);
        assertThat(after.heapBytes()).as("heap after GC").isLessThanOrEqualTo(before.heapBytes() + HEAP_TOLERANCE);
        if (before.connections() < 0 || before.descriptors() < 0) {
            System.out.println("soak: no /proc here, so connections and file descriptors are not checked");
            return;
        }
        assertThat(after.connections()).as("connections to the emulator")
                .isLessThanOrEqualTo(before.connections() + CONNECTIONS_TOLERANCE);
        assertThat(after.descriptors()).as("open file descriptors")
                .isLessThanOrEqualTo(before.descriptors() + DESCRIPTORS_TOLERANCE);
    }

    private static long count(ResourceLevels levels, String prefix) {
        return levels.threadNames().stream().filter(n -> n.startsWith(prefix)).count();
    }

    /** After close, the SDK's own threads end (a bounded wait for them, not a sleep). */
    private static void assertNoSdkThreadLeft() {
        List<Thread> sdk = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("nemo-sdk-")).toList();
        for (Thread t : sdk) {
            try {
                t.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertThat(sdk).as("SDK threads alive after close").noneMatch(Thread::isAlive);
    }
}
