package dev.nemo.sdk.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Deadlines of bodies being read, on one shared wake-up: the JDK's request timeout stops at the
 * response head, so a body that stalls would hang without this. Watching a body costs a sorted-set
 * insert and remove; the timer is re-armed only when a new deadline is earlier than the one it
 * waits for (with equal timeouts, about once per timeout period, not once per call).
 */
final class BodyDeadlines {
    private final ScheduledExecutorService timer;
    private final ConcurrentSkipListSet<Entry> entries = new ConcurrentSkipListSet<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private @Nullable ScheduledFuture<?> wake;
    private long wakeAt;

    BodyDeadlines(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * {@return stops watching (idempotent)}
     *
     * @param deadlineNanos when, in {@link System#nanoTime()} terms
     * @param onExpiry      what to run then (on the timer thread; keep it short)
     */
    Runnable watch(long deadlineNanos, Runnable onExpiry) {
        Entry e = new Entry(deadlineNanos, sequence.incrementAndGet(), onExpiry);
        entries.add(e);
        armBy(deadlineNanos);
        return () -> entries.remove(e);
    }

    private void armBy(long at) {
        lock.lock();
        try {
            ScheduledFuture<?> armed = wake;
            if (armed != null && wakeAt - at <= 0) {
                return;
            }
            if (armed != null) {
                armed.cancel(false);
            }
            wakeAt = at;
            wake = timer.schedule(this::sweep, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            wake = null;
        } finally {
            lock.unlock();
        }
    }

    private void sweep() {
        lock.lock();
        try {
            wake = null;
        } finally {
            lock.unlock();
        }
        long now = System.nanoTime();
        List<Entry> due = new ArrayList<>();
        for (Entry e = first(); e != null && e.deadline - now <= 0; e = first()) {
            if (entries.remove(e)) {
                due.add(e);
            }
        }
        due.forEach(e -> e.onExpiry.run());
        Entry next = first();
        if (next != null) {
            armBy(next.deadline);
        }
    }

    private @Nullable Entry first() {
        try {
            return entries.first();
        } catch (NoSuchElementException empty) {
            return null;
        }
    }

    private record Entry(long deadline, long seq, Runnable onExpiry) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = Long.compare(deadline, o.deadline);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
