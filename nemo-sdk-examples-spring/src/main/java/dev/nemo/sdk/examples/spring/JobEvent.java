package dev.nemo.sdk.examples.spring;

/**
 * One server-sent event of a job, as the page receives it (JSON).
 *
 * @param stage   {@code upload}, {@code agent}, {@code render}, {@code done} or {@code error}
 * @param text    what happened, for a person
 * @param percent progress of the stage, or {@code null}
 * @param result  the result, on {@code done} only
 */
public record JobEvent(String stage, String text, Integer percent, JobResult result) {

    /**
     * @param stage   the stage
     * @param text    what happened
     * @param percent progress, or {@code null}
     * @return an event without a result
     */
    public static JobEvent of(String stage, String text, Integer percent) {
        return new JobEvent(stage, text, percent, null);
    }

    /** @return whether no event follows this one */
    public boolean last() {
        return "done".equals(stage) || "error".equals(stage);
    }
}
