package dev.nemo.sdk.examples.spring;

import dev.nemo.sdk.export.ExportFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The page's API: start a job, follow it (server-sent events), download its result. */
@RestController
public class JobController {
    private final Jobs jobs;

    /** @param jobs the jobs */
    public JobController(Jobs jobs) {
        this.jobs = jobs;
    }

    /**
     * @param file        the GIF, MP4, WebM or APNG
     * @param instruction what to do with it
     * @param format      {@code mp4} (default) or {@code gif}
     * @return the job's id
     * @throws IOException when the upload cannot be read
     */
    @PostMapping("/api/jobs")
    public Map<String, String> start(
            @RequestParam("file") MultipartFile file,
            @RequestParam("instruction") String instruction,
            @RequestParam(name = "format", defaultValue = "mp4") String format)
            throws IOException {
        if (file.isEmpty() || instruction.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a file and an instruction are needed");
        }
        ExportFormat f = "gif".equals(format.toLowerCase(Locale.ROOT)) ? ExportFormat.GIF : ExportFormat.MP4;
        String name = file.getOriginalFilename() == null
                ? "upload"
                : Path.of(file.getOriginalFilename()).getFileName().toString();
        Job job = jobs.start(name, file.getInputStream(), instruction.strip(), f);
        return Map.of("id", job.id());
    }

    /**
     * @param id the job
     * @return its events, past and coming: {@code upload}, {@code agent}, {@code render}, then {@code done} or {@code error}
     */
    @GetMapping(path = "/api/jobs/{id}/events", produces = "text/event-stream")
    public SseEmitter events(@PathVariable("id") String id) {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        job(id).subscribe(emitter);
        return emitter;
    }

    /**
     * @param id the job
     * @return the result file, as an attachment
     */
    @GetMapping("/api/jobs/{id}/result")
    public ResponseEntity<Resource> result(@PathVariable("id") String id) {
        Path file = job(id).result().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "not ready"));
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.getFileName().toString())
                                .build()
                                .toString())
                .body(new FileSystemResource(file));
    }

    private Job job(String id) {
        return jobs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such job"));
    }
}
