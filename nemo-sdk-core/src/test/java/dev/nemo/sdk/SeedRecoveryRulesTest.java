package dev.nemo.sdk;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.nemo.sdk.error.InsufficientCreditsException;
import dev.nemo.sdk.error.MissingClientIdException;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.WireMockApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The seed's recovery rules that issue 11 completes: a refused client id, and the 2001 bind link. */
class SeedRecoveryRulesTest {
    private static final String TOKEN = "/api/auth/anonymous-token";
    private static final String CREDITS = "/api/credits/balance/simple";
    private static final String SESSIONS = "/api/tasks/me/with-session/nemo_agent";
    private static final String CREDITS_OK = "{\"code\":0,\"data\":{\"available\":5,\"frozen\":0,\"total\":5}}";
    private static final String ANON_OK = "{\"code\":0,\"data\":{\"token\":\"" + TestTokens.ANON_1
            + "\",\"user_id\":\"anon_from_token\"}}";

    @TempDir
    Path dir;
    @RegisterExtension
    final WireMockApi wm = new WireMockApi();

    @Test
    void aRefusedClientIdIsReplacedOncePersistedAndTheTokenCallSentOnceMore() throws Exception {
        Files.writeString(dir.resolve("client_id"), "refused-id\n");
        wm.stubFor(post(TOKEN).withHeader("X-Client-Id", equalTo("refused-id"))
                .willReturn(aResponse().withStatus(400).withBody("{\"detail\":\"bad client id\"}")));
        wm.stubFor(post(TOKEN).withHeader("X-Client-Id", matching("[0-9a-f-]{36}")).willReturn(okJson(ANON_OK)));
        wm.stubFor(get(CREDITS).willReturn(okJson(CREDITS_OK)));

        try (NemoClient client = wm.client(dir).build()) {
            assertThat(client.credits().balance().available()).isEqualTo(5);
            String persisted = Files.readString(dir.resolve("client_id"), StandardCharsets.UTF_8).strip();
            assertThat(persisted).isNotEqualTo("refused-id").matches("[0-9a-f-]{36}");
            assertThat(client.clientId()).hasValue(persisted);
        }
        List<LoggedRequest> tokenCalls = wm.findAll(postRequestedFor(urlEqualTo(TOKEN)));
        assertThat(tokenCalls).extracting(r -> r.getHeader("X-Client-Id"))
                .hasSize(2).first().isEqualTo("refused-id");
    }

    @Test
    void aClientIdRefusedTwiceIsRaisedAfterExactlyTwoTokenCalls() {
        wm.stubFor(post(TOKEN).willReturn(aResponse().withStatus(400)));

        try (NemoClient client = wm.client(dir).clientId("chosen-by-user").build()) {
            assertThatThrownBy(() -> client.credits().balance()).isInstanceOf(MissingClientIdException.class);
            // an id the user chose is replaced in memory only; the file is not written
            assertThat(dir.resolve("client_id")).doesNotExist();
        }
        wm.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN)));
        wm.verify(exactly(0), getRequestedFor(urlEqualTo(CREDITS)));
    }

    @Test
    void anAnonymousNemoTokenGetsTheBindLinkFromTheNewSessionsUserId() {
        wm.stubFor(post(SESSIONS).willReturn(okJson("{\"code\":0,\"data\":{\"task_id\":\"t1\",\"session_id\":\"s1\","
                + "\"user_id\":\"anon_env_user\"}}")));
        wm.stubFor(get(CREDITS).willReturn(okJson("{\"code\":2001,\"message\":\"out of credits\"}")));

        try (NemoClient client = wm.client(dir)
                .environment(Map.of("NEMO_TOKEN", TestTokens.EXPLICIT)).build()) {
            client.sessions().create();
            InsufficientCreditsException e = catchThrowableOfType(InsufficientCreditsException.class,
                    () -> client.credits().balance());
            assertThat(e.bindUrl()).hasValue("https://nemovideo.com/register?bind=anon_env_user");
        }
        wm.verify(exactly(0), postRequestedFor(urlEqualTo(TOKEN)));
    }

    @Test
    void theStateAnswerAlsoTeachesTheAnonymousUserId() {
        wm.stubFor(get("/api/state/nemo_agent/me/s1/latest").willReturn(okJson(
                "{\"code\":0,\"data\":{\"user_id\":\"anon_from_state\",\"state\":{}}}")));
        wm.stubFor(get(CREDITS).willReturn(okJson("{\"code\":2001}")));

        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            client.state().get("s1");
            InsufficientCreditsException e = catchThrowableOfType(InsufficientCreditsException.class,
                    () -> client.credits().balance());
            assertThat(e.bindUrl()).hasValue("https://nemovideo.com/register?bind=anon_from_state");
        }
    }

    @Test
    void aRegisteredUserIdIsNotABindLink() {
        wm.stubFor(post(SESSIONS).willReturn(okJson("{\"code\":0,\"data\":{\"task_id\":\"t1\",\"session_id\":\"s1\","
                + "\"user_id\":\"usr_42\"}}")));
        wm.stubFor(get(CREDITS).willReturn(okJson("{\"code\":2001}")));

        try (NemoClient client = wm.client(dir).token(TestTokens.EXPLICIT).build()) {
            client.sessions().create();
            InsufficientCreditsException e = catchThrowableOfType(InsufficientCreditsException.class,
                    () -> client.credits().balance());
            assertThat(e.bindUrl()).isEmpty();
        }
    }
}
