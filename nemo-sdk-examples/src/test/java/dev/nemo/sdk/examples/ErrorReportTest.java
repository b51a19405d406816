package dev.nemo.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.error.ErrorDetails;
import dev.nemo.sdk.error.ExportTimeoutException;
import dev.nemo.sdk.error.InsufficientCreditsException;
import dev.nemo.sdk.error.NemoClientException;
import dev.nemo.sdk.error.NemoServiceException;
import dev.nemo.sdk.error.RateLimitedException;
import dev.nemo.sdk.error.SessionNotFoundException;
import dev.nemo.sdk.error.TokenExpiredException;
import dev.nemo.sdk.error.TransportException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One line per failure: the step, the message, the code or status when the message lacks it, and what to do. */
class ErrorReportTest {

    private static ErrorDetails at(String method, String path, int status, Integer code) {
        return new ErrorDetails(status, code, method, path, null);
    }

    @Test
    void outOfCreditsNamesTheBindLinkOnce() {
        InsufficientCreditsException known = new InsufficientCreditsException(
                "Out of credits (code 2001); register to "
                        + "keep your work: https://nemovideo.com/register?bind=anon_1",
                at("POST", "/run_sse", 200, 2001),
                "anon_1");
        InsufficientCreditsException bare =
                new InsufficientCreditsException("no credits left", at("POST", "/run_sse", 200, 2001), "anon_2");

        assertThat(ErrorReport.line("quick-edit", known, true))
                .isEqualTo("nemo-examples: chat failed: Out of credits "
                        + "(code 2001); register to keep your work: https://nemovideo.com/register?bind=anon_1");
        assertThat(ErrorReport.line("quick-edit", bare, true))
                .isEqualTo("nemo-examples: chat failed: no credits left "
                        + "[API code 2001] - get more credits at https://nemovideo.com/register?bind=anon_2");
    }

    @Test
    void theStepComesFromTheRequestThatFailed() {
        assertThat(ErrorReport.line(
                        "demo",
                        new NemoServiceException(
                                "Server error", at("GET", "/api/credits/balance/simple", 503, null), null),
                        true))
                .isEqualTo("nemo-examples: reading the credit balance failed: Server error [HTTP 503]");
        assertThat(ErrorReport.line(
                        "demo",
                        new NemoServiceException(
                                "Refused (HTTP 400)", at("POST", "/api/render/proxy/lambda", 400, null), null),
                        true))
                .isEqualTo("nemo-examples: export failed: Refused (HTTP 400)");
        assertThat(ErrorReport.line(
                        "demo",
                        new NemoServiceException("gone", at("GET", "/render-result/r.mp4", 404, null), null),
                        true))
                .isEqualTo("nemo-examples: download failed: gone [HTTP 404]");
        assertThat(ErrorReport.line(
                        "demo",
                        new NemoServiceException(
                                "bad", at("POST", "/api/upload-video/nemo_agent/me/1", 200, 4001), null),
                        true))
                .isEqualTo("nemo-examples: upload failed: bad [API code 4001]");
        assertThat(ErrorReport.line("credits", new NemoClientException("no details"), false))
                .isEqualTo("nemo-examples: credits failed: no details");
    }

    @Test
    void eachKindOfFailureSaysWhatToDo() {
        assertThat(ErrorReport.line(
                        "credits",
                        new TokenExpiredException(
                                "The token is invalid or expired (code 1001)",
                                at("GET", "/api/credits/balance/simple", 200, 1001),
                                null),
                        false))
                .endsWith(" - set NEMO_TOKEN to a valid API token, or unset it to use a free anonymous token");
        assertThat(ErrorReport.line(
                        "state",
                        new SessionNotFoundException(
                                "Session not found (code 1002)",
                                at("GET", "/api/state/nemo_agent/me/1/latest", 200, 1002),
                                null),
                        false))
                .endsWith(" - check the session id, or start a new session");
        assertThat(ErrorReport.line(
                        "credits",
                        new RateLimitedException(
                                "Rate limited (HTTP 429)",
                                at("POST", "/api/auth/anonymous-token", 429, null),
                                Duration.ofSeconds(30)),
                        false))
                .isEqualTo(
                        "nemo-examples: getting an anonymous token failed: Rate limited (HTTP 429) - try again in 30 s");
        assertThat(ErrorReport.line(
                        "demo",
                        new ExportTimeoutException(
                                "Export render_1 is still running",
                                at("GET", "/api/render/proxy/lambda/render_1", -1, null),
                                "render_1",
                                "processing",
                                null),
                        true))
                .isEqualTo(
                        "nemo-examples: export failed: Export render_1 is still running - the render goes on: follow "
                                + "it later with: resume render_1 <output>");
        assertThat(ErrorReport.line(
                        "chat",
                        new TransportException(
                                "The connection was reset",
                                at("POST", "/run_sse", -1, null),
                                null,
                                TransportException.Kind.RESET,
                                true),
                        false))
                .endsWith(" - it may have been done: check before trying again (it was not repeated automatically)");
        assertThat(ErrorReport.line(
                        "credits",
                        new TransportException(
                                "Could not connect",
                                at("GET", "/api/credits/balance/simple", -1, null),
                                null,
                                TransportException.Kind.CONNECT,
                                false),
                        false))
                .endsWith(" - check the network connection and NEMO_API_URL");
    }

    @Test
    void unexpectedFailuresAreOneLineAndPointToVerbose() {
        assertThat(ErrorReport.line("demo", new IllegalStateException("first line\n  second line\r\nthird"), true))
                .isEqualTo("nemo-examples: demo failed: first line second line third - run with --verbose for details");
        assertThat(ErrorReport.line("demo", new IllegalStateException(), true))
                .isEqualTo("nemo-examples: demo failed: IllegalStateException - run with --verbose for details");
        assertThat(ErrorReport.line("batch", new ExampleException("export", "cannot find a.gif"), true))
                .isEqualTo("nemo-examples: export failed: cannot find a.gif");
    }
}
