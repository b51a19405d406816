package dev.nemo.sdk.examples.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.credits.Credits;
import dev.nemo.sdk.error.InsufficientCreditsException;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.export.ExportOptions;
import dev.nemo.sdk.export.ExportPoller;
import dev.nemo.sdk.export.ExportStatus;
import dev.nemo.sdk.session.Session;
import dev.nemo.sdk.state.SessionState;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.upload.UploadResult;
import dev.nemo.sdk.upload.UploadedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scenario suite, two servers: {@link EmulatorContractTest} runs it against the testkit's
 * emulator, {@link WireMockContractTest} against WireMock stubs written from the API contract
 * ({@code docs/api-contract.md}). A change to either that the other does not share fails one of
 * them, so the emulator cannot drift from the contract unnoticed.
 *
 * <p>Both servers are asked for the same world: an anonymous client gets a token with 100
 * credits, uploads {@link #GIF} (640x360, 0.4 s) as {@code cat.gif}, asks the agent to compress it
 * (a tool call, its result, a text), exports (pending, processing, completed after two polls) and
 * downloads the file back from a CDN on another origin. Time is virtual.
 */
public abstract class ContractScenarios {
    /** The uploaded GIF: 640x360, three frames of 10, 10 and 20 cs. */
    protected static final byte[] GIF = gif(640, 360, 10, 10, 20);
    /** The instruction of the chat scenario. */
    protected static final String INSTRUCTION = "compress this GIF to under 500KB";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Virtual clock and sleeper of the client (and of the emulator). */
    protected final VirtualTime time = VirtualTime.create();

    @TempDir
    Path temp;

    private NemoClient client;

    /**
     * A request a server received.
     *
     * @param method  the HTTP method
     * @param path    the path, without the query
     * @param headers the headers (names lower case, first value)
     * @param body    the body as text
     * @param cdn     whether it reached the CDN origin rather than the API
     */
    protected record Seen(String method, String path, Map<String, String> headers, String body, boolean cdn) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
        }
    }

    /**
     * Starts the server under test.
     *
     * @param time the virtual time the client uses
     */
    protected abstract void startServer(VirtualTime time);

    /** Stops it. */
    protected abstract void stopServer();

    /**
     * @param configDirectory where the client may persist its client id
     * @return a client builder aimed at the server: anonymous credentials, no environment, virtual time
     */
    protected abstract NemoClient.Builder clientBuilder(Path configDirectory);

    /**
     * The account has no credits left: its next chat message must be refused with code 2001.
     *
     * @param userId the anonymous account
     */
    protected abstract void arrangeOutOfCredits(String userId);

    /** The next authenticated call finds the current token expired (code 1001). */
    protected abstract void arrangeTokenExpiresOnNextCall();

    /** @return every request received so far, on the API and the CDN, in arrival order */
    protected abstract List<Seen> requests();

    @BeforeEach
    void startClient() {
        startServer(time);
        client = clientBuilder(temp.resolve("config")).build();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        stopServer();
    }

    @Test
    void aFreshAnonymousAccountHas100Credits() {
        Credits credits = client.credits().balance();

        assertThat(credits).isEqualTo(new Credits(100, 0, 100));
        List<Seen> tokenCalls = calls("POST", "/api/auth/anonymous-token");
        assertThat(tokenCalls).singleElement().satisfies(s -> {
            assertThat(s.header("X-Client-Id")).isPresent();
            assertThat(s.header("Authorization")).isEmpty();
        });
        assertThat(calls("GET", "/api/credits/balance/simple"))
                .singleElement()
                .satisfies(s -> assertThat(s.header("Authorization"))
                        .hasValueSatisfying(a -> assertThat(a).startsWith("Bearer nmv_usr_")));
    }

    @Test
    void aSessionHasASnowflakeIdATaskAndTheAnonymousOwner() {
        Session session = client.sessions().create();

        assertThat(session.sessionId()).matches("\\d{15,20}");
        assertThat(session.taskId()).isNotBlank();
        assertThat(session.userId()).hasValueSatisfying(u -> assertThat(u).startsWith("anon_"));
        JsonNode body = json(
                calls("POST", "/api/tasks/me/with-session/nemo_agent").get(0).body());
        assertThat(body.path("task_name").asText()).isEqualTo("project");
    }

    @Test
    void anUploadStoresTheFileWithWhatItIs() throws IOException {
        Session session = client.sessions().create();

        UploadResult upload = client.uploads().upload(session.sessionId(), gifFile());

        assertThat(upload.sessionStateApplied()).hasValue(true);
        UploadedFile file = upload.files().get(0);
        assertThat(file.fileName()).hasValue("cat.gif");
        assertThat(file.fileType()).hasValue("image");
        assertThat(file.width()).hasValue(640);
        assertThat(file.height()).hasValue(360);
        assertThat(file.durationSeconds()).hasValue(0.4);
        assertThat(file.url()).hasValueSatisfying(u -> assertThat(u).startsWith("http"));
        Seen sent = calls("POST", "/api/upload-video/nemo_agent/me/" + session.sessionId())
                .get(0);
        // the form field is "files" (both servers refuse anything else)
        assertThat(sent.header("Content-Type"))
                .hasValueSatisfying(c -> assertThat(c).startsWith("multipart/form-data"));
    }

    @Test
    void theStateShowsTheMediaAndAnExportableDraft() throws IOException {
        Session session = client.sessions().create();
        assertThat(client.state().get(session.sessionId()).hasAssets()).isFalse();
        client.uploads().upload(session.sessionId(), gifFile());

        SessionState state = client.state().get(session.sessionId());

        assertThat(state.sessionId()).hasValue(session.sessionId());
        assertThat(state.videoInfos()).hasSize(1);
        assertThat(state.isExportable()).isTrue();
        assertThat(state.draft().orElseThrow().summary()).isEqualTo("Timeline (1 track): 1. Video: cat.gif (0-0.4s)");
        assertThat(state.draft().orElseThrow().duration()).hasValue(Duration.ofMillis(400));
    }

    @Test
    void chatStreamsAToolCallItsResultAndTheAgentsText() throws IOException {
        Session session = client.sessions().create();
        client.uploads().upload(session.sessionId(), gifFile());

        ChatResult result = client.chat().send(session.sessionId(), INSTRUCTION);

        assertThat(result.end()).isEqualTo(ChatEnd.COMPLETED_WITH_TEXT);
        assertThat(result.toolCalls()).extracting(ChatEvent.ToolCall::name).containsExactly("edit_multitrack");
        assertThat(result.toolResults()).extracting(ChatEvent.ToolResult::name).containsExactly("edit_multitrack");
        assertThat(result.toolCalls().get(0).callId())
                .isEqualTo(result.toolResults().get(0).callId());
        assertThat(result.text()).contains("500 KB");
        assertThat(result.events())
                .filteredOn(e -> !e.isHeartbeat())
                .allSatisfy(e -> assertThat(e.info().author()).isEqualTo("nemo_agent"));
        Seen sent = calls("POST", "/run_sse").get(0);
        assertThat(sent.header("Accept")).hasValue("text/event-stream");
        JsonNode body = json(sent.body());
        assertThat(body.path("app_name").asText()).isEqualTo("nemo_agent");
        assertThat(body.path("user_id").asText()).isEqualTo("me");
        assertThat(body.path("session_id").asText()).isEqualTo(session.sessionId());
        assertThat(body.at("/new_message/parts/0/text").asText()).isEqualTo(INSTRUCTION);
        // the edit is in the session state afterwards
        JsonNode meta = json(client.state()
                        .get(session.sessionId())
                        .draft()
                        .orElseThrow()
                        .toJson()
                        .toJson())
                .path("m");
        assertThat(meta.path("target_size_bytes").asLong()).isEqualTo(512_000);
    }

    @Test
    void anExportIsSubmittedPolledToCompletionAndDownloadedFromTheCdnWithoutCredentials() throws IOException {
        Session session = client.sessions().create();
        client.uploads().upload(session.sessionId(), gifFile());
        SessionState state = client.state().get(session.sessionId());

        ExportPoller poller =
                client.exports().submit(session.sessionId(), state.draft().orElseThrow(), ExportOptions.defaults());
        assertThat(poller.latest())
                .hasValueSatisfying(j -> assertThat(j.status()).isEqualTo(ExportStatus.PENDING));
        ExportJob done = poller.waitForCompletion();
        DownloadResult file = client.exports().download(done, temp.resolve("out.gif"));

        assertThat(done.status()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(done.progress()).hasValue(100);
        assertThat(Files.readAllBytes(file.path())).isEqualTo(GIF);
        assertThat(file.usedFallback()).isFalse();
        // pending -> processing -> completed: two polls, 30 s apart, the first 30 s after submitting
        assertThat(requests().stream()
                        .filter(s -> s.method().equals("GET")
                                && s.path().equals("/api/render/proxy/lambda/" + poller.renderId())))
                .hasSize(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
        JsonNode submitted =
                json(calls("POST", "/api/render/proxy/lambda").get(0).body());
        assertThat(submitted.path("id").asText()).isEqualTo(poller.renderId());
        assertThat(submitted.path("sessionId").asText()).isEqualTo(session.sessionId());
        assertThat(submitted.path("draft"))
                .isEqualTo(json(state.draft().orElseThrow().toJsonString()));
        assertThat(submitted.path("output")).isEqualTo(json("{\"format\":\"mp4\",\"quality\":\"high\"}"));
        assertThat(calls("POST", "/api/render/proxy/lambda").get(0).header("X-Skill-Source"))
                .isPresent();
        List<Seen> cdn = requests().stream().filter(Seen::cdn).collect(Collectors.toList());
        assertThat(cdn).isNotEmpty().allSatisfy(s -> {
            assertThat(s.header("Authorization")).isEmpty();
            assertThat(s.header("X-Skill-Source")).isEmpty();
        });
    }

    @Test
    void aChatWithoutCreditsIsRefusedWithCode2001AndTheBindLink() throws IOException {
        Session session = client.sessions().create();
        client.uploads().upload(session.sessionId(), gifFile());
        String userId = session.userId().orElseThrow();
        arrangeOutOfCredits(userId);

        assertThatThrownBy(() -> client.chat().send(session.sessionId(), INSTRUCTION))
                .isInstanceOfSatisfying(InsufficientCreditsException.class, e -> {
                    assertThat(e.apiCode()).hasValue(2001);
                    assertThat(e.bindUrl()).hasValue(InsufficientCreditsException.REGISTER_URL + userId);
                });
        assertThat(calls("POST", "/run_sse")).hasSize(1);
    }

    @Test
    void anExpiredAnonymousTokenIsRenewedOnceWithTheSameClientId() {
        assertThat(client.credits().balance().available()).isEqualTo(100);
        arrangeTokenExpiresOnNextCall();

        assertThat(client.credits().balance().available()).isEqualTo(100);

        List<Seen> tokens = calls("POST", "/api/auth/anonymous-token");
        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(1).header("X-Client-Id")).isEqualTo(tokens.get(0).header("X-Client-Id"));
        List<Seen> credits = calls("GET", "/api/credits/balance/simple");
        assertThat(credits).hasSize(3);
        assertThat(credits.get(1).header("Authorization"))
                .isEqualTo(credits.get(0).header("Authorization"));
        assertThat(credits.get(2).header("Authorization"))
                .isNotEqualTo(credits.get(1).header("Authorization"));
    }

    private List<Seen> calls(String method, String path) {
        return requests().stream()
                .filter(s -> !s.cdn() && s.method().equals(method) && s.path().equals(path))
                .collect(Collectors.toList());
    }

    private Path gifFile() throws IOException {
        return Files.write(temp.resolve("cat.gif"), GIF);
    }

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }

    /** An animated GIF89a of that logical size, one 1x1 frame per delay (centiseconds). */
    static byte[] gif(int width, int height, int... delaysCs) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) width, (byte) (width >> 8), (byte) height, (byte) (height >> 8)});
        out.writeBytes(new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
        for (int delay : delaysCs) {
            out.writeBytes(new byte[] {
                0x21,
                (byte) 0xf9,
                0x04,
                0x04,
                (byte) delay,
                (byte) (delay >> 8),
                0x00,
                0x00,
                0x2c,
                0,
                0,
                0,
                0,
                1,
                0,
                1,
                0,
                0,
                0x02,
                0x02,
                0x44,
                0x01,
                0x00
            });
        }
        out.write(0x3b);
        return out.toByteArray();
    }
}
