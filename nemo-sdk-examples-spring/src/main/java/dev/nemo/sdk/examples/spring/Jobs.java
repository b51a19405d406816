package dev.nemo.sdk.examples.spring;

import dev.nemo.sdk.export.ExportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/** The jobs of this app instance, run two at a time on their own threads. */
@Service
public class Jobs implements DisposableBean {
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final JobPipeline pipeline;

    /** @param pipeline what each job does */
    public Jobs(JobPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * Saves the upload and starts the job.
     *
     * @param fileName    the file's name
     * @param content     the file's bytes
     * @param instruction the instruction for the agent
     * @param format      the export format
     * @return the started job
     */
    public Job start(String fileName, InputStream content, String instruction, ExportFormat format) {
        Job job = new Job(UUID.randomUUID().toString());
        try {
            Path dir = Files.createTempDirectory("nemo-job-");
            Path input = dir.resolve("input");
            long size = Files.copy(content, input);
            Files.createDirectories(dir.resolve("out"));
            JobRequest request = new JobRequest(input, fileName, size, instruction, format, dir);
            jobs.put(job.id(), job);
            workers.execute(() -> pipeline.run(job, request));
            return job;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the upload: " + e.getMessage(), e);
        }
    }

    /**
     * @param id a job id
     * @return the job, if it exists
     */
    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
