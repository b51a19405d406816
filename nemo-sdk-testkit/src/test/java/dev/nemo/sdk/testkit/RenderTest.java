package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.testkit.internal.JsonBridge;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The render proxy: submit rules, pacing, cancel, downloads, the CDN, and the {@link Renderer} SPI. */
class RenderTest {
    private final VirtualTime time = VirtualTime.create();
    private NemoEmulator emulator;
    private Http http;
    private String sid;
    private byte[] gif;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private void start(EmulatorOptions.Builder options) {
        emulator = NemoEmulator.start(
                options.clock(time).silentEdits(SilentEdits.NEVER).build());
        http = new Http(emulator).login("render-client");
        sid = http.newSession();
        gif = TestMedia.gif(1280, 720, 100, 100, 100);
        http.upload(sid, Http.Part.file("source.gif", gif));
    }

    private String submitBody(String id) {
        ObjectNode body = Http.JSON.createObjectNode().put("id", id).put("sessionId", sid);
        body.set("draft", JsonBridge.toJackson(emulator.draft(sid).orElseThrow()));
        return body.toString();
    }

    private JsonNode poll(String id) {
        return Http.json(http.get("/api/render/proxy/lambda/" + id));
    }

    @Test
    void submitRules() {
        start(EmulatorOptions.builder());
        assertThat(Http.json(http.post("/api/render/proxy/lambda", submitBody("render_1")))
                        .path("success")
                        .asBoolean())
                .isTrue();

        HttpResponse<String> duplicate = http.post("/api/render/proxy/lambda", submitBody("render_1"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(Http.json(duplicate).path("success").asBoolean()).isFalse();
        assertThat(Http.json(duplicate).path("error").asText()).contains("render_1");

        http.attribution = false;
        HttpResponse<String> unattributed = http.post("/api/render/proxy/lambda", submitBody("render_2"));
        assertThat(unattributed.statusCode()).isEqualTo(402);
        assertThat(Http.json(unattributed).path("error").asText()).contains("X-Skill-Source");
        http.attribution = true;

        JsonNode unknownSession = Http.json(http.post(
                "/api/render/proxy/lambda",
                "{\"id\":\"render_3\",\"sessionId\":\"999\",\"draft\":{\"t\":[{\"tt\":0,\"sg\":[{}]}]}}"));
        assertThat(unknownSession.path("code").asInt()).isEqualTo(1002);
        assertThat(unknownSession.path("success").asBoolean()).isFalse();

        assertThat(http.post("/api/render/proxy/lambda", "{\"sessionId\":\"" + sid + "\",\"draft\":{}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.post(
                                "/api/render/proxy/lambda",
                                "{\"id\":\"r4\",\"sessionId\":\"" + sid + "\",\"draft\":{\"t\":[]}}")
                        .statusCode())
                .as("not exportable")
                .isEqualTo(400);
        assertThat(emulator.renders()).extracting(EmulatorRender::id).containsExactly("render_1");
    }

    @Test
    void pollCountPacingGoesPendingProcessingCompleted() {
        start(EmulatorOptions.builder().renderPacing(RenderPacing.afterPolls(3)));
        JsonNode submitted = Http.json(http.post("/api/render/proxy/lambda", submitBody("r1")))
                .path("data");
        assertThat(submitted.path("status").asText()).isEqualTo("pending");
        assertThat(submitted.path("progress").asInt()).isEqualTo(5);
        assertThat(submitted.path("createdAt").asLong()).isEqualTo(time.millis());

        assertThat(poll("r1").at("/data/status").asText()).isEqualTo("processing");
        assertThat(poll("r1").at("/data/progress").asInt()).isEqualTo(65);
        JsonNode done = poll("r1").path("data");
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("completedAt").asLong()).isEqualTo(time.millis());
        assertThat(done.path("size").asInt()).isEqualTo(gif.length);
        assertThat(poll("r1").path("data")).as("stable once completed").isEqualTo(done);
        assertThat(emulator.render("r1"))
                .hasValueSatisfying(r -> assertThat(r.polls()).isEqualTo(4));
    }

    @Test
    void clockPacingFollowsTheInjectedClock() {
        start(EmulatorOptions.builder().renderPacing(RenderPacing.afterTime(Duration.ofSeconds(30))));
        http.post("/api/render/proxy/lambda", submitBody("r1"));

        assertThat(poll("r1").at("/data/status").asText()).isEqualTo("pending");
        time.advance(Duration.ofSeconds(15));
        JsonNode half = poll("r1").path("data");
        assertThat(half.path("status").asText()).isEqualTo("processing");
        assertThat(half.path("progress").asInt()).isEqualTo(50);
        time.advance(Duration.ofSeconds(15));
        assertThat(poll("r1").at("/data/status").asText()).isEqualTo("completed");
    }

    @Test
    void aCancelledRenderFailsAndCannotBeDownloaded() {
        start(EmulatorOptions.builder());
        http.post("/api/render/proxy/lambda", submitBody("r1"));

        JsonNode cancelled =
                Http.json(http.post("/api/render/proxy/lambda/r1/cancel", null)).path("data");
        assertThat(cancelled.path("status").asText()).isEqualTo("failed");
        assertThat(cancelled.path("error").asText()).contains("Cancelled");
        assertThat(poll("r1").at("/data/status").asText()).isEqualTo("failed");
        assertThat(http.post("/api/render/proxy/lambda/r1/cancel", null).statusCode())
                .isEqualTo(409);
        assertThat(http.get("/api/render/proxy/r1/download").statusCode()).isEqualTo(409);
        assertThat(http.post("/api/render/proxy/lambda/nope/cancel", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theAuthenticatedDownloadServesTheOutputAndRendersArePrivate() {
        start(EmulatorOptions.builder().renderPacing(RenderPacing.afterPolls(1)));
        http.post("/api/render/proxy/lambda", submitBody("r1"));
        assertThat(http.get("/api/render/proxy/r1/download").statusCode())
                .as("not done yet")
                .isEqualTo(409);
        poll("r1");

        HttpResponse<byte[]> download =
                http.getBytes(http.uri("/api/render/proxy/r1/download").toString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(gif);
        assertThat(download.headers().firstValue("content-disposition"))
                .hasValueSatisfying(v -> assertThat(v).contains("r1.gif"));

        Http other = new Http(emulator).login("someone-else");
        assertThat(other.get("/api/render/proxy/lambda/r1").statusCode()).isEqualTo(404);
        assertThat(other.get("/api/render/proxy/r1/download").statusCode()).isEqualTo(404);
        http.token = null;
        assertThat(Http.json(http.get("/api/render/proxy/r1/download"))
                        .path("code")
                        .asInt())
                .isEqualTo(1001);
    }

    @Test
    void cdnFaultsApplyToTheCdnPort() {
        start(EmulatorOptions.builder().renderPacing(RenderPacing.afterPolls(1)));
        http.post("/api/render/proxy/lambda", submitBody("r1"));
        String url = poll("r1").at("/data/outputUrl").asText();
        emulator.faults().on(Endpoint.CDN).status(503);

        assertThat(new Http(emulator).getBytes(url).statusCode()).isEqualTo(503);
        assertThat(new Http(emulator).getBytes(url).statusCode()).isEqualTo(200);
        assertThat(new Http(emulator)
                        .getBytes(emulator.cdnUrl() + "/render-result/missing.mp4")
                        .statusCode())
                .isEqualTo(404);
        assertThat(emulator.cdnRequests()).hasSize(3);
    }

    @Test
    void aRendererGetsTheDraftSettingsAndTheSourcesAndItsOutputIsServed() {
        AtomicReference<RenderInput> seen = new AtomicReference<>();
        Renderer engine = new Renderer() {
            @Override
            public String name() {
                return "fake-engine";
            }

            @Override
            public RenderOutput render(RenderInput request) {
                seen.set(request);
                return RenderOutput.of("MP4!".getBytes(StandardCharsets.US_ASCII), "video/mp4", "mp4");
            }
        };
        start(EmulatorOptions.builder().renderer(engine).renderPacing(RenderPacing.afterPolls(1)));
        http.chat(sid, "compress this GIF to under 500KB, convert to 720p MP4 and trim to 2 seconds", false);
        http.post("/api/render/proxy/lambda", submitBody("r1"));

        JsonNode done = poll("r1").path("data");

        assertThat(done.path("renderer").asText()).isEqualTo("fake-engine");
        assertThat(done.path("converted").asBoolean()).isTrue();
        assertThat(done.has("note")).isFalse();
        assertThat(done.path("outputUrl").asText()).endsWith("/render-result/r1.mp4");
        assertThat(new Http(emulator).getBytes(done.path("outputUrl").asText()).body())
                .isEqualTo("MP4!".getBytes(StandardCharsets.US_ASCII));
        RenderInput request = seen.get();
        assertThat(request.format()).isEqualTo("mp4");
        assertThat(request.width()).hasValue(1280);
        assertThat(request.height()).hasValue(720);
        assertThat(request.targetSizeBytes()).hasValue(512_000);
        assertThat(request.durationMillis()).hasValue(2000);
        assertThat(request.primarySource()).hasValueSatisfying(s -> {
            assertThat(s.bytes()).isEqualTo(gif);
            assertThat(s.filename()).isEqualTo("source.gif");
            assertThat(s.width()).hasValue(1280);
            assertThat(s.durationSeconds()).hasValue(3.0);
        });
        assertThat(emulator.rendererName()).isEqualTo("fake-engine");
    }

    @Test
    void aFailingRendererFailsTheRenderWithItsMessage() {
        start(EmulatorOptions.builder().renderPacing(RenderPacing.afterPolls(1)).renderer(new Renderer() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public RenderOutput render(RenderInput request) throws IOException {
                throw new IOException("codec exploded");
            }
        }));
        http.post("/api/render/proxy/lambda", submitBody("r1"));

        JsonNode failed = poll("r1").path("data");

        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error").asText()).contains("codec exploded");
        assertThat(failed.has("outputUrl")).isFalse();
    }

    @Test
    void renderersAreDiscoveredWithTheServiceLoader(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(Renderer.class.getName()), DiscoveredRenderer.class.getName() + "\n");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(
                new java.net.URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            try (NemoEmulator discovered = NemoEmulator.start()) {
                assertThat(discovered.rendererName()).isEqualTo("discovered");
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        try (NemoEmulator plain = NemoEmulator.start()) {
            assertThat(plain.rendererName()).isEqualTo("passthrough");
        }
    }

    /** A renderer found through META-INF/services. */
    public static final class DiscoveredRenderer implements Renderer {
        @Override
        public String name() {
            return "discovered";
        }

        @Override
        public RenderOutput render(RenderInput request) {
            return RenderOutput.of(new byte[] {1}, "video/mp4", "mp4");
        }
    }

    @Test
    void claimTokensAreStablePerSessionAndOwnerOnly() {
        start(EmulatorOptions.builder());
        String taskId = emulator.session(sid).orElseThrow().taskId();
        String body = "{\"task_id\":\"" + taskId + "\",\"session_id\":\"" + sid + "\"}";

        JsonNode first = Http.json(http.post("/api/auth/claim-token", body)).path("data");
        JsonNode second = Http.json(http.post("/api/auth/claim-token", body)).path("data");

        assertThat(first.path("claim_token").asText()).startsWith("clm_");
        assertThat(first.path("expires_in").asLong()).isEqualTo(604800);
        assertThat(second.path("claim_token").asText())
                .isEqualTo(first.path("claim_token").asText());
        assertThat(Http.json(http.post(
                                "/api/auth/claim-token", "{\"task_id\":\"task_x\",\"session_id\":\"" + sid + "\"}"))
                        .path("code")
                        .asInt())
                .isEqualTo(1002);
        assertThat(Http.json(new Http(emulator).login("other").post("/api/auth/claim-token", body))
                        .path("code")
                        .asInt())
                .isEqualTo(1002);
    }
}
