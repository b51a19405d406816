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
        List<Body> bodies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Body b = new Body(base + i, () -> {});
            bodies.add(b);
            deadlines.watch(b);
        }
        bodies.forEach(deadlines::unwatch);

        assertThat(scheduled).hasValue(1);
    }

    @Test
    void aBodyNoLongerWatchedIsNeverExpired() throws InterruptedException {
        BodyDeadlines deadlines = new BodyDeadlines(timer);
        AtomicInteger done = new AtomicInteger();
        Body finished = new Body(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10), done::incrementAndGet);
        deadlines.watch(finished);
        deadlines.unwatch(finished);
        CountDownLatch expired = new CountDownLatch(1);
        deadlines.watch(new Body(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30), expired::countDown));

        assertThat(expired.await(30, TimeUnit.SECONDS))
                .as("the later deadline fired")
                .isTrue();
        assertThat(done).hasValue(0);
    }

    @Test
    void anEarlierDeadlineReArmsAndExpiredBodiesAreToldOnce() throws InterruptedException {
        BodyDeadlines deadlines = new BodyDeadlines(timer);
        AtomicInteger late = new AtomicInteger();
        deadlines.watch(new Body(System.nanoTime() + TimeUnit.SECONDS.toNanos(60), late::incrementAndGet));
        CountDownLatch expired = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        deadlines.watch(new Body(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20), () -> {
            calls.incrementAndGet();
            expired.countDown();
        }));

        assertThat(expired.await(30, TimeUnit.SECONDS))
                .as("the short deadline fired")
                .isTrue();
        assertThat(scheduled.get()).isGreaterThanOrEqualTo(2);
        assertThat(calls).hasValue(1);
        assertThat(late).hasValue(0);
    }

    /** A body as the deadlines see it. */
    private static final class Body implements BodyDeadlines.Watched {
        private final long deadline;
        private final Runnable onExpiry;

        Body(long deadline, Runnable onExpiry) {
            this.deadline = deadline;
            this.onExpiry = onExpiry;
        }

        @Override
        public long deadlineNanos() {
            return deadline;
        }

        @Override
        public void expire() {
            onExpiry.run();
        }
    }
}
