package dev.nemo.sdk.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The benchmark inputs: real-looking {@code /run_sse} bodies, cut into the chunks an HTTP client delivers. */
final class SseInputs {
    /** The size of the chunks the JDK HTTP client typically hands to a body subscriber. */
    static final int CHUNK = 16 * 1024;

    private SseInputs() {}

    /**
     * @param name {@code long-line-4MiB} or {@code small-events-10k}
     * @return the body
     */
    static byte[] body(String name) {
        switch (name) {
            case "long-line-4MiB":
                return longLine(4 * 1024 * 1024);
            case "small-events-10k":
                return smallEvents(10_000);
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /** One ADK event whose text part makes the single {@code data:} line about {@code size} UTF-8 bytes. */
    static byte[] longLine(int size) {
        String head = "data:{\"id\":\"36a7c2fc-0000-4000-8000-000000000006\",\"invocationId\":\"e-6eefd126\","
                + "\"author\":\"nemo_agent\",\"content\":{\"parts\":[{\"text\":\"";
        String tail = "\"}],\"role\":\"model\"},\"actions\":{\"stateDelta\":{},\"artifactDelta\":{},"
                + "\"requestedAuthConfigs\":{},\"requestedToolConfirmations\":{}},\"timestamp\":1795559949562}\n\n";
        StringBuilder text = new StringBuilder(size);
        String words = "Title 'Urban Dreams' added (0-3s), 压缩完成 ✅. ";
        int wordBytes = words.getBytes(StandardCharsets.UTF_8).length;
        int room = size - head.length() - tail.length();
        for (int bytes = 0; bytes + wordBytes <= room; bytes += wordBytes) {
            text.append(words);
        }
        return (head + text + tail).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code n} ADK partial-text events as ADK-Java writes them ({@code data:} without a space, LF). */
    static byte[] smallEvents(int n) {
        StringBuilder sb = new StringBuilder(n * 360);
        for (int i = 0; i < n; i++) {
            sb.append("data:{\"id\":\"7ec9d111-0000-4000-8000-")
                    .append(String.format("%012d", i))
                    .append("\",\"invocationId\":\"e-6eefd126\",\"author\":\"nemo_agent\",\"content\":{\"parts\":"
                            + "[{\"text\":\"w")
                    .append(i)
                    .append(" \"}],\"role\":\"model\"},\"actions\":{\"stateDelta\":{},"
                            + "\"artifactDelta\":{},\"requestedAuthConfigs\":{},\"requestedToolConfirmations\":{}},"
                            + "\"partial\":true,\"timestamp\":")
                    .append(1795559949551L + i)
                    .append("}\n\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @return {@code body} as heap buffers of {@link #CHUNK} bytes (rewind them before each pass) */
    static ByteBuffer[] chunks(byte[] body) {
        int n = (body.length + CHUNK - 1) / CHUNK;
        ByteBuffer[] out = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            int off = i * CHUNK;
            out[i] = ByteBuffer.wrap(body, off, Math.min(CHUNK, body.length - off))
                    .slice();
        }
        return out;
    }
}
