package dev.nemo.sdk.examples.spring;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportFormat;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.export.PollingStrategy;
import dev.nemo.sdk.json.JsonValue;
import dev.nemo.sdk.state.StateDiff;
import dev.nemo.sdk.upload.MediaSource;
import dev.nemo.sdk.upload.UploadOptions;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What the app does with one upload, all through the SDK: a session, the upload (with progress),
 * the instruction to the agent (its text relayed), the export (with progress), the download.
 */
@Component
public class JobPipeline {
    private final NemoClient client;
    private final PollingStrategy polling;

    /**
     * @param client  the auto-configured client
     * @param polling the export polling ({@code nemo.polling.*}, or the embedded emulator's)
     */
    public JobPipeline(NemoClient client, PollingStrategy polling) {
        this.client = client;
        this.polling = polling;
    }

    /**
     * Runs the job to its end; every outcome, failures included, is an event.
     *
     * @param job         the job
     * @param request     the upload and what to do with it
     */
    public void run(Job job, JobRequest request) {
        try {
            String sid = client.sessions().create().sessionId();
            upload(job, sid, request);
            instruct(job, sid, request.instruction());
            Draft draft = client.state()
                    .get(sid)
                    .draft()
                    .orElseThrow(() -> new IllegalStateException("the session has no draft to export"));
            ExportJob done = render(job, sid, draft, request.format());
            DownloadResult file =
                    client.exports().download(done, request.workDir().resolve("out"));
            job.result(file.path());
            JobResult result = new JobResult(
                    file.path().getFileName().toString(),
                    request.inputBytes(),
                    file.bytes(),
                    request.inputBytes() / (double) Math.max(1, file.bytes()),
                    "/api/jobs/" + job.id() + "/result",
                    renderer(done.raw()));
            job.emit(new JobEvent("done", "Done: " + result.summary(), 100, result));
        } catch (NemoException | IllegalStateException e) {
            job.emit(JobEvent.of("error", e.getMessage(), null));
        }
    }

    private void upload(Job job, String sid, JobRequest request) {
        job.emit(JobEvent.of(
                "upload", "Uploading " + request.fileName() + " (" + JobResult.human(request.inputBytes()) + ")", 0));
        int[] lastTenth = {0};
        UploadOptions options = UploadOptions.builder()
                .onProgress((sent, total) -> {
                    int tenth = total > 0 ? (int) (sent * 10 / total) : 0;
                    if (tenth > lastTenth[0]) {
                        lastTenth[0] = tenth;
                        job.emit(JobEvent.of("upload", "Uploading", tenth * 10));
                    }
                })
                .build();
        MediaSource source = MediaSource.of(request.input()).withFileName(request.fileName());
        client.uploads().upload(sid, List.of(source), options);
        job.emit(JobEvent.of("upload", "Uploaded " + request.fileName(), 100));
    }

    private void instruct(Job job, String sid, String instruction) {
        job.emit(JobEvent.of("agent", "You: " + instruction, null));
        AgentTextRelay relay = new AgentTextRelay(job);
        ChatResult chat = client.chat()
                .send(
                        sid,
                        instruction,
                        ChatOptions.builder().onProgress(relay::onStillWorking).build(),
                        relay);
        if (!relay.sawText()) {
            job.emit(JobEvent.of(
                    "agent",
                    chat.stateChange()
                            .map(StateDiff::describe)
                            .map(d -> "The agent finished without a message. What changed: " + d)
                            .orElse("The agent finished (" + chat.end() + ")"),
                    null));
        }
        chat.failure()
                .ifPresent(f -> job.emit(JobEvent.of("agent", "The stream stopped early: " + f.getMessage(), null)));
    }

    private ExportJob render(Job job, String sid, Draft draft, ExportFormat format) {
        job.emit(JobEvent.of("render", "Rendering " + format.name().toLowerCase(Locale.ROOT), 0));
        ExportOptions options = ExportOptions.builder()
                .format(format)
                .polling(polling)
                .onProgress(j -> job.emit(JobEvent.of(
                        "render",
                        "Render " + j.rawStatus().orElse(j.status().name()),
                        j.progress().isPresent() ? j.progress().getAsInt() : null)))
                .build();
        return client.exports().submit(sid, draft, options).waitForCompletion();
    }

    private static String renderer(JsonValue raw) {
        return raw.get("renderer")
                .or(() -> raw.get("details").flatMap(d -> d.get("renderer")))
                .flatMap(JsonValue::asString)
                .orElse(null);
    }
}
