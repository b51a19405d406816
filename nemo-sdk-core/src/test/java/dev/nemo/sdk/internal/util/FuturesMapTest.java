package dev.nemo.sdk.internal.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FuturesMapTest {

    @Test
    void cancellingTheMappedFutureCancelsTheSource() {
        CompletableFuture<Integer> source = new CompletableFuture<>();
        CompletableFuture<String> mapped = Futures.map(source, String::valueOf);

        mapped.cancel(true);

        assertThat(source).isCancelled();
    }

    @Test
    void mapsTheResultAndLeavesACompletedSourceAlone() {
        CompletableFuture<Integer> source = new CompletableFuture<>();
        CompletableFuture<String> mapped = Futures.map(source, i -> "n" + i);

        source.complete(7);

        assertThat(mapped).isCompletedWithValue("n7");
        assertThat(source).isCompletedWithValue(7);
    }

    @Test
    void aFailedMappingDoesNotCancelTheSource() {
        CompletableFuture<Integer> source = new CompletableFuture<>();
        CompletableFuture<String> mapped = Futures.map(source, i -> {
            throw new IllegalStateException("bad " + i);
        });

        source.complete(1);

        assertThat(mapped).isCompletedExceptionally();
        assertThat(source).isNotCancelled();
    }
}
