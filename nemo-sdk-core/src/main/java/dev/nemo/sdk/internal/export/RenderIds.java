package dev.nemo.sdk.internal.export;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/** Render ids chosen by the client: {@code render_<epochMillis>_<random>}, unique per attempt. */
public final class RenderIds {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int RANDOM_CHARS = 10;

    private RenderIds() {}

    /**
     * {@return a new id, for example {@code render_1795559949543_k3x9q0a1zt}}
     *
     * @param clock the client's clock
     */
    public static String next(Clock clock) {
        StringBuilder sb = new StringBuilder("render_").append(clock.millis()).append('_');
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < RANDOM_CHARS; i++) {
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
