package dev.nemo.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One shared wake-up guards every body being read: the timer is not scheduled per call. */
class BodyDeadlinesTest {
    private final AtomicInteger scheduled = new AtomicInteger();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1) {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            scheduled.incrementAndGet();
            return super.schedule(command, delay, unit);
        }
    };

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void bodiesWithTheSameTimeoutShareOneWakeUp() {
        BodyDeadlines deadlines = new BodyDeadlines(timer);
        long base = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<Runnable> unwatch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            unwatch.add(deadlines.watch(base + i, () -> {}));
        }
        unwatch.forEach(Runnable::run);

        assertThat(scheduled).hasValue(1);
    }

    @Test
    void anEarlierDeadlineReArmsAndExpiredBodiesAreToldOnce() throws InterruptedException {
        BodyDeadlines deadlines = new BodyDeadlines(timer);
        AtomicInteger late = new AtomicInteger();
        deadlines.watch(System.nanoTime() + TimeUnit.SECONDS.toNanos(60), late::incrementAndGet);
        CountDownLatch expired = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        deadlines.watch(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20), () -> {
            calls.incrementAndGet();
            expired.countDown();
        });

        assertThat(expired.await(30, TimeUnit.SECONDS))
                .as("the short deadline fired")
                .isTrue();
        assertThat(scheduled.get()).isGreaterThanOrEqualTo(2);
        assertThat(calls).hasValue(1);
        assertThat(late).hasValue(0);
    }
}
