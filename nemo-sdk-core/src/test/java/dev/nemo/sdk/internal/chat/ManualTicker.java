package dev.nemo.sdk.internal.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A ticker whose time moves only when the test says so; due timers run on the calling thread. */
final class ManualTicker implements Ticker {
    private long now = 1_000_000_000L;
    private final List<long[]> due = new ArrayList<>();
    private final List<Runnable> tasks = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Runnable schedule(Runnable task, long delayNanos) {
        long[] at = {now + Math.max(0, delayNanos)};
        due.add(at);
        tasks.add(task);
        return () -> {
            synchronized (this) {
                int i = due.indexOf(at);
                if (i >= 0) {
                    due.remove(i);
                    tasks.remove(i);
                }
            }
        };
    }

    /** @param d how far to move; timers that become due run, in order */
    void advance(Duration d) {
        long target;
        synchronized (this) {
            target = now + d.toNanos();
        }
        for (; ; ) {
            Runnable next = null;
            synchronized (this) {
                int best = -1;
                for (int i = 0; i < due.size(); i++) {
                    if (due.get(i)[0] <= target && (best < 0 || due.get(i)[0] < due.get(best)[0])) {
                        best = i;
                    }
                }
                if (best >= 0) {
                    now = Math.max(now, due.get(best)[0]);
                    due.remove(best);
                    next = tasks.remove(best);
                } else {
                    now = target;
                }
            }
            if (next == null) {
                return;
            }
            next.run();
        }
    }

    /** @return how many timers are pending */
    synchronized int pending() {
        return due.size();
    }
}
