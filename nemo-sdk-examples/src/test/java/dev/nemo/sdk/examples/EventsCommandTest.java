package dev.nemo.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nemo.sdk.testing.TestResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code events <file>} on every real ADK-Java recording (the in-repository copy in the core test jar):
 * one JSON line per event payload, agreeing field by field with the {@code .expected.json} that
 * ADK's own {@code Event.fromJson} produced.
 */
class EventsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KEYS =
            List.of("author", "partial", "text", "functionCalls", "functionResponses", "errorCode", "errorMessage");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyRecordingDecodesAsAdkSawIt() throws IOException {
        Path dir = TestResources.directory("fixtures/adk-java");
        List<Path> expected;
        try (Stream<Path> files = Files.list(dir)) {
            expected = files.filter(p -> p.getFileName().toString().endsWith(".expected.json"))
                    .sorted()
                    .collect(Collectors.toList());
        }
        assertThat(expected).as("recordings in %s", dir).hasSize(18);
        return expected.stream()
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private void check(Path expectedFile) throws IOException {
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        Path sse = expectedFile.resolveSibling(
                expectedFile.getFileName().toString().replace(".expected.json", ".sse"));

        CliRunner.Result r = new CliRunner(work, work).run("events", sse.toString());

        if (expected.get("sseEventCount").intValue() == 0) {
            // the HTTP 500 recordings: an empty body
            assertThat(r.status()).as(r.toString()).isEqualTo(NemoExamples.FAILED);
            assertThat(r.out()).isEmpty();
            assertThat(r.errLines())
                    .singleElement()
                    .asString()
                    .startsWith("nemo-examples: events failed: " + sse)
                    .contains("holds no Server-Sent Events");
            return;
        }
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.outLines();
        JsonNode want = expected.get("events");
        assertThat(lines)
                .as("one line per event of %s", sse.getFileName())
                .hasSize(want.size())
                .hasSize(expected.get("sseEventCount").intValue());
        for (int i = 0; i < want.size(); i++) {
            JsonNode got = JSON.readTree(lines.get(i));
            JsonNode w = want.get(i);
            String at = sse.getFileName() + " event " + i;
            List<String> keys = new ArrayList<>();
            got.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).as(at + " keys").containsExactlyElementsOf(KEYS);
            assertThat(got.get("author")).as(at + " author").isEqualTo(w.get("author"));
            assertThat(got.get("partial").isBoolean())
                    .as(at + " partial is a boolean")
                    .isTrue();
            assertThat(got.get("partial").booleanValue())
                    .as(at + " partial")
                    .isEqualTo(w.get("partial").asBoolean(false));
            assertThat(got.get("text")).as(at + " text").isEqualTo(w.get("text"));
            assertThat(got.get("functionCalls")).as(at + " functionCalls").isEqualTo(w.get("functionCalls"));
            assertThat(got.get("functionResponses"))
                    .as(at + " functionResponses")
                    .isEqualTo(w.get("functionResponses"));
            assertThat(got.get("errorCode")).as(at + " errorCode").isEqualTo(w.get("errorCode"));
            assertThat(got.get("errorMessage")).as(at + " errorMessage").isEqualTo(w.get("errorMessage"));
        }
    }

    @Test
    void heartbeatsAndCommentsPrintNothing() throws IOException {
        Path body = Files.writeString(
                work.resolve("beats.sse"),
                ": ping - 2026-11-25 12:00:00\r\n\r\n"
                        + "event: heartbeat\ndata: \n\n"
                        + "data: {\"type\":\"heartbeat\"}\n\n"
                        + "data:{\"author\":\"nemo_agent\",\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hi \"},"
                        + "{\"text\":\"there\"}]}}\n\n");

        CliRunner.Result r = new CliRunner(work, work).run("events", "beats.sse");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.outLines())
                .containsExactly("{\"author\":\"nemo_agent\",\"partial\":false,\"text\":\"Hi there\","
                        + "\"functionCalls\":[],\"functionResponses\":[],\"errorCode\":null,\"errorMessage\":null}");
    }

    @Test
    void aFileWithNoEventsSaysSoAndFails() throws IOException {
        Files.writeString(work.resolve("notes.txt"), "these are my notes\nnothing to see\n");

        CliRunner.Result r = new CliRunner(work, work).run("events", "notes.txt");

        assertThat(r.status()).isEqualTo(NemoExamples.FAILED);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .containsExactly(
                        "nemo-examples: events failed: " + work.resolve("notes.txt")
                                + " holds no Server-Sent Events (no \"data:\" lines): give it the body of a recorded /run_sse response");
    }

    @Test
    void aMissingFileIsOneLineOnStandardError() {
        CliRunner.Result r = new CliRunner(work, work).run("events", "nope.sse");

        assertThat(r.status()).isEqualTo(NemoExamples.FAILED);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .containsExactly("nemo-examples: events failed: cannot read " + work.resolve("nope.sse")
                        + ": no such file - check the path");
    }
}
