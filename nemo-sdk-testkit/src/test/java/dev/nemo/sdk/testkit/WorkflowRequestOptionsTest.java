package dev.nemo.sdk.testkit;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.error.RateLimitedException;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.upload.MediaSource;
import dev.nemo.sdk.workflow.Conversation;
import dev.nemo.sdk.workflow.QuickEdit;
import dev.nemo.sdk.workflow.QuickEditResult;
import dev.nemo.sdk.workflow.WorkflowListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The request options a user gives a workflow reach every call it makes: each API request carries
 * the extra header and is retried by the workflow's policy (the client itself retries nothing),
 * while the CDN that serves the render gets neither the header nor the credentials.
 */
class WorkflowRequestOptionsTest {
    private static final RequestOptions TRACED_AND_RETRIED = RequestOptions.builder()
            .header("X-Request-Id", "wf-1").retryPolicy(RetryPolicy.defaults()).build();
    private final VirtualTime time = VirtualTime.create();
    @TempDir
    Path dir;
    private NemoEmulator emulator;
    private NemoClient client;

    @BeforeEach
    void start() {
        emulator = NemoEmulator.start(EmulatorOptions.builder().silentEdits(SilentEdits.NEVER).clock(time).build());
        client = emulator.clientBuilder(dir).clientId("workflow-client").retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    private Path gif(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, TestMedia.gif(64, 48, 20, 20, 20));
        return file;
    }

    /** Every request the workflow made to the API (the anonymous-token call is the client's, not the workflow's). */
    private List<RecordedRequest> workflowApiRequests() {
        return emulator.requests().stream()
                .filter(r -> r.endpoint() != Endpoint.CDN && r.endpoint() != Endpoint.ANONYMOUS_TOKEN)
                .toList();
    }

    @Test
    void aQuickEditSendsTheHeaderAndRetriesWithItsOwnPolicyOnEveryCall() throws IOException {
        emulator.faults().on(Endpoint.CREATE_SESSION).once().rateLimited(Duration.ofSeconds(1));
        emulator.faults().on(Endpoint.UPLOAD).once().rateLimited(Duration.ofSeconds(1));
        emulator.faults().on(Endpoint.STATE).once().status(503);
        emulator.faults().on(Endpoint.RENDER_SUBMIT).once().rateLimited(Duration.ofSeconds(1));
        emulator.faults().on(Endpoint.RENDER_POLL).once().status(503);
        emulator.faults().on(Endpoint.CDN).once().status(500);
        emulator.faults().on(Endpoint.RENDER_DOWNLOAD).once().status(503);

        QuickEditResult r = client.workflows().quickEdit(QuickEdit.builder(gif("cat.gif"),
                "compress this GIF to under 500KB", dir.resolve("cat.mp4")).request(TRACED_AND_RETRIED).build());

        assertThat(Files.exists(r.download().path())).isTrue();
        assertThat(r.download().usedFallback()).isTrue();
        for (Endpoint e : List.of(Endpoint.CREATE_SESSION, Endpoint.UPLOAD, Endpoint.RENDER_SUBMIT,
                Endpoint.RENDER_DOWNLOAD)) {
            assertThat(emulator.requests(e)).as(e + ": refused once, then retried").hasSize(2);
        }
        assertThat(emulator.requests(Endpoint.STATE).size()).isGreaterThanOrEqualTo(2);
        assertThat(emulator.requests(Endpoint.RENDER_POLL).size()).isGreaterThanOrEqualTo(2);
        // a chat message is never sent twice, whatever the policy
        assertThat(emulator.requests(Endpoint.RUN_SSE)).hasSize(1);
        assertThat(workflowApiRequests()).extracting(RecordedRequest::endpoint).contains(Endpoint.CREATE_SESSION,
                Endpoint.UPLOAD, Endpoint.STATE, Endpoint.RUN_SSE, Endpoint.RENDER_SUBMIT, Endpoint.RENDER_POLL,
                Endpoint.RENDER_DOWNLOAD);
        assertThat(workflowApiRequests()).allSatisfy(q ->
                assertThat(q.header("X-Request-Id")).as(q.method() + " " + q.path()).isEqualTo(Optional.of("wf-1")));
        assertThat(emulator.cdnRequests()).isNotEmpty().allSatisfy(q -> {
            assertThat(q.hasHeader("X-Request-Id")).isFalse();
            assertThat(q.hasHeader("Authorization")).isFalse();
        });
    }

    @Test
    void withoutTheWorkflowsPolicyTheClientsOwnApplies() throws IOException {
        emulator.faults().on(Endpoint.CREATE_SESSION).once().rateLimited(Duration.ofSeconds(1));

        assertThatThrownBy(() -> client.workflows().quickEdit(QuickEdit.builder(gif("cat.gif"),
                "compress this GIF", dir.resolve("cat.mp4")).build())).isInstanceOf(RateLimitedException.class);

        assertThat(emulator.requests(Endpoint.CREATE_SESSION)).hasSize(1);
    }

    @Test
    void aConversationTakesTheRequestOptionsOfItsChatOptionsForEveryCall() throws IOException {
        emulator.faults().on(Endpoint.STATE).once().status(503);
        ChatOptions chat = ChatOptions.builder().request(TRACED_AND_RETRIED).build();

        Conversation c = client.workflows().startConversation(List.of(MediaSource.of(gif("cat.gif"))),
                "add a title", chat, WorkflowListener.none());
        c.say("add a title 'One'");
        c.refresh();
        c.export(dir.resolve("out.mp4"), ExportOptions.defaults());

        assertThat(workflowApiRequests()).extracting(RecordedRequest::endpoint).contains(Endpoint.CREATE_SESSION,
                Endpoint.UPLOAD, Endpoint.STATE, Endpoint.RUN_SSE, Endpoint.RENDER_SUBMIT, Endpoint.RENDER_POLL);
        assertThat(workflowApiRequests()).allSatisfy(q ->
                assertThat(q.header("X-Request-Id")).as(q.method() + " " + q.path()).isEqualTo(Optional.of("wf-1")));
    }
}
