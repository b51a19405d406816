package dev.nemo.sdk.testkit;

/** Whether the emulated agent ends an edit with a text answer or silently (tool events only). */
public enum SilentEdits {
    /** About a third of edits end without text, chosen deterministically from the options' seed. */
    SEEDED,
    /** Every edit ends without text. */
    ALWAYS,
    /** Every edit ends with a text answer. */
    NEVER
}
