package dev.nemo.sdk.examples;

import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.NemoEmulator;
import dev.nemo.sdk.testkit.RenderPacing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code emulator}: the NemoVideo emulator as a standalone server, like stripe-mock, so that
 * {@code chat}, {@code state}, {@code resume} and any program using the SDK work across commands
 * with {@code export NEMO_API_URL=…}. It listens on loopback unless {@code --host} says otherwise,
 * never forwards anything to the real API, and runs until stopped (Ctrl-C).
 */
public final class EmulatorCommand {
    /** The usage line. */
    static final String USAGE = "emulator [--host <address>] [--port <port>] [--data <dir>]";

    /**
     * What to serve.
     *
     * @param host          the address to listen on ({@code 127.0.0.1} by default)
     * @param port          the API port, 0 for any free one
     * @param dataDirectory where sessions and renders are written when the server stops
     * @param token         a token to accept as a registered user's ({@code NEMO_TOKEN}), or {@code null}
     */
    public record Settings(String host, int port, Path dataDirectory, String token) {}

    private EmulatorCommand() {}

    /**
     * Runs the server until the process is stopped.
     *
     * @param cli     the command line
     * @param context streams and environment
     * @return the exit status once stopped
     */
    static int run(CliArgs cli, CliContext context) {
        cli.requireArguments(0, USAGE);
        cli.rejectSession(USAGE);
        Settings settings = settings(cli, context);
        useForMediaWork(settings.dataDirectory().resolve("media"));
        Running server = start(settings, context);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "nemo-emulator-stop"));
        server.awaitStop();
        return NemoExamples.OK;
    }

    /**
     * The media engine (when it is beside the jar) renders in temporary folders: in this process,
     * which runs nothing else, they go under the data directory. Must run before any temporary
     * file of the process is created, so only the command itself calls it.
     */
    private static void useForMediaWork(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        System.setProperty("java.io.tmpdir", dir.toAbsolutePath().toString());
    }

    /**
     * @param cli     the command line
     * @param context the environment
     * @return the settings the options ask for
     */
    static Settings settings(CliArgs cli, CliContext context) {
        int port = cli.option("port").map(EmulatorCommand::port).orElse(0);
        Path data = cli.option("data")
                .map(context::resolve)
                .orElse(context.workingDirectory().resolve("nemo-emulator-data"));
        return new Settings(cli.option("host").orElse("127.0.0.1"), port, data, context.variable("NEMO_TOKEN"));
    }

    /**
     * Starts the server and prints how to use it.
     *
     * @param settings what to serve
     * @param context  where to print
     * @return the running server
     */
    public static Running start(Settings settings, CliContext context) {
        boolean loopback = isLoopback(settings.host());
        EmulatorOptions.Builder options = EmulatorOptions.builder()
                .host(settings.host())
                .port(settings.port())
                .clock(Clock.systemUTC()) // remote clients wait in real time
                .seed(new SecureRandom().nextLong()) // new session ids on every run
                .tokensPerClient(Integer.MAX_VALUE) // every command asks for its own token
                .renderPacing(RenderPacing.afterPolls(1));
        if (settings.token() != null) {
            options.staticToken(settings.token(), 1000);
        }
        try {
            Files.createDirectories(settings.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + settings.dataDirectory(), e);
        }
        NemoEmulator emulator = NemoEmulator.start(options.build());
        Running running = new Running(emulator, settings.dataDirectory());
        announce(emulator, settings, loopback, context);
        return running;
    }

    private static void announce(NemoEmulator emulator, Settings settings, boolean loopback, CliContext context) {
        var out = context.out();
        out.println("NemoVideo emulator listening on " + emulator.baseUrl() + " (media on " + emulator.cdnUrl()
                + "), renderer: " + emulator.rendererName());
        if (!loopback) {
            out.println("Warning: listening on " + settings.host() + ", not on loopback: anyone who can reach this "
                    + "machine can use it. The emulator has no real authentication (any anonymous token works).");
        }
        if (context.variable("NEMO_API_URL") != null) {
            out.println("Note: NEMO_API_URL is ignored here: the emulator never forwards anything to a real server.");
        }
        if (settings.token() != null) {
            out.println("NEMO_TOKEN is accepted as a registered user's token (1000 credits); it is never printed "
                    + "or saved.");
        }
        out.println("Data directory: " + settings.dataDirectory() + " (sessions and renders are saved there when it "
                + "stops; the media engine works in its media folder)");
        out.println("In another shell:");
        out.println("  export NEMO_API_URL=" + emulator.baseUrl());
        out.println("Stop it with Ctrl-C.");
        out.flush();
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new UsageException("--host: unknown address '" + host + "'");
        }
    }

    private static int port(String value) {
        try {
            int p = Integer.parseInt(value.strip());
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new UsageException("--port takes a port number from 0 to 65535, not '" + value + "'");
        }
    }

    /** A running emulator server; {@link #stop()} saves its data and closes it (once). */
    public static final class Running implements AutoCloseable {
        private final NemoEmulator emulator;
        private final Path dataDirectory;
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final CountDownLatch stopped = new CountDownLatch(1);

        Running(NemoEmulator emulator, Path dataDirectory) {
            this.emulator = emulator;
            this.dataDirectory = dataDirectory;
        }

        /** @return the emulator being served */
        public NemoEmulator emulator() {
            return emulator;
        }

        /** Saves the sessions and renders to the data directory and stops the server. */
        public void stop() {
            if (!stopping.compareAndSet(false, true)) {
                return;
            }
            try {
                EmulatorSnapshot.write(emulator, dataDirectory);
            } finally {
                emulator.close();
                stopped.countDown();
            }
        }

        /** Blocks until {@link #stop()} has run. */
        public void awaitStop() {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
            }
        }

        @Override
        public void close() {
            stop();
        }
    }
}
