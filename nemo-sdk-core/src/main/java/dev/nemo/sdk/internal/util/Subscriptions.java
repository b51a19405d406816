package dev.nemo.sdk.internal.util;

import java.util.Objects;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/** Flow (Reactive Streams) helpers shared by the SDK's subscribers. */
public final class Subscriptions {
    private Subscriptions() {}

    /**
     * {@return the subscription a subscriber was given in {@code onSubscribe}}: by rule 1.9 of the
     * specification it comes before any other signal, so {@code onNext}, {@code onError} and
     * {@code onComplete} always find it set.
     *
     * @param subscription the subscriber's field, set in {@code onSubscribe}
     * @throws NullPointerException when {@code onSubscribe} has not been called
     */
    public static Flow.Subscription received(Flow.@Nullable Subscription subscription) {
        return Objects.requireNonNull(subscription, "onSubscribe has not been called");
    }
}
