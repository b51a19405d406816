package dev.nemo.sdk.testkit.internal;

import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Identifiers drawn from one seeded generator, so that a run with the same seed and the same
 * sequence of requests produces the same ids (tokens, sessions, events).
 */
public final class Ids {
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] URL_SAFE =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final long SNOWFLAKE_BASE = 5_529_798_706_024_415_232L;

    private final ReentrantLock lock = new ReentrantLock();
    private final SplittableRandom random;
    private long sessions;

    /** @param seed the seed */
    public Ids(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** @return a random UUID-formatted string (version 4 layout) */
    public String uuid() {
        long hi;
        long lo;
        lock.lock();
        try {
            hi = random.nextLong();
            lo = random.nextLong();
        } finally {
            lock.unlock();
        }
        hi = (hi & 0xffffffffffff0fffL) | 0x0000000000004000L;
        lo = (lo & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new java.util.UUID(hi, lo).toString();
    }

    /**
     * @param n length
     * @return n random letters and digits
     */
    public String alnum(int n) {
        return draw(ALNUM, n);
    }

    /**
     * @param n length
     * @return n random URL-safe characters
     */
    public String urlSafe(int n) {
        return draw(URL_SAFE, n);
    }

    /** @return a session id in the style of a 64-bit snowflake, as a string */
    public String snowflake() {
        lock.lock();
        try {
            sessions++;
            return Long.toString(SNOWFLAKE_BASE + (sessions << 22) + random.nextInt(1 << 22));
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param n number of hex digits
     * @return random lowercase hex
     */
    public String hex(int n) {
        StringBuilder b = new StringBuilder(n);
        lock.lock();
        try {
            for (int i = 0; i < n; i++) {
                b.append(Character.forDigit(random.nextInt(16), 16));
            }
        } finally {
            lock.unlock();
        }
        return b.toString();
    }

    private String draw(char[] alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        lock.lock();
        try {
            for (int i = 0; i < n; i++) {
                b.append(alphabet[random.nextInt(alphabet.length)]);
            }
        } finally {
            lock.unlock();
        }
        return b.toString();
    }
}
