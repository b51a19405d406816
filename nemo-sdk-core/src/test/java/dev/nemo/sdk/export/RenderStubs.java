package dev.nemo.sdk.export;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit.Stubbing;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/** WireMock helpers for render polls. */
final class RenderStubs {
    static final String POLL = "/api/render/proxy/lambda/render_[^/]+";

    private RenderStubs() {
    }

    /** Each poll answers the next response; the last one repeats. */
    static void pollSequence(Stubbing wm, ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            wm.stubFor(get(urlPathMatching(POLL)).inScenario("poll")
                    .whenScenarioStateIs(state(i))
                    .willReturn(responses[i])
                    .willSetStateTo(state(Math.min(i + 1, responses.length - 1))));
        }
    }

    private static String state(int i) {
        return i == 0 ? Scenario.STARTED : "poll-" + i;
    }

    static ResponseDefinitionBuilder status(String status, int progress) {
        return okJson("{\"success\":true,\"data\":{\"status\":\"" + status + "\",\"progress\":" + progress + "}}");
    }

    static ResponseDefinitionBuilder completed(String url) {
        return okJson("{\"success\":true,\"data\":{\"status\":\"completed\",\"progress\":100,\"outputUrl\":\"" + url + "\"}}");
    }
}
