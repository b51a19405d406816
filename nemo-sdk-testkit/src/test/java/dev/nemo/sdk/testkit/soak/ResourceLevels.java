package dev.nemo.sdk.testkit.soak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a long run could leak, measured at one moment: live threads, TCP connections to the given
 * ports, open file descriptors and heap in use after a full GC. Connections and descriptors are
 * read from {@code /proc} and are -1 where it does not exist (then the soak says so and checks the rest).
 *
 * @param threads     live threads, but for the emulator's own HTTP threads (a server pool whose idle
 *                    threads end after a minute; they are the server's, not the client's)
 * @param threadNames their names, for the report
 * @param connections established TCP connections whose remote port is one of the server's ports
 * @param descriptors open file descriptors of this process
 * @param heapBytes   heap in use after {@link System#gc()}
 */
public record ResourceLevels(int threads, List<String> threadNames, int connections, long descriptors, long heapBytes) {

    /**
     * @param serverPorts the ports the client talks to
     * @return the levels now
     */
    public static ResourceLevels measure(Set<Integer> serverPorts) {
        List<String> names = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> !n.startsWith("nemo-emulator-")).sorted().toList();
        return new ResourceLevels(names.size(), names, establishedConnections(serverPorts), openDescriptors(),
                heapAfterGc());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "threads=%d, connections=%d, file descriptors=%d, heap after GC=%.1f MiB; "
                + "threads %s", threads, connections, descriptors, heapBytes / 1048576.0, threadNames);
    }

    private static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {   // a few rounds: finalizers and soft references settle
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static long openDescriptors() {
        Path fd = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fd)) {
            return -1;
        }
        try (Stream<Path> s = Files.list(fd)) {
            return s.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Client-side ESTABLISHED sockets ({@code st} 01) to the ports, from {@code /proc/net/tcp} and {@code tcp6}. */
    private static int establishedConnections(Set<Integer> ports) {
        int n = 0;
        boolean any = false;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.isReadable(p)) {
                continue;
            }
            any = true;
            try {
                List<String> lines = Files.readAllLines(p);
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.trim().split("\\s+");
                    int remotePort = Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16);
                    if ("01".equals(f[3]) && ports.contains(remotePort)) {
                        n++;
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return any ? n : -1;
    }
}
