package dev.nemo.sdk.benchmarks;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.benchmarks.server.BenchServer;
import dev.nemo.sdk.benchmarks.server.ServerProcess;
import dev.nemo.sdk.export.ExportJob;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 200 MiB each way against a server in another JVM: an upload from a file (the SDK's streaming
 * multipart against the raw client's {@code BodyPublishers.concat(…, ofFile, …)}), and a download of
 * a completed export (the SDK with its durable default, and without {@code force()}, against the raw
 * {@code BodyHandlers.ofFile}). One operation moves the whole 200 MiB; the heap is kept small
 * ({@code -Xmx64m}) so that nothing can buffer the body.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms64m", "-Xmx64m"})
@Warmup(iterations = 2)
@Measurement(iterations = 6)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TransferBenchmark {
    /** Bytes moved per operation, each way. */
    public static final long BYTES = BenchServer.DOWNLOAD_BYTES;

    private ServerProcess server;
    private NemoClient durable;
    private NemoClient fast;
    private HttpClient raw;
    private ExportJob job;
    private Path dir;
    private Path video;
    private Path target;

    /**
     * Starts the server and the clients, and writes the file to upload.
     *
     * @throws IOException when the file cannot be written
     */
    @Setup(Level.Trial)
    public void start() throws IOException {
        server = ServerProcess.start();
        durable = Clients.sdk(server.baseUrl(), true);
        fast = Clients.sdk(server.baseUrl(), false);
        raw = Clients.raw();
        job = durable.exports().poll("render_1764000000000_bench");
        dir = Clients.tempDirectory("nemo-bench-transfer");
        video = dir.resolve("big.mp4");
        target = dir.resolve("out.mp4");
        writeVideo(video);
    }

    /**
     * Removes the previous download, outside the measured time.
     *
     * @throws IOException when it cannot
     */
    @Setup(Level.Invocation)
    public void clean() throws IOException {
        Files.deleteIfExists(target);
    }

    /**
     * Stops everything and deletes the files.
     *
     * @throws IOException when they cannot be deleted
     */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        durable.close();
        fast.close();
        server.close();
        Files.deleteIfExists(target);
        Files.deleteIfExists(video);
        Files.deleteIfExists(dir);
    }

    /** @return the uploaded files, through the SDK */
    @Benchmark
    public Object upload_sdk() {
        return durable.uploads().upload("4815162342000000001", video);
    }

    /**
     * @return the answer, raw
     * @throws Exception on failure
     */
    @Benchmark
    public Object upload_raw() throws Exception {
        String boundary = "RawBenchBoundary0123456789abcdefghijklmnopq";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.mp4\"\r\n"
                        + "Content-Type: video/mp4\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = Clients.request(server.baseUrl() + "/api/upload-video/nemo_agent/me/4815162342000000001")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.concat(
                        BodyPublishers.ofByteArray(head),
                        BodyPublishers.ofFile(video),
                        BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<byte[]> r = raw.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return Clients.data(r.body());
    }

    /** @return the file, through the SDK, forced to the device before the move (the default) */
    @Benchmark
    public Object download_sdk() {
        return durable.exports().download(job, target);
    }

    /** @return the file, through the SDK, without the force */
    @Benchmark
    public Object downloadNoForce_sdk() {
        return fast.exports().download(job, target);
    }

    /**
     * @return the file, raw
     * @throws Exception on failure
     */
    @Benchmark
    public Object download_raw() throws Exception {
        HttpRequest request =
                Clients.request(job.outputUrl().orElseThrow().toString()).GET().build();
        HttpResponse<Path> r = raw.send(request, HttpResponse.BodyHandlers.ofFile(target));
        if (r.statusCode() != 200 || Files.size(target) != BYTES) {
            throw new IllegalStateException("HTTP " + r.statusCode());
        }
        return r.body();
    }

    /** An MP4 {@code ftyp} box, then zeros up to {@link #BYTES}. */
    private static void writeVideo(Path file) throws IOException {
        byte[] ftyp = {
            0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'i', 's', 'o', '2'
        };
        byte[] block = new byte[1024 * 1024];
        System.arraycopy(ftyp, 0, block, 0, ftyp.length);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < BYTES; written += block.length) {
                out.write(block);
                block = written == 0 ? new byte[block.length] : block;
            }
        }
    }
}
