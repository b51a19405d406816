package dev.nemo.sdk.testkit.internal;

import dev.nemo.sdk.testkit.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The scripted faults, matched in the order they were added; the first rule with hits left wins. */
public final class FaultEngine {
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

    /** @param rule a rule to add at the end */
    public void add(FaultRule rule) {
        rules.add(rule);
    }

    /**
     * @param endpoint the request's endpoint
     * @return the rule that takes this request (its count is consumed), or {@code null}
     */
    public FaultRule take(Endpoint endpoint) {
        for (FaultRule r : rules) {
            if (r.tryTake(endpoint)) {
                return r;
            }
        }
        return null;
    }

    /** @return rules that can still affect a request */
    public List<FaultRule> active() {
        List<FaultRule> out = new ArrayList<>();
        for (FaultRule r : rules) {
            if (r.remaining() != 0) {
                out.add(r);
            }
        }
        return out;
    }

    /** Removes every rule and releases held requests. */
    public void clear() {
        for (FaultRule r : rules) {
            r.cancel();
        }
        rules.clear();
    }
}
