package dev.nemo.sdk.benchmarks;

import java.lang.management.ManagementFactory;

/** Bytes allocated on the heap by every thread of this JVM, as the JDK counts them per thread. */
final class Allocation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {}

    /** {@return bytes allocated by all threads since the JVM started} */
    static long total() {
        return THREADS.getTotalThreadAllocatedBytes();
    }
}
