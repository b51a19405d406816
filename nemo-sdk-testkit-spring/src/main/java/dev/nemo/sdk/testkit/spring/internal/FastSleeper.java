package dev.nemo.sdk.testkit.spring.internal;

import dev.nemo.sdk.Sleeper;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Cuts every SDK wait to at most one millisecond (ordering kept, no time spent). */
public final class FastSleeper implements Sleeper {
    private static final Duration MAX = Duration.ofMillis(1);
    private final Sleeper delegate = Sleeper.system();

    @Override
    public CompletionStage<Void> sleep(Duration duration) {
        return delegate.sleep(duration.compareTo(MAX) > 0 ? MAX : duration);
    }
}
