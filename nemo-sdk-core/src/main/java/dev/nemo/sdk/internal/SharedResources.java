package dev.nemo.sdk.internal;

import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The HTTP client (connection pool) and timer thread that clients derived with
 * {@code toBuilder()} share. Reference counted: the last {@code close()} shuts them down. A
 * user-supplied {@link HttpClient} is never shut down by the SDK.
 */
public final class SharedResources {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpClient http;
    private final boolean ownsHttp;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ReentrantLock lock = new ReentrantLock();
    private int references = 1;

    /**
     * Creates it from its parts.
     *
     * @param http     the HTTP client
     * @param ownsHttp whether the SDK built it (and so must shut it down)
     */
    public SharedResources(HttpClient http, boolean ownsHttp) {
        this.http = http;
        this.ownsHttp = ownsHttp;
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "nemo-sdk-timer-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** {@return the HTTP client} */
    public HttpClient http() {
        return http;
    }

    /** {@return the timer for deadlines and default sleeps} */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** {@return {@code this}, with one more reference; fails when already closed} */
    public SharedResources retain() {
        lock.lock();
        try {
            if (references <= 0) {
                throw new IllegalStateException("the client was closed");
            }
            references++;
            return this;
        } finally {
            lock.unlock();
        }
    }

    /** Drops one reference; the last one shuts the timer and the SDK-built HTTP client down. */
    public void release() {
        boolean last;
        lock.lock();
        try {
            if (references <= 0) {
                return;
            }
            references--;
            last = references == 0;
        } finally {
            lock.unlock();
        }
        if (last) {
            scheduler.shutdownNow();
            if (ownsHttp) {
                shutdownNow(http);
            }
        }
    }

    /** {@return whether every reference was released} */
    public boolean isClosed() {
        lock.lock();
        try {
            return references <= 0;
        } finally {
            lock.unlock();
        }
    }

    private static void shutdownNow(HttpClient http) {
        // HttpClient.shutdownNow() exists from JDK 21; on 17 the client's selector thread ends once
        // the client is unreachable.
        try {
            Method m = HttpClient.class.getMethod("shutdownNow");
            m.invoke(http);
        } catch (NoSuchMethodException e) {
            // JDK 17-20
        } catch (ReflectiveOperationException | RuntimeException e) {
            // best effort: closing must not fail
        }
    }
}
