package dev.nemo.sdk.internal.sse;

import java.lang.ref.SoftReference;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One spare byte array shared by all decoders, softly held (the garbage collector may take it
 * back under memory pressure), in the spirit of Jackson's buffer recycler and okio's segment pool.
 * A decoder assembling a large event borrows it instead of growing a fresh array: writing into
 * memory that was recently used is several times cheaper than allocating, zeroing and filling
 * new memory, and a large event otherwise costs more in allocation than in parsing. The event
 * itself always gets its own exact copy, so a borrowed array is never visible outside a decoder.
 */
final class SpareBuffer {
    /** Arrays larger than this are left to the garbage collector rather than kept. */
    static final int MAX_KEPT = 16 * 1024 * 1024;

    private static final AtomicReference<SoftReference<byte[]>> SLOT = new AtomicReference<>();

    private SpareBuffer() {
    }

    /**
     * {@return the spare array if there is one of at least {@code minCapacity} bytes (now owned by the caller, with arbitrary content), otherwise {@code null}}
     *
     * @param minCapacity the smallest useful length
     */
    static byte @Nullable [] take(int minCapacity) {
        SoftReference<byte[]> ref = SLOT.getAndSet(null);
        byte[] spare = ref == null ? null : ref.get();
        if (spare == null) {
            return null;
        }
        if (spare.length < minCapacity) {
            give(spare);
            return null;
        }
        return spare;
    }

    /**
     * Offers an array the caller no longer uses. The larger of it and the current spare is kept.
     *
     * @param array an array nothing else refers to
     */
    static void give(byte[] array) {
        if (array.length > MAX_KEPT) {
            return;
        }
        SoftReference<byte[]> offered = new SoftReference<>(array);
        while (true) {
            SoftReference<byte[]> current = SLOT.get();
            byte[] kept = current == null ? null : current.get();
            if (kept != null && kept.length >= array.length) {
                return;
            }
            if (SLOT.compareAndSet(current, offered)) {
                return;
            }
        }
    }
}
