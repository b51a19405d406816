package dev.nemo.sdk.examples;

import dev.nemo.sdk.chat.ChatEvents;
import dev.nemo.sdk.chat.EventSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Decodes a recorded {@code /run_sse} response body with the SDK's own decoder and prints one JSON
 * object per event that carries a JSON payload: {@code author}, {@code partial}, {@code text},
 * {@code functionCalls}, {@code functionResponses}, {@code errorCode}, {@code errorMessage}.
 * Heartbeats and comments print nothing. Needs no server.
 *
 * <pre>
 * java -jar nemo-examples.jar events s03_tool_text.stream.sse
 * {"author":"nemo_agent","partial":false,"text":"","functionCalls":["edit_multitrack"],...}
 * </pre>
 */
public final class RecordedEvents {
    private RecordedEvents() {}

    /**
     * Runs {@code events <file>}.
     *
     * @param args the recorded body
     */
    public static void main(String[] args) {
        NemoExamples.exit(NemoExamples.run("events", args));
    }

    /**
     * @param body a recorded response body
     * @param out  where the JSON lines go
     * @return the summaries printed
     * @throws IOException when the file cannot be read
     */
    public static List<EventSummary> print(Path body, PrintStream out) throws IOException {
        List<EventSummary> summaries;
        try (InputStream in = Files.newInputStream(body)) {
            summaries = ChatEvents.summarize(ChatEvents.decode(in));
        }
        for (EventSummary s : summaries) {
            out.println(s.toJson());
        }
        return summaries;
    }
}
