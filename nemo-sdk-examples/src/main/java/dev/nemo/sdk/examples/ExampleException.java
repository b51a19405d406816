package dev.nemo.sdk.examples;

import java.util.Objects;

/**
 * A step of an example could not go on for a reason the API did not raise itself (the agent
 * reported an error, the session has no media yet, a file is not media…). The SDK's own failures
 * stay {@link dev.nemo.sdk.error.NemoException}s.
 */
public final class ExampleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String step;

    /**
     * @param step    what was being done, for example {@code chat} or {@code export}
     * @param message what went wrong and what to do, one sentence
     */
    public ExampleException(String step, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.step = Objects.requireNonNull(step, "step");
    }

    /** @return what was being done */
    public String step() {
        return step;
    }
}
