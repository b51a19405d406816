package dev.nemo.sdk.benchmarks.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** {@link BenchServer} in another JVM (same Java, same class path), so its work is not the client's. */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final String baseUrl;

    private ServerProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** @return a started server; its {@link #baseUrl()} answers at once */
    public static ServerProcess start() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java,
                "-Xms256m",
                "-Xmx256m",
                "-XX:+UseParallelGC",
                "-Dsun.net.httpserver.nodelay=true",
                "-Dsun.net.httpserver.maxIdleConnections=4096",
                "-cp",
                System.getProperty("java.class.path"),
                BenchServer.class.getName());
        try {
            Process p = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("port=")) {
                p.destroyForcibly();
                throw new IllegalStateException("the benchmark server did not start: " + line);
            }
            return new ServerProcess(p, "http://127.0.0.1:" + line.substring("port=".length()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the benchmark server", e);
        }
    }

    /** @return for example {@code http://127.0.0.1:41234} */
    public String baseUrl() {
        return baseUrl;
    }

    /** Stops the server (closing its standard input ends it) and waits for it. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            process.waitFor();
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
