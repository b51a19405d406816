package dev.nemo.sdk.examples;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.NemoEmulator;
import dev.nemo.sdk.testkit.RenderPacing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The server a command talks to: {@code NEMO_API_URL} when it is set, otherwise a
 * {@link NemoEmulator} started for this one run (nothing leaves the machine, no account needed).
 * Closing it closes the client and stops the emulator.
 */
public final class Backend implements AutoCloseable {
    private final NemoClient client;
    private final NemoEmulator emulator;
    private final Path temporaryConfig;

    private Backend(NemoClient client, NemoEmulator emulator, Path temporaryConfig) {
        this.client = client;
        this.emulator = emulator;
        this.temporaryConfig = temporaryConfig;
    }

    /**
     * Connects to {@code NEMO_API_URL}, or starts the embedded emulator and says so on the first
     * line of {@code context.out()}. The client reads {@code NEMO_TOKEN} and {@code NEMO_CLIENT_ID}
     * from the context's environment as the SDK always does; with the emulator, a {@code NEMO_TOKEN}
     * is accepted as a registered user's token.
     *
     * @param context the command's environment and output
     * @return the connection
     */
    public static Backend open(CliContext context) {
        NemoClient.Builder builder = NemoClient.builder().environment(context.env());
        if (context.variable("NEMO_API_URL") != null) {
            if (context.configDirectory() != null) {
                builder.configDirectory(context.configDirectory());
            }
            return new Backend(builder.build(), null, null);
        }
        EmulatorOptions.Builder options = EmulatorOptions.builder()
                // the export poller polls once right after submitting: the render is done by then,
                // so the default 30 s poll interval costs no waiting here
                .renderPacing(RenderPacing.afterPolls(1))
                // new session ids on every run: an id printed by one run means nothing to the next
                .seed(new SecureRandom().nextLong());
        String token = context.variable("NEMO_TOKEN");
        if (token != null) {
            options.staticToken(token, 1000);
        }
        NemoEmulator emulator = NemoEmulator.start(options.build());
        Path temporaryConfig = null;
        try {
            context.out()
                    .println("Using the embedded NemoVideo emulator at " + emulator.baseUrl()
                            + " (NEMO_API_URL is not set; nothing leaves this machine; its sessions end with this command: "
                            + "run the emulator command to keep them)");
            Path config = context.configDirectory();
            if (config == null) {
                temporaryConfig = Files.createTempDirectory("nemo-examples-");
                config = temporaryConfig;
            }
            NemoClient client =
                    builder.baseUrl(emulator.baseUrl()).configDirectory(config).build();
            return new Backend(client, emulator, temporaryConfig);
        } catch (IOException e) {
            emulator.close();
            throw new UncheckedIOException("cannot create a temporary directory for the client id", e);
        } catch (RuntimeException e) {
            emulator.close();
            deleteQuietly(temporaryConfig);
            throw e;
        }
    }

    /** @return the client */
    public NemoClient client() {
        return client;
    }

    /** @return the embedded emulator, when {@code NEMO_API_URL} was not set */
    public Optional<NemoEmulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    @Override
    public void close() {
        client.close();
        if (emulator != null) {
            emulator.close();
        }
        deleteQuietly(temporaryConfig);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory holding a random client id is harmless
        }
    }
}
