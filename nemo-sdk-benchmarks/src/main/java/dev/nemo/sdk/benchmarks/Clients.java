package dev.nemo.sdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.sdk.NemoClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The two sides of each pair: the SDK's client, and a raw {@link HttpClient} built the way the SDK
 * builds its own (10 s connect timeout, no redirects) sending the same headers with a request timeout,
 * and parsing the JSON answer with a plain Jackson {@link ObjectMapper}.
 */
final class Clients {
    static final String TOKEN = "nmv_usr_benchmarkToken0123456789abcdef";
    private static final String[] HEADERS = {
        "Authorization", "Bearer " + TOKEN,
        "X-Skill-Source", "ai-gif-compressor",
        "X-Skill-Version", "0.1.0",
        "X-Skill-Platform", "linux",
    };

    private Clients() {}

    /**
     * @param baseUrl the server
     * @param durable whether downloads are forced to the device before the move
     * @return an SDK client with an explicit token and nothing read from the environment
     */
    static NemoClient sdk(String baseUrl, boolean durable) {
        return sdk(baseUrl, durable, tempDirectory("nemo-bench"));
    }

    /**
     * @param baseUrl         the server
     * @param durable         whether downloads are forced to the device before the move
     * @param configDirectory the client's configuration directory (made beforehand)
     * @return an SDK client with an explicit token and nothing read from the environment
     */
    static NemoClient sdk(String baseUrl, boolean durable, Path configDirectory) {
        return NemoClient.builder()
                .baseUrl(baseUrl)
                .environment(Map.of())
                .configDirectory(configDirectory)
                .token(TOKEN)
                .durableDownloads(durable)
                .build();
    }

    /** @return a raw JDK client configured as the SDK configures its own */
    static HttpClient raw() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * @param url the full URL
     * @return a request builder with the SDK's headers and a 30 s request timeout
     */
    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .headers(HEADERS);
    }

    /**
     * @param baseUrl the server
     * @return the raw side's credits request
     */
    static HttpRequest creditsRequest(String baseUrl) {
        return request(baseUrl + "/api/credits/balance/simple")
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    /**
     * @param raw     the raw client
     * @param request from {@link #creditsRequest}
     * @return the available credits
     * @throws IOException          on a transport failure
     * @throws InterruptedException when interrupted
     */
    static long rawBalance(HttpClient raw, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = raw.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode());
        }
        return data(r.body()).path("available").asLong();
    }

    /**
     * @param body a JSON envelope
     * @return its {@code data}, after checking {@code code} is 0
     */
    static JsonNode data(byte[] body) {
        try {
            JsonNode tree = Mapper.INSTANCE.readTree(body);
            if (tree.path("code").asInt(-1) != 0) {
                throw new IllegalStateException("unexpected answer: " + tree);
            }
            return tree.path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the raw side's mapper, built on first use (so the SDK side of a cold start never pays for it) */
    static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lazy holder of the raw side's mapper. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }
}
