package dev.nemo.sdk.testkit;

/** How {@code /run_sse} frames its events. */
public enum SseDialect {
    /**
     * Like ADK for Java (the recorded fixtures): {@code data:} with no space, UUID event ids,
     * timestamps in epoch milliseconds.
     */
    ADK_JAVA,
    /**
     * Like ADK for Python: {@code data: } with a space, 8-character event ids, timestamps in
     * epoch seconds with a fraction.
     */
    ADK_PYTHON
}
