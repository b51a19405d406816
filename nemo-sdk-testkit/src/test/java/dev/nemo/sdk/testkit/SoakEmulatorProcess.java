package dev.nemo.sdk.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@link SoakEmulatorMain} started in another JVM (this JVM's {@code java} and class path, free
 * ports on loopback), driven over its standard input: faults, virtual time, credits, drafts. Its
 * standard error goes to a log file. {@link #close()} ends its input and waits a bounded time for
 * it to exit, then kills it; if this JVM dies first, the pipe closes and the emulator stops too.
 */
final class SoakEmulatorProcess implements AutoCloseable {
    private static final Duration EXIT_BOUND = Duration.ofSeconds(20);

    private final Process process;
    private final BufferedReader replies;
    private final Writer commands;
    private final Path log;
    private final String baseUrl;
    private final String cdnUrl;

    private SoakEmulatorProcess(Process process, BufferedReader replies, Writer commands, Path log, String[] ready) {
        this.process = process;
        this.replies = replies;
        this.commands = commands;
        this.log = log;
        this.baseUrl = ready[1];
        this.cdnUrl = ready[2];
    }

    /**
     * @param log where the emulator's standard error goes
     * @return a started emulator, answering at its URLs
     */
    static SoakEmulatorProcess start(Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), SoakEmulatorMain.class.getName());
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the soak's emulator", e);
        }
        BufferedReader replies = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Writer commands = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
        try {
            String line = replies.readLine();
            if (line == null || !line.startsWith("ready ")) {
                throw new IllegalStateException("the soak's emulator did not start (" + line + "): " + read(log));
            }
            return new SoakEmulatorProcess(p, replies, commands, log, line.split(" "));
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** {@return the API base URL} */
    String baseUrl() {
        return baseUrl;
    }

    /** {@return the API and CDN ports, to count the client's connections to them} */
    Set<Integer> ports() {
        return Set.of(URI.create(baseUrl).getPort(), URI.create(cdnUrl).getPort());
    }

    /** {@return the emulator process's id} */
    long pid() {
        return process.pid();
    }

    /** @param d how far to move the emulator's virtual clock (the client's sleeps move both) */
    void advance(Duration d) {
        send("advance " + d.toNanos());
    }

    /** @param fault the fault to inject before the next operation */
    void inject(SoakFaults.Choice fault) {
        send("fault " + fault.endpoint().name() + " " + fault.table() + " " + fault.kind());
    }

    /** Removes the faults left and forgets the recorded requests. */
    void clear() {
        send("clear");
    }

    /**
     * @param userId  the account
     * @param credits its new balance
     */
    void setCredits(String userId, long credits) {
        send("credits " + userId + " " + credits);
    }

    /** @param sessionId the session whose current draft {@link #restoreDraft} puts back */
    void keepDraft(String sessionId) {
        send("keep-draft " + sessionId);
    }

    /** @param sessionId the session whose kept draft is put back */
    void restoreDraft(String sessionId) {
        send("restore-draft " + sessionId);
    }

    /** {@return the emulator's sessions, renders, accounts and heap after GC, for the report} */
    String levels() {
        return send("levels");
    }

    private synchronized String send(String command) {
        try {
            commands.write(command + "\n");
            commands.flush();
            String reply = replies.readLine();
            if (reply == null || !reply.startsWith("ok")) {
                throw new IllegalStateException("the soak's emulator answered '" + reply + "' to '" + command + "': "
                        + read(log));
            }
            return reply.substring(2).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("the soak's emulator is gone: " + read(log), e);
        }
    }

    /** Ends the emulator's input (it stops and exits) and waits for it; kills it when it does not exit in time. */
    @Override
    public void close() {
        try {
            commands.close();
            if (!process.waitFor(EXIT_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(EXIT_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            }
            replies.close();
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
