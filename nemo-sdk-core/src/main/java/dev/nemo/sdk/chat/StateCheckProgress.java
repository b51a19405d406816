package dev.nemo.sdk.chat;

import dev.nemo.sdk.error.NemoException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One read of the session state after a chat stream that ended without text or was interrupted,
 * reported through {@link ChatListener#onStateCheck(StateCheckProgress)} so a user sees what
 * {@code send} is waiting for: "checking the draft (3 of 11, next in 2 s)".
 *
 * @param attempt   which read this was, from 1
 * @param of        how many reads the schedule allows
 * @param after     how the stream ended
 * @param changed   whether this read saw the draft or media differ from before the message
 * @param nextIn    the wait before the next read; empty when this was the last one (a change was
 *                  seen, or the schedule is over)
 * @param failure   why this read failed, when it did (the schedule goes on)
 */
public record StateCheckProgress(
        int attempt,
        int of,
        ChatEnd after,
        boolean changed,
        Optional<Duration> nextIn,
        Optional<NemoException> failure) {

    /**
     * Checks the values.
     *
     * @param attempt   which read this was, from 1
     * @param of        how many reads the schedule allows
     * @param after     how the stream ended
     * @param changed   whether this read saw the draft or media differ from before the message
     * @param nextIn    the wait before the next read; empty when this was the last one (a change was
     *                  seen, or the schedule is over)
     * @param failure   why this read failed, when it did (the schedule goes on)
     */
    public StateCheckProgress {
        if (attempt < 1 || of < attempt) {
            throw new IllegalArgumentException("attempt " + attempt + " of " + of);
        }
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(nextIn, "nextIn");
        Objects.requireNonNull(failure, "failure");
    }

    /** {@return whether this was the last read: the change was seen or the schedule is over} */
    public boolean isLast() {
        return nextIn.isEmpty();
    }

    /** {@return a short line for a person, for example "checking the draft: 3 of 11, no change yet, next in 2 s"} */
    public String describe() {
        String what = failure.isPresent()
                ? "read failed (" + failure.get().getMessage() + ")"
                : changed ? "change found" : "no change yet";
        return "checking the draft: " + attempt + " of " + of + ", " + what
                + nextIn.map(d -> ", next in " + seconds(d)).orElse("");
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
