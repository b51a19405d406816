package dev.nemo.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.nemo.sdk.auth.Attribution;
import dev.nemo.sdk.auth.Credentials;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.session.CreateSessionRequest;
import dev.nemo.sdk.session.Session;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.WireMockApi;
import dev.nemo.sdk.testing.WireMockSupport;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class NemoClientTest {
    private static final String CREDITS_OK = "{\"code\":0,\"data\":{\"available\":1,\"frozen\":2,\"total\":3}}";

    @TempDir
    Path dir;
    @RegisterExtension
    final WireMockApi wm = new WireMockApi();

    @BeforeEach
    void setUp() {
        wm.stubFor(post("/api/auth/anonymous-token").willReturn(okJson(
                "{\"code\":0,\"data\":{\"token\":\"" + TestTokens.ANON_1 + "\",\"user_id\":\"anon_1\","
                        + "\"expires_at\":\"2026-12-02T12:00:00Z\",\"credits\":100}}")));
        wm.stubFor(get("/api/credits/balance/simple").willReturn(okJson(CREDITS_OK)));
        wm.stubFor(post("/api/tasks/me/with-session/nemo_agent").willReturn(okJson(
                "{\"code\":0,\"data\":{\"task_id\":\"task_xxx\",\"session_id\":\"18446744073709551617\","
                        + "\"user_id\":\"anon_1\",\"extra\":{}}}")));
    }

    @Test
    void createsASessionWithTheDocumentedBodyAndKeepsIdsAsStrings() {
        try (NemoClient client = wm.client(dir).clientId("cid").build()) {
            Session s = client.sessions().create(new CreateSessionRequest("My Video Project", "zh-CN"));

            assertThat(s.sessionId()).isEqualTo("18446744073709551617");
            assertThat(s.taskId()).isEqualTo("task_xxx");
            assertThat(s.userId()).hasValue("anon_1");
        }
        wm.verify(postRequestedFor(urlEqualTo("/api/tasks/me/with-session/nemo_agent"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"task_name\":\"My Video Project\",\"language\":\"zh-CN\"}")));
    }

    @Test
    void readsCredits() {
        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            assertThat(client.credits().balance()).hasToString("available=1 frozen=2 total=3");
        }
    }

    @Test
    void everyRequestCarriesAttributionAndUserAgent() {
        Attribution attribution = new Attribution("my-app", "9.9", "cursor");
        try (NemoClient client = wm.client(dir).clientId("cid").attribution(attribution)
                .build()) {
            client.sessions().create();
            client.credits().balance();
        }
        wm.verify(exactly(3), anyRequestedFor(anyUrl())
                .withHeader("X-Skill-Source", equalTo("my-app"))
                .withHeader("X-Skill-Version", equalTo("9.9"))
                .withHeader("X-Skill-Platform", equalTo("cursor"))
                .withHeader("User-Agent", matching("nemo-sdk-java/[^ ]+ \\(Java [0-9]+.*\\)")));
        wm.verify(postRequestedFor(urlEqualTo("/api/auth/anonymous-token"))
                .withHeader("X-Client-Id", equalTo("cid"))
                .withHeader("Authorization", absent()));
    }

    @Test
    void defaultAttributionIsTheGifCompressorWithTheSdkVersion() {
        Attribution a = Attribution.defaults();
        assertThat(a.source()).isEqualTo("ai-gif-compressor");
        assertThat(a.version()).isNotBlank().isNotEqualTo("unknown");
        assertThat(a.platform()).isIn("clawhub", "cursor", "unknown");
    }

    @Test
    void baseUrlComesFromTheEnvironmentWhenNotSet() {
        try (NemoClient client = NemoClient.builder()
                .environment(Map.of("NEMO_API_URL", wm.baseUrl() + "/", "NEMO_TOKEN", TestTokens.EXPLICIT))
                .configDirectory(dir).build()) {
            assertThat(client.baseUrl().toString()).isEqualTo(wm.baseUrl());
            client.credits().balance();
        }
        try (NemoClient client = NemoClient.builder().environment(Map.of()).configDirectory(dir)
                .token(TestTokens.EXPLICIT).build()) {
            assertThat(client.baseUrl().toString()).isEqualTo(NemoClient.DEFAULT_BASE_URL);
        }
    }

    @Test
    void clientIdComesFromTheEnvironmentThenFromThePersistedFile() throws Exception {
        try (NemoClient client = NemoClient.builder().baseUrl(wm.baseUrl())
                .environment(Map.of("NEMO_CLIENT_ID", "env-id")).configDirectory(dir).build()) {
            assertThat(client.clientId()).hasValue("env-id");
        }
        String persisted;
        try (NemoClient client = NemoClient.builder().baseUrl(wm.baseUrl()).environment(Map.of())
                .configDirectory(dir).build()) {
            persisted = client.clientId().orElseThrow();
            client.credits().balance();
        }
        try (NemoClient again = NemoClient.builder().baseUrl(wm.baseUrl()).environment(Map.of())
                .configDirectory(dir).build()) {
            assertThat(again.clientId()).hasValue(persisted);
        }
        assertThat(java.nio.file.Files.readString(dir.resolve("client_id")).strip()).isEqualTo(persisted);
        wm.verify(postRequestedFor(urlEqualTo("/api/auth/anonymous-token")).withHeader("X-Client-Id",
                equalTo(persisted)));
    }

    @Test
    void toStringAndCredentialsNeverShowTheToken() {
        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            assertThat(client.toString()).doesNotContain(TestTokens.MARKER).contains("nmv_usr_***");
        }
        assertThat(Credentials.token(TestTokens.EXPLICIT).toString()).doesNotContain(TestTokens.MARKER);
        assertThat(dev.nemo.sdk.auth.AccessToken.of(TestTokens.EXPLICIT).toString()).doesNotContain(TestTokens.MARKER);
    }

    @Test
    void toBuilderDerivesAChangedCopySharingTokenCacheAndPool() {
        try (NemoClient client = wm.client(dir).clientId("cid").build()) {
            client.credits().balance();
            try (NemoClient copy = client.toBuilder().attribution(new Attribution("other", "1", "unknown")).build()) {
                copy.credits().balance();
                assertThat(copy.attribution().source()).isEqualTo("other");
                assertThat(client.attribution().source()).isEqualTo("ai-gif-compressor");
            }
            // the original still works after the copy is closed: shared resources are reference counted
            client.credits().balance();
        }
        wm.verify(exactly(1), postRequestedFor(urlEqualTo("/api/auth/anonymous-token")));
        wm.verify(exactly(2), getRequestedFor(urlEqualTo("/api/credits/balance/simple"))
                .withHeader("X-Skill-Source", equalTo("ai-gif-compressor")));
        wm.verify(exactly(1), getRequestedFor(urlEqualTo("/api/credits/balance/simple"))
                .withHeader("X-Skill-Source", equalTo("other")));
    }

    @Test
    void closeLeavesNoSdkThreadsRunning() throws Exception {
        NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build();
        NemoClient copy = client.toBuilder().build();
        client.credits().balance();
        client.close();
        copy.credits().balance();
        copy.close();
        copy.close();

        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        Set<String> alive;
        do {
            alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(n -> n.startsWith("nemo-sdk")).collect(Collectors.toSet());
            if (alive.isEmpty()) {
                break;
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        assertThat(alive).isEmpty();
    }

    @Test
    void aUserSuppliedHttpClientIsUsedAndLeftOpen() {
        HttpClient mine = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).httpClient(mine)
                .build()) {
            client.credits().balance();
        }
        // still usable by its owner: a new client on the same HttpClient works
        try (NemoClient again = wm.client(dir).token(TestTokens.EXPLICIT).httpClient(mine)
                .build()) {
            assertThat(again.credits().balance().total()).isEqualTo(3);
        }
    }

    @Test
    void sameOriginRedirectsAreFollowedWithCredentials() {
        wm.stubFor(get("/api/credits/balance/simple").willReturn(aResponse().withStatus(307)
                .withHeader("Location", "/v2/credits")));
        wm.stubFor(get("/v2/credits").willReturn(okJson(CREDITS_OK)));

        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            assertThat(client.credits().balance().available()).isEqualTo(1);
        }
        wm.verify(getRequestedFor(urlEqualTo("/v2/credits"))
                .withHeader("Authorization", equalTo("Bearer " + TestTokens.EXPLICIT)));
    }

    @Test
    void redirectsToAnotherOriginAreRefusedAndNothingIsSentThere() {
        WireMockServer other = WireMockSupport.startWithJournal();
        try {
            other.stubFor(get(anyUrl()).willReturn(okJson(CREDITS_OK)));
            wm.stubFor(get("/api/credits/balance/simple").willReturn(aResponse().withStatus(302)
                    .withHeader("Location", other.baseUrl() + "/steal")));

            try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
                assertThatThrownBy(() -> client.credits().balance())
                        .isInstanceOf(NemoException.class)
                        .hasMessageContaining("another origin");
            }
            other.verify(exactly(0), anyRequestedFor(anyUrl()));
        } finally {
            other.stop();
        }
    }

    @Test
    void invalidSettingsFailAtBuildTime() {
        assertThatThrownBy(() -> NemoClient.builder().baseUrl("ftp://x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NemoClient.builder().clientId("x".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NemoClient.builder().requestTimeout(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Credentials.token(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void asyncCallsSendNothingUntilInvokedAndRethrowTypedErrors() throws Exception {
        wm.stubFor(get("/api/credits/balance/simple").willReturn(okJson("{\"code\":1002}")));
        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            var future = client.credits().balanceAsync(RequestOptions.none());
            assertThatThrownBy(future::join).hasCauseInstanceOf(dev.nemo.sdk.error.SessionNotFoundException.class);
        }
    }

    @Test
    void debugLogsShowMethodPathStatusAndDurationButNoSecrets() throws Exception {
        String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
        org.junit.jupiter.api.Assumptions.assumeTrue(logFile != null, "the suite logs to a file");
        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            client.credits().balance();
        }
        String log = java.nio.file.Files.readString(Path.of(logFile));
        assertThat(log).containsPattern("<-- 200 GET /api/credits/balance/simple \\(\\d+ ms\\)");
        assertThat(log).doesNotContain(TestTokens.MARKER).doesNotContain("Authorization");
    }
}
