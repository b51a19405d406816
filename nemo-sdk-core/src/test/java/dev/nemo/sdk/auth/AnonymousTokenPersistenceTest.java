package dev.nemo.sdk.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.WireMockApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The server issues one anonymous token per client id per 7 days: a new process must reuse it. */
class AnonymousTokenPersistenceTest {
    private static final String TOKEN = "/api/auth/anonymous-token";
    private static final String CREDITS = "/api/credits/balance/simple";

    @TempDir
    Path dir;
    @RegisterExtension
    final WireMockApi wm = new WireMockApi();

    @BeforeEach
    void setUp() {
        wm.stubFor(post(TOKEN).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"code\":0,\"data\":{\"token\":\"" + TestTokens.ANON_1
                        + "\",\"user_id\":\"anon_1\",\"expires_at\":\"2026-12-02T12:00:00Z\"}}"))
                .willSetStateTo("second"));
        wm.stubFor(post(TOKEN).inScenario("t").whenScenarioStateIs("second")
                .willReturn(okJson("{\"code\":0,\"data\":{\"token\":\"" + TestTokens.ANON_2
                        + "\",\"expires_at\":\"2026-12-09T12:00:00Z\"}}")));
        wm.stubFor(get(CREDITS).willReturn(okJson("{\"code\":0,\"data\":{\"available\":1,\"frozen\":0,\"total\":1}}")));
    }

    private NemoClient client() {
        return wm.client(dir).clientId("cid").build();
    }

    @Test
    void aSecondClientReusesTheSavedTokenInsteadOfAskingAgain() throws Exception {
        try (NemoClient first = client()) {
            first.credits().balance();
        }
        try (NemoClient second = client()) {
            second.credits().balance();
        }

        wm.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN)));
        wm.verify(exactly(2), getRequestedFor(urlEqualTo(CREDITS))
                .withHeader("Authorization", equalTo("Bearer " + TestTokens.ANON_1)));
        Path file = dir.resolve("anonymous-token.json");
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void anExpiredSavedTokenIsRenewedWithTheSameClientIdAndReplaced() throws Exception {
        try (NemoClient first = client()) {
            first.credits().balance();
        }
        wm.time().advance(java.time.Duration.ofDays(8));
        try (NemoClient second = client()) {
            second.credits().balance();
        }

        wm.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN)).withHeader("X-Client-Id", equalTo("cid")));
        wm.verify(getRequestedFor(urlEqualTo(CREDITS)).withHeader("Authorization", equalTo("Bearer " + TestTokens.ANON_2)));
        assertThat(Files.readString(dir.resolve("anonymous-token.json"))).contains(TestTokens.ANON_2)
                .doesNotContain(TestTokens.ANON_1);
    }

    @Test
    void tokensAreKeptPerServerAndClientId() {
        try (NemoClient first = client()) {
            first.credits().balance();
        }
        try (NemoClient other = wm.client(dir).clientId("other-id").build()) {
            other.credits().balance();
        }

        wm.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN)).withHeader("X-Client-Id", equalTo("other-id")));
    }

    @Test
    void persistenceCanBeTurnedOff() {
        try (NemoClient first = wm.client(dir).clientId("cid").persistAnonymousToken(false)
                .build()) {
            first.credits().balance();
        }
        try (NemoClient second = wm.client(dir).clientId("cid").persistAnonymousToken(false)
                .build()) {
            second.credits().balance();
        }

        wm.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN)));
        assertThat(dir.resolve("anonymous-token.json")).doesNotExist();
    }

    @Test
    void aCorruptFileIsIgnored() throws Exception {
        Files.writeString(dir.resolve("anonymous-token.json"), "{not json");
        try (NemoClient c = client()) {
            assertThat(c.credits().balance().available()).isEqualTo(1);
        }
        wm.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN)));
    }

    @Test
    void aFileWhoseTokensAreNotAnObjectIsRepairedOnSave() throws Exception {
        Files.writeString(dir.resolve("anonymous-token.json"), "{\"tokens\":[],\"other\":1}");
        try (NemoClient first = client()) {
            first.credits().balance();
        }
        try (NemoClient second = client()) {
            second.credits().balance();
        }

        wm.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN)));
        assertThat(Files.readString(dir.resolve("anonymous-token.json"))).contains(TestTokens.ANON_1)
                .contains("\"other\":1");
    }
}
