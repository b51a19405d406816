package dev.nemo.sdk.internal.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class MultipartSeedingTest {

    @Test
    void seedsOnTheExecutorGivenAndBoundariesStayRandom() {
        List<Runnable> submitted = new ArrayList<>();
        Multipart.seedInBackground(submitted::add);
        assertThat(submitted).hasSize(1);
        submitted.get(0).run();
        assertThat(Multipart.newBoundary()).startsWith("NemoSdkBoundary").hasSize(47);
        assertThat(Multipart.newBoundary()).isNotEqualTo(Multipart.newBoundary());
    }

    @Test
    void anExecutorThatRefusesLeavesTheSeedingToTheFirstUpload() {
        assertThatCode(() -> Multipart.seedInBackground(r -> {
                    throw new RejectedExecutionException("shut down");
                }))
                .doesNotThrowAnyException();
        assertThat(Multipart.newBoundary()).startsWith("NemoSdkBoundary");
    }
}
