package dev.nemo.sdk.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Deadlines of bodies being read, on one shared wake-up: the JDK's request timeout stops at the
 * response head, so a body that stalls would hang without this. Watching a body costs a hash-set
 * insert and remove (the body is its own entry); the timer is re-armed only when a new deadline is
 * earlier than the one it waits for (with equal timeouts, about once per timeout period, not once
 * per call), and that check needs no lock. The wake-up scans the bodies still watched: they are
 * the bodies in flight, few.
 */
final class BodyDeadlines {
    private final ScheduledExecutorService timer;
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile @Nullable Armed armed;

    BodyDeadlines(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** A body being read, compared by identity. */
    interface Watched {
        /** {@return when it must be complete, in {@link System#nanoTime()} terms} */
        long deadlineNanos();

        /** Its deadline passed: runs on the timer thread, once; keep it short. */
        void expire();
    }

    /**
     * Starts watching.
     *
     * @param body the body, until {@link #unwatch}
     */
    void watch(Watched body) {
        watched.add(body);
        armBy(body.deadlineNanos());
    }

    /**
     * Stops watching (idempotent).
     *
     * @param body a body
     */
    void unwatch(Watched body) {
        watched.remove(body);
    }

    private void armBy(long at) {
        Armed a = armed;
        if (a != null && a.at - at <= 0) {
            // a wake-up no later than this deadline is on its way; it sees the body (added before this read)
            return;
        }
        lock.lock();
        try {
            a = armed;
            if (a != null && a.at - at <= 0) {
                return;
            }
            if (a != null) {
                a.wake.cancel(false);
            }
            armed = new Armed(
                    timer.schedule(this::sweep, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS), at);
        } catch (RejectedExecutionException closed) {
            armed = null;
        } finally {
            lock.unlock();
        }
    }

    private void sweep() {
        lock.lock();
        try {
            armed = null;
        } finally {
            lock.unlock();
        }
        long now = System.nanoTime();
        List<Watched> due = new ArrayList<>();
        long next = 0;
        boolean more = false;
        for (Watched w : watched) {
            long d = w.deadlineNanos();
            if (d - now <= 0) {
                due.add(w);
            } else if (!more || d - next < 0) {
                next = d;
                more = true;
            }
        }
        // told once: only the one that takes it out of the set tells it
        due.removeIf(w -> !watched.remove(w));
        due.forEach(Watched::expire);
        if (more) {
            armBy(next);
        }
    }

    /** The wake-up on its way, and when it wakes. */
    private record Armed(ScheduledFuture<?> wake, long at) {}
}
