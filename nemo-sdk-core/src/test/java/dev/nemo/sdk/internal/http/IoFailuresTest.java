package dev.nemo.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.RequestOptions;
import dev.nemo.sdk.RetryPolicy;
import dev.nemo.sdk.error.NemoClientException;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.error.TransportException;
import dev.nemo.sdk.error.TransportException.Kind;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * I/O failures are classified by exception type; the message is matched only for the JDK's plain
 * {@link IOException}s about a cut body, and the real JDK (17 and 25 in CI) is checked to still
 * word them so.
 */
class IoFailuresTest {
    private static final ApiRequest POST = ApiRequest.postJson("/api/tasks/me/with-session/nemo_agent", new byte[0]);

    @TempDir
    Path dir;

    private static TransportException classify(Throwable t) {
        NemoException e = IoFailures.classify(t, POST);
        assertThat(e).isInstanceOf(TransportException.class);
        return (TransportException) e;
    }

    @Test
    void connectFailuresMeanNothingWasSent() {
        for (Throwable t : new Throwable[] {
            new ConnectException(),
            new HttpConnectTimeoutException("x"),
            new UnknownHostException("nemo.invalid"),
            new IOException(new UnresolvedAddressException()),
            new SSLHandshakeException("no cipher"),
            new IOException("wrapped", new ConnectException("refused"))
        }) {
            TransportException e = classify(t);
            assertThat(e.kind()).as(t.toString()).isEqualTo(Kind.CONNECT);
            assertThat(e.outcomeUnknown()).isFalse();
        }
    }

    @Test
    void everyOtherKindLeavesTheOutcomeUnknown() {
        assertThat(classify(new HttpTimeoutException("t")).kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(classify(new SocketTimeoutException("t")).kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(classify(new EOFException()).kind()).isEqualTo(Kind.TRUNCATED);
        assertThat(classify(new InterruptedException()).kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(classify(new SocketException("Connection reset")).kind()).isEqualTo(Kind.RESET);
        assertThat(classify(new SSLException("bad record mac")).kind()).isEqualTo(Kind.RESET);
        assertThat(classify(new CompletionException(new EOFException())).outcomeUnknown())
                .isTrue();
        assertThat(classify(new IOException("fixed content-length: 10, bytes received: 5"))
                        .getMessage())
                .contains("not sent again");
    }

    @Test
    void messagesAreMatchedOnlyOnThePlainIoExceptionAsALastResort() {
        assertThat(classify(new IOException("fixed content-length: 10, bytes received: 5"))
                        .kind())
                .isEqualTo(Kind.TRUNCATED);
        assertThat(classify(new IOException("chunked transfer encoding, state: READING_DATA"))
                        .kind())
                .isEqualTo(Kind.TRUNCATED);
        // the same words on another type are not trusted
        assertThat(classify(new SocketException("chunked")).kind()).isEqualTo(Kind.RESET);
        assertThat(IoFailures.TRUNCATION_WORDS).isNotEmpty();
    }

    @Test
    void aBugIsNotATransportFailure() {
        NemoException e = IoFailures.classify(new IllegalStateException("bug"), POST);
        assertThat(e).isExactlyInstanceOf(NemoClientException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"blocking", "async"})
    void theJdksWordingForACutFixedLengthBodyIsStillRecognised(String mode) throws Exception {
        String response =
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"code\":0,";
        assertThat(kindFromRealExchange(response, mode)).isEqualTo(Kind.TRUNCATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"blocking", "async"})
    void theJdksWordingForACutChunkedBodyIsStillRecognised(String mode) throws Exception {
        String response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "40\r\n{\"code\":0,";
        assertThat(kindFromRealExchange(response, mode)).isEqualTo(Kind.TRUNCATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"blocking", "async"})
    void aRefusedConnectionIsAConnectFailure(String mode) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        TransportException e = call("http://127.0.0.1:" + closed, mode);
        assertThat(e.kind()).isEqualTo(Kind.CONNECT);
        assertThat(e.outcomeUnknown()).isFalse();
    }

    /** Serves {@code response} raw to one connection, then closes it, and returns the kind the SDK reported. */
    private Kind kindFromRealExchange(String response, String mode) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> serveOnce(server, response), "raw-server");
            t.setDaemon(true);
            t.start();
            TransportException e = call("http://127.0.0.1:" + server.getLocalPort(), mode);
            System.out.println(Runtime.version() + " " + mode + ": " + e.getCause());
            return e.kind();
        }
    }

    private TransportException call(String baseUrl, String mode) {
        VirtualTime time = VirtualTime.create();
        try (NemoClient client = NemoClient.builder()
                .baseUrl(baseUrl)
                .environment(Map.of())
                .configDirectory(dir)
                .clock(time)
                .sleeper(time)
                .token(TestTokens.EXPLICIT)
                .retryPolicy(RetryPolicy.none())
                .requestTimeout(Duration.ofSeconds(20))
                .build()) {
            Function<NemoClient, Object> op = mode.equals("blocking")
                    ? c -> c.credits().balance()
                    : c -> c.credits().balanceAsync(RequestOptions.none()).join();
            Throwable thrown = catchThrowable(() -> op.apply(client));
            Throwable cause = thrown instanceof CompletionException ? thrown.getCause() : thrown;
            assertThat(cause).isInstanceOf(TransportException.class);
            return (TransportException) cause;
        }
    }

    private static void serveOnce(ServerSocket server, String response) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            OutputStream out = s.getOutputStream();
            out.write(response.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the client went away: nothing to serve
        }
    }
}
