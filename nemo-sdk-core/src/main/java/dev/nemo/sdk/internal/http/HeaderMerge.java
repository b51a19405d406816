package dev.nemo.sdk.internal.http;

import java.util.Arrays;
import java.util.Map;

/**
 * Sets headers over a call's headers, remembering the last merge: the calls through one stage
 * mostly bring the same header maps (the same instances), so they share one merged map rather than
 * build it again each time.
 */
final class HeaderMerge {
    private volatile Last last = new Last(Map.of(), Map.of(), Map.of());

    /**
     * {@return {@code base} with {@code more} set over it, as one immutable map}
     *
     * @param base the call's headers
     * @param more the headers to set
     */
    Map<String, String> merge(Map<String, String> base, Map<String, String> more) {
        Last l = last;
        if (l.base == base && l.more == more) {
            return l.merged;
        }
        Map<String, String> merged = merged(base, more);
        last = new Last(base, more, merged);
        return merged;
    }

    /**
     * {@return {@code base} with {@code more} set over it, as one immutable map}; built straight
     * from the entries, without an intermediate mutable map.
     *
     * @param base headers
     * @param more headers to set over them
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> merged(Map<String, String> base, Map<String, String> more) {
        if (base.isEmpty()) {
            return Map.copyOf(more);
        }
        Map.Entry<String, String>[] all = (Map.Entry<String, String>[]) new Map.Entry<?, ?>[base.size() + more.size()];
        int n = 0;
        for (Map.Entry<String, String> e : base.entrySet()) {
            if (!more.containsKey(e.getKey())) {
                all[n++] = e;
            }
        }
        for (Map.Entry<String, String> e : more.entrySet()) {
            all[n++] = e;
        }
        return Map.ofEntries(n == all.length ? all : Arrays.copyOf(all, n));
    }

    /** The inputs of the last merge (compared by identity) and its result. */
    private record Last(Map<String, String> base, Map<String, String> more, Map<String, String> merged) {}
}
