package dev.nemo.sdk.assistant;

import java.util.Objects;

/**
 * One piece of GUI phrasing found in agent text.
 *
 * @param action the client action it stands for
 * @param phrase the matched text, as written
 * @param start  its start index in the agent text
 * @param end    its end index (exclusive)
 */
public record GuiHint(GuiAction action, String phrase, int start, int end) {
    /**
     * Validates.
     *
     * @param action the client action it stands for
     * @param phrase the matched text, as written
     * @param start  its start index in the agent text
     * @param end    its end index (exclusive)
     */
    public GuiHint {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(phrase, "phrase");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid range " + start + ".." + end);
        }
    }
}
