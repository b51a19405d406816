package dev.nemo.sdk.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

/**
 * Plays an {@link AdkRecording} back on a socket: the recorded status line and headers, then the
 * body byte-exact in random pieces with short random pauses (all drawn from one seeded
 * {@link Random}), either chunked (as ADK sent it) or with a {@code Content-Length}. Where the
 * recording was cut, the connection is closed the same way: no terminating chunk, or fewer bytes
 * than the announced length.
 */
final class RecordingReplay {
    /** How the body is framed. */
    enum Framing {
        CHUNKED,
        CONTENT_LENGTH
    }

    private RecordingReplay() {}

    static void play(AdkRecording rec, Framing framing, Random random, Socket socket, OutputStream out)
            throws IOException, InterruptedException {
        byte[] body = rec.body();
        out.write(head(rec, framing, body.length).getBytes(StandardCharsets.ISO_8859_1));
        flushMaybePause(out, random);
        int at = 0;
        while (at < body.length) {
            int n = Math.min(body.length - at, pieceSize(random));
            if (framing == Framing.CHUNKED) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(body, at, n);
            }
            at += n;
            flushMaybePause(out, random);
        }
        if (rec.cut()) {
            socket.close();
            return;
        }
        if (framing == Framing.CHUNKED) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    /** The recorded head with the framing header swapped in; a cut body announces more than it sends. */
    static String head(AdkRecording rec, Framing framing, int bodyLength) {
        StringBuilder sb = new StringBuilder();
        for (String line : rec.head()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("transfer-encoding:") || lower.startsWith("content-length:")) {
                continue;
            }
            sb.append(line).append("\r\n");
            if (lower.startsWith("http/1.1 ")) {
                sb.append(
                                framing == Framing.CHUNKED
                                        ? "Transfer-Encoding: chunked"
                                        : "Content-Length: " + (bodyLength + (rec.cut() ? 1 : 0)))
                        .append("\r\n");
            }
        }
        return sb.append("\r\n").toString();
    }

    /** Mostly small pieces (splitting events, lines and UTF-8 sequences), sometimes ADK's ~8 KB ones. */
    private static int pieceSize(Random random) {
        int kind = random.nextInt(10);
        if (kind < 3) {
            return 1 + random.nextInt(16);
        }
        return kind < 8 ? 17 + random.nextInt(500) : 517 + random.nextInt(8 * 1024);
    }

    private static void flushMaybePause(OutputStream out, Random random) throws IOException, InterruptedException {
        out.flush();
        if (random.nextInt(20) == 0) {
            Thread.sleep(1);
        }
    }
}
