package dev.nemo.sdk.credits;

/**
 * The credit balance from {@code GET /api/credits/balance/simple}. Missing or negative values
 * read as zero; a missing {@code total} is {@code available + frozen}.
 *
 * @param available credits that can be spent now
 * @param frozen    credits reserved by operations in progress
 * @param total     {@code available + frozen}
 */
public record Credits(long available, long frozen, long total) {

    /**
     * Normalises negative values to zero.
     *
     * @param available credits that can be spent now
     * @param frozen    credits reserved by operations in progress
     * @param total     {@code available + frozen}
     */
    public Credits {
        available = Math.max(0, available);
        frozen = Math.max(0, frozen);
        total = Math.max(0, total);
    }

    @Override
    public String toString() {
        return "available=" + available + " frozen=" + frozen + " total=" + total;
    }
}
