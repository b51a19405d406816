package dev.nemo.sdk.testkit;

import dev.nemo.sdk.testkit.internal.FaultRule;
import java.time.Duration;
import java.util.Set;

/**
 * A scripted fault, as returned by {@link FaultBuilder}. Use it to wait until a request hit the
 * fault, to release a held request, or to withdraw the fault.
 */
public final class Fault {
    private final FaultRule rule;

    Fault(FaultRule rule) {
        this.rule = rule;
    }

    /** @return the endpoints the fault applies to */
    public Set<Endpoint> endpoints() {
        return rule.endpoints();
    }

    /** @return how many more requests it will affect; -1 for unlimited, 0 when used up or cancelled */
    public int remaining() {
        return rule.remaining();
    }

    /** @return how many requests it affected so far */
    public int hits() {
        return rule.hits();
    }

    /**
     * Waits until a request hits the fault (a latch, not a sleep).
     *
     * @param timeout hang guard
     * @return whether it was hit within the timeout
     * @throws InterruptedException when interrupted
     */
    public boolean awaitHit(Duration timeout) throws InterruptedException {
        return rule.awaitHit(timeout);
    }

    /**
     * Lets requests held by {@link FaultBuilder#hold()} or
     * {@link FaultBuilder#heartbeatsUntilReleased(Duration, HeartbeatStyle)} continue. Requests
     * that arrive later are not held. No effect on other faults.
     */
    public void release() {
        rule.release();
    }

    /** Withdraws the fault (it affects no more requests) and releases held requests. */
    public void cancel() {
        rule.cancel();
    }

    @Override
    public String toString() {
        return "Fault{" + rule.kind() + " on " + rule.endpoints() + ", remaining=" + remaining() + ", hits=" + hits()
                + '}';
    }
}
