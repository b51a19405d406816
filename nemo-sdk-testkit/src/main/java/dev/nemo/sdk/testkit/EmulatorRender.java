package dev.nemo.sdk.testkit;

import java.util.Optional;

/**
 * A snapshot of an emulated export.
 *
 * @param id         the client-chosen render id
 * @param sessionId  its session
 * @param status     {@code pending}, {@code processing}, {@code completed} or {@code failed}
 * @param progress   0-100
 * @param polls      how many times it was polled
 * @param renderer   the renderer's name
 * @param outputUrl  the CDN URL of the output, once completed
 * @param outputSize the output's size in bytes, once completed (else -1)
 * @param error      why it failed, when it failed
 */
public record EmulatorRender(
        String id,
        String sessionId,
        String status,
        int progress,
        int polls,
        String renderer,
        String outputUrl,
        long outputSize,
        String error) {

    /** @return the output URL, once completed */
    public Optional<String> output() {
        return Optional.ofNullable(outputUrl);
    }
}
