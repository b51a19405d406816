package dev.nemo.sdk.examples;

/** The command line is wrong: unknown command or option, missing or extra arguments. Exit status 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, one sentence */
    public UsageException(String message) {
        super(message);
    }
}
