package dev.nemo.sdk.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nemo.sdk.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One real ADK-Java {@code /run_sse} recording from {@code src/test/resources/fixtures/adk-java}:
 * the entity body byte for byte, the status line and headers in wire order, and ADK's own reading
 * of it ({@code .expected.json}, written with {@code Event.fromJson}).
 *
 * @param name     file stem, for example {@code s03_tool_text.stream}
 * @param expected the parsed {@code .expected.json}
 * @param body     the {@code .sse} bytes
 * @param head     the status line and header lines as recorded (no line terminators)
 */
record AdkRecording(String name, JsonNode expected, byte[] body, List<String> head) {
    static final String DIR = "/fixtures/adk-java";

    /** @return every recording in the folder, sorted by name */
    static List<AdkRecording> all() {
        Path dir = folder();
        List<AdkRecording> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".expected.json"))
                    .sorted()
                    .forEach(n -> out.add(load(dir, n.substring(0, n.length() - ".expected.json".length()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Path folder() {
        URL url = AdkRecording.class.getResource(DIR);
        if (url == null) {
            throw new IllegalStateException("missing test resources " + DIR);
        }
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AdkRecording load(Path dir, String name) {
        try {
            JsonNode expected = Json.parse(Files.readAllBytes(dir.resolve(name + ".expected.json")));
            byte[] body = Files.readAllBytes(dir.resolve(name + ".sse"));
            String meta = Files.readString(dir.resolve(name + ".meta.txt"), StandardCharsets.UTF_8);
            return new AdkRecording(name, expected, body, head(meta));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response status line and headers between {@code --- response} and the first blank line. */
    private static List<String> head(String meta) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : meta.split("\n", -1)) {
            if (line.startsWith("--- response")) {
                in = true;
            } else if (in && line.isEmpty()) {
                break;
            } else if (in) {
                out.add(line.endsWith("\\r\\n") ? line.substring(0, line.length() - 4) : line);
            }
        }
        if (out.isEmpty() || !out.get(0).startsWith("HTTP/1.1 ")) {
            throw new IllegalStateException("no recorded response head in meta.txt: " + out);
        }
        return out;
    }

    int status() {
        return expected.get("httpStatus").intValue();
    }

    boolean streaming() {
        return expected.get("streaming").booleanValue();
    }

    String scenario() {
        return expected.get("scenario").textValue();
    }

    /** @return whether the server cut the connection instead of ending the body */
    boolean cut() {
        return expected.get("transferEnd").textValue().startsWith("cut");
    }

    JsonNode events() {
        return expected.get("events");
    }
}
