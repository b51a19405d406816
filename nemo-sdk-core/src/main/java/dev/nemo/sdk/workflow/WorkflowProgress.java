package dev.nemo.sdk.workflow;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One progress report of a workflow, for a progress bar or a log line.
 *
 * @param phase   where the workflow is
 * @param percent the workflow's overall progress, 0 to 100, when it can be told
 * @param elapsed time since the workflow started (on the client's clock)
 * @param message what is happening, in words, for example "render 40%" or "checking the draft: 3 of 11"
 */
public record WorkflowProgress(WorkflowPhase phase, OptionalInt percent, Duration elapsed, String message) {

    /**
     * Checks the values.
     *
     * @param phase   where the workflow is
     * @param percent the workflow's overall progress, 0 to 100, when it can be told
     * @param elapsed time since the workflow started (on the client's clock)
     * @param message what is happening, in words, for example "render 40%" or "checking the draft: 3 of 11"
     */
    public WorkflowProgress {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(message, "message");
        if (percent.isPresent() && (percent.getAsInt() < 0 || percent.getAsInt() > 100)) {
            throw new IllegalArgumentException("percent must be 0 to 100, was " + percent.getAsInt());
        }
    }

    /** {@return a line for a person, for example "[EXPORT 62%, 41 s] render 40%"} */
    public String describe() {
        return "[" + phase
                + percent.stream().mapToObj(p -> " " + p + "%").findFirst().orElse("") + ", " + elapsed.toSeconds()
                + " s] " + message;
    }
}
