package dev.nemo.sdk.conformance.agent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a long-running tool until the test releases it, so "a tool that runs long and silent" is
 * exercised without a real long sleep. A guard releases it anyway after {@link #GUARD_SECONDS}.
 */
public final class Gate {
    /** The hang guard. */
    public static final int GUARD_SECONDS = 30;

    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch released = new CountDownLatch(1);
    private volatile boolean releasedByTest;

    /** Re-arms the gate for the next run. */
    public void reset() {
        entered = new CountDownLatch(1);
        released = new CountDownLatch(1);
        releasedByTest = false;
    }

    /** Lets the held tool finish. */
    public void release() {
        releasedByTest = true;
        released.countDown();
    }

    /** @return whether {@link #release()} (not the guard) ended the wait */
    public boolean releasedByTest() {
        return releasedByTest;
    }

    /** @return whether the tool is (or was) waiting */
    public boolean entered() {
        return entered.getCount() == 0;
    }

    void hold() {
        entered.countDown();
        try {
            released.await(GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
