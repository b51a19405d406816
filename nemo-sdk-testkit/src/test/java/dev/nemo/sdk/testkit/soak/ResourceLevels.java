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
 * What a long run could leak, measured at one moment in this JVM: live threads, TCP connections to
 * the given ports, sockets and other open file descriptors, and heap in use after a full GC.
 * Connections, sockets and descriptors are read from {@code /proc} and are -1 where it does not
 * exist (then the soak says so and checks the rest).
 *
 * @param threads     live threads
 * @param connections established TCP connections whose remote port is one of the server's ports
 * @param sockets     open sockets of this process (file descriptors that are sockets)
 * @param descriptors open file descriptors of this process
 * @param heapBytes   heap in use after {@link System#gc()}
 */
public record ResourceLevels(Set<Thread> threads, int connections, long sockets, long descriptors, long heapBytes) {

    /**
     * @param serverPorts the ports the client talks to
     * @return the levels now
     */
    public static ResourceLevels measure(Set<Integer> serverPorts) {
        long heap = heapAfterGc();
        return new ResourceLevels(liveThreads(), establishedConnections(serverPorts), descriptors(true),
                descriptors(false), heap);
    }

    /** {@return the live threads of this JVM} */
    public static Set<Thread> liveThreads() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /** {@return heap in use after a full GC (the least of three rounds: references cleared by one settle in the next)} */
    public static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** {@return the names of the threads, sorted} */
    public List<String> threadNames() {
        return names(threads);
    }

    /**
     * @param threads some threads
     * @return their names, sorted
     */
    public static List<String> names(Set<Thread> threads) {
        return threads.stream().map(Thread::getName).sorted().toList();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "threads=%d, connections=%d, sockets=%d, file descriptors=%d, "
                + "heap after GC=%.2f MiB", threads.size(), connections, sockets, descriptors, heapBytes / 1048576.0);
    }

    private static long descriptors(boolean socketsOnly) {
        Path fd = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fd)) {
            return -1;
        }
        try (Stream<Path> s = Files.list(fd)) {
            return s.filter(p -> !socketsOnly || isSocket(p)).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean isSocket(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString().startsWith("socket:");
        } catch (IOException e) {
            return false;   // closed since it was listed
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
