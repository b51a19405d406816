package dev.nemo.sdk.state;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.draft.DraftFixtures;
import dev.nemo.sdk.error.DecodeException;
import dev.nemo.sdk.error.SessionNotFoundException;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.WireMockApi;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateApiTest {
    private static final String PATH = "/api/state/nemo_agent/me/5529798706024415232/latest";

    @TempDir
    Path dir;
    @RegisterExtension
    final WireMockApi wm = new WireMockApi();
    private NemoClient client;

    @BeforeEach
    void start() {
        client = wm.client(dir).token(TestTokens.EXPLICIT).build();
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void readsTheLatestState() {
        wm.stubFor(get(PATH).willReturn(okJson(DraftFixtures.resource("/drafts/state-latest.json"))));

        SessionState s = client.state().get("5529798706024415232");

        assertThat(s.draft().orElseThrow().summary()).startsWith("Timeline (3 tracks)");
        assertThat(s.isExportable()).isTrue();
        assertThat(s.draft().orElseThrow().toJsonString()).isEqualTo(DraftFixtures.seedDraftJson());
        wm.verify(getRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + TestTokens.EXPLICIT))
                .withHeader("X-Skill-Source", equalTo("ai-gif-compressor")));
    }

    @Test
    void asyncReadsTheSameAndSendsNothingBeforeTheCall() throws Exception {
        wm.stubFor(get(PATH).willReturn(okJson("{\"code\":0,\"data\":{\"state\":{\"video_infos\":[{}]}}}")));

        SessionState s = client.state().getAsync("5529798706024415232", RequestOptions.none()).get(30, TimeUnit.SECONDS);

        assertThat(s.hasAssets()).isTrue();
        assertThat(s.hasDraft()).isFalse();
    }

    @Test
    void nullDataIsAnEmptyState() {
        wm.stubFor(get(PATH).willReturn(okJson("{\"code\":0,\"data\":null}")));
        assertThat(client.state().get("5529798706024415232")).isEqualTo(SessionState.empty());
    }

    @Test
    void dataOfAnotherShapeIsADecodeError() {
        wm.stubFor(get(PATH).willReturn(okJson("{\"code\":0,\"data\":[1,2]}")));
        assertThatThrownBy(() -> client.state().get("5529798706024415232")).isInstanceOf(DecodeException.class)
                .hasMessageContaining("array");
    }

    @Test
    void sessionNotFound() {
        wm.stubFor(get(PATH).willReturn(okJson("{\"code\":1002,\"message\":\"session not found\"}")));
        assertThatThrownBy(() -> client.state().get("5529798706024415232")).isInstanceOf(SessionNotFoundException.class);
    }

    @Test
    void serverErrorsAreRetriedBecauseReadingIsIdempotent() {
        wm.stubFor(get(PATH).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        wm.stubFor(get(PATH).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"code\":0,\"data\":{\"state\":{\"draft\":{\"t\":[{\"sg\":[{}]}]}}}}")));

        assertThat(client.state().get("5529798706024415232").isExportable()).isTrue();
        wm.verify(2, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void sessionIdIsEncodedAsOnePathSegment() {
        String path = "/api/state/nemo_agent/me/a%2F..%3Fx%3D1%20%C3%A9/latest";
        wm.stubFor(get(urlEqualTo(path)).willReturn(okJson("{\"code\":0,\"data\":{}}")));

        client.state().get("a/..?x=1 é");

        wm.verify(getRequestedFor(urlEqualTo(path)));
        assertThatThrownBy(() -> client.state().get(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.state().get("..")).isInstanceOf(IllegalArgumentException.class);
    }
}
