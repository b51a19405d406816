package dev.nemo.sdk.upload;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.testing.TestTokens;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run by {@link BoundedHeapUploadTest} in a separate JVM with a small heap: uploads a generated
 * stream far larger than the heap, and prints {@code OK <bytes reported sent> <total>}.
 */
public final class BoundedHeapUploadMain {
    private BoundedHeapUploadMain() {}

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        long size = Long.parseLong(args[1]);
        AtomicLong sent = new AtomicLong(-1);
        AtomicLong total = new AtomicLong(-1);
        try (NemoClient client = NemoClient.builder()
                .baseUrl(baseUrl)
                .token(TestTokens.EXPLICIT)
                .environment(Map.of())
                .configDirectory(Files.createTempDirectory("nemo-heap"))
                .build()) {
            UploadResult r = client.uploads()
                    .upload(
                            "heap-session",
                            List.of(MediaSource.ofPublisher(
                                    "big.gif",
                                    size,
                                    HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedContent(size)))),
                            UploadOptions.builder()
                                    .onProgress((s, t) -> {
                                        sent.set(s);
                                        total.set(t);
                                    })
                                    .build());
            if (r.files().size() != 1) {
                throw new AssertionError("unexpected result " + r);
            }
            System.out.println("OK " + sent.get() + " " + total.get() + " maxHeap="
                    + Runtime.getRuntime().maxMemory());
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }
}
