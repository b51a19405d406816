package dev.nemo.sdk.reactive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.testing.WireMockSupport;
import java.nio.file.Path;

/** Endpoints, canned responses and clients for the reactive tests. */
final class Stubs {
    static final String CREDITS = "/api/credits/balance/simple";
    static final String SESSIONS = "/api/tasks/me/with-session/nemo_agent";
    static final String SESSION_ID = "5529798706024415232";

    private Stubs() {}

    /** A core client with an explicit token against {@code server}; the reactive client replaces its sleeper. */
    static NemoClient core(WireMockServer server, Path dir) {
        return WireMockSupport.client(server, VirtualTime.create(), dir)
                .token(TestTokens.EXPLICIT)
                .build();
    }

    static MappingBuilder credits() {
        return get(CREDITS);
    }

    static ResponseDefinitionBuilder creditsOk(long available) {
        return okJson("{\"code\":0,\"data\":{\"available\":" + available + ",\"frozen\":40,\"total\":"
                + (available + 40) + "}}");
    }

    static MappingBuilder sessions() {
        return post(SESSIONS);
    }

    static ResponseDefinitionBuilder sessionOk() {
        return okJson("{\"code\":0,\"data\":{\"task_id\":\"task_1\",\"session_id\":\"" + SESSION_ID
                + "\",\"user_id\":\"anon_1\"}}");
    }

    static ResponseDefinitionBuilder code(int code) {
        return okJson("{\"code\":" + code + ",\"message\":\"refused\"}");
    }

    static ResponseDefinitionBuilder status(int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":" + status + ",\"message\":\"status " + status + "\"}");
    }
}
