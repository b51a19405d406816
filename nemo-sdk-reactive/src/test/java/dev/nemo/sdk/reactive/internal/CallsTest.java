package dev.nemo.sdk.reactive.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Hooks;

import static org.assertj.core.api.Assertions.assertThat;

class CallsTest {

    @Test
    void aCompletionActionThatThrowsReachesReactorsDroppedErrorHook() {
        List<Throwable> dropped = new CopyOnWriteArrayList<>();
        Hooks.onErrorDropped(dropped::add);
        try {
            CompletableFuture<String> future = new CompletableFuture<>();
            IllegalStateException boom = new IllegalStateException("boom");
            Calls.onCompletion(future, (value, failure) -> {
                throw boom;
            });
            future.complete("done");
            assertThat(dropped).contains(boom);
        } finally {
            Hooks.resetOnErrorDropped();
        }
    }

    @Test
    void theCompletionActionGetsTheValueOrTheFailure() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<String> ok = new CompletableFuture<>();
        CompletableFuture<String> failed = new CompletableFuture<>();
        IllegalStateException boom = new IllegalStateException("boom");
        Calls.onCompletion(ok, (value, failure) -> seen.add(value));
        Calls.onCompletion(failed, (value, failure) -> seen.add(failure));
        ok.complete("done");
        failed.completeExceptionally(boom);
        assertThat(seen).containsExactly("done", boom);
    }

    @Test
    void unwrapRemovesEveryWrapperAndKeepsAWrapperWithoutCause() {
        IllegalStateException cause = new IllegalStateException("cause");
        assertThat(Calls.unwrap(new CompletionException(new ExecutionException(cause)))).isSameAs(cause);
        CompletionException bare = new CompletionException("no cause", null);
        assertThat(Calls.unwrap(bare)).isSameAs(bare);
        assertThat(Calls.unwrap(cause)).isSameAs(cause);
    }
}
