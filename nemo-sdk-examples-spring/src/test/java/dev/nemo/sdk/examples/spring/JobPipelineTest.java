package dev.nemo.sdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.export.ExportFormat;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The app's workflow without a browser: the events a page receives, in order, and the result. */
@SpringBootTest(properties = "examples.embedded-poll-interval=10ms")
class JobPipelineTest {
    @Autowired
    JobPipeline pipeline;

    @TempDir
    Path dir;

    @Test
    void uploadAgentRenderThenDoneWithASmallerFile() throws Exception {
        Path input = dir.resolve("input");
        try (InputStream in = JobPipelineTest.class.getResourceAsStream("/corpus/dancing-banana.gif")) {
            Files.copy(in, input);
        }
        Files.createDirectories(dir.resolve("out"));
        Job job = new Job("test");
        pipeline.run(
                job,
                new JobRequest(
                        input,
                        "dancing-banana.gif",
                        Files.size(input),
                        "compress this GIF to under 500KB",
                        ExportFormat.MP4,
                        dir));

        List<JobEvent> events = job.events();
        assertThat(events)
                .extracting(JobEvent::stage)
                .containsSubsequence("upload", "agent", "render", "done")
                .doesNotContain("error");
        assertThat(events)
                .filteredOn(e -> e.stage().equals("upload"))
                .last()
                .extracting(JobEvent::percent)
                .isEqualTo(100);
        assertThat(events)
                .filteredOn(e -> e.stage().equals("agent"))
                .extracting(JobEvent::text)
                .contains("You: compress this GIF to under 500KB")
                .noneMatch(t -> t.contains("Click the Export button")); // GUI phrasing translated

        JobResult result = events.get(events.size() - 1).result();
        assertThat(result.outputBytes()).isPositive().isLessThan(result.inputBytes());
        assertThat(result.ratio()).isGreaterThan(1.0);
        assertThat(result.downloadUrl()).isEqualTo("/api/jobs/test/result");
        assertThat(job.result()).hasValueSatisfying(p -> assertThat(p).hasSize(result.outputBytes()));
    }
}
