package dev.nemo.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.testing.JvmNoise;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testkit.EmulatorOptions;
import dev.nemo.sdk.testkit.Endpoint;
import dev.nemo.sdk.testkit.NemoEmulator;
import dev.nemo.sdk.testkit.RenderPacing;
import dev.nemo.sdk.testkit.SilentEdits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code nemo-examples.jar} run as a process with this JDK's {@code java}, the way
 * the README says: self-contained, quiet, and honest about failures.
 */
class ExamplesJarIT {
    private static final String EMULATOR_LINE = "Using the embedded NemoVideo emulator at http://127.0.0.1:";
    private static Path jar;

    @TempDir
    Path work;

    @BeforeAll
    static void findJar() {
        jar = Paths.get(System.getProperty("nemo.examples.jar", "target/nemo-examples.jar"))
                .toAbsolutePath();
        assertThat(jar)
                .as("run ./mvnw verify: the jar is built in the package phase")
                .isRegularFile();
    }

    @Test
    void demoRunsOnTheBundledSampleWithNothingButTheJar() throws Exception {
        Run r = java(Map.of(), "demo");

        assertThat(r.status).as(r.toString()).isZero();
        assertThat(r.out.get(0)).startsWith(EMULATOR_LINE);
        assertThat(r.out)
                .contains("You: " + Demo.INSTRUCTION)
                .anySatisfy(l -> assertThat(l).matches("Export render_\\S+: completed 100% after \\d+ s"));
        if (mediaEngineBesideTheJar()) {
            // the FFmpeg engine in target/lib renders a real, smaller MP4 and measures its quality
            Path mp4 = work.resolve("nemo-demo/vhs-neofetch.mp4");
            assertThat(r.out)
                    .contains("Renderer: ffmpeg")
                    .anySatisfy(l -> assertThat(l).matches("Size: 275\\.4 KB -> .* smaller\\)"))
                    .anySatisfy(l -> assertThat(l).matches("Quality: SSIM 0\\.9\\d* against the input"));
            assertThat(Files.size(mp4)).isLessThan(TestMedia.sample().length);
            assertThat(new String(Files.readAllBytes(mp4), 4, 4, StandardCharsets.ISO_8859_1))
                    .isEqualTo("ftyp");
        } else {
            assertThat(r.out).contains("Size: 275.4 KB -> 275.4 KB (100.0% of the input, same size)");
            assertThat(Files.readAllBytes(work.resolve("nemo-demo/vhs-neofetch.gif")))
                    .isEqualTo(TestMedia.sample());
        }
        assertThat(r.err).as("quiet by default: no log lines").isEmpty();
    }

    /** The optional GPL engine is copied to target/lib by the build; it runs on linux-x86_64 only. */
    private static boolean mediaEngineBesideTheJar() {
        return Files.isRegularFile(jar.resolveSibling("lib").resolve("ffmpeg-linux-x86_64-gpl.jar"))
                && System.getProperty("os.name", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("linux")
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
    }

    @Test
    void creditsPrintsTheBalance() throws Exception {
        Run r = java(Map.of(), "--poll-interval", "10", "credits");

        assertThat(r.status).as(r.toString()).isZero();
        assertThat(r.out).hasSize(2);
        assertThat(r.out.get(0)).startsWith(EMULATOR_LINE);
        assertThat(r.out.get(1)).isEqualTo("available=100 frozen=0 total=100");
        assertThat(r.err).isEmpty();
    }

    @Test
    void quickEditUploadsChatsExportsAndDownloads() throws Exception {
        byte[] gif = TestMedia.gif(480, 270, 8, 8, 8, 8);
        Files.write(work.resolve("clip.gif"), gif);

        Run r = java(Map.of(), "quick-edit", "clip.gif", "trim to 5 seconds", "result.gif");

        assertThat(r.status).as(r.toString()).isZero();
        assertThat(r.out.get(0)).startsWith(EMULATOR_LINE);
        assertThat(r.out)
                .contains("Uploaded clip.gif: image, 480x270, 0.3 s", "You: trim to 5 seconds")
                .anySatisfy(l -> assertThat(l)
                        .startsWith("Downloaded " + work.resolve("result.gif").toRealPath() + " ("));
        byte[] result = Files.readAllBytes(work.resolve("result.gif"));
        assertThat(new String(result, 0, 6, StandardCharsets.ISO_8859_1))
                .as("a GIF, as the file name asks")
                .startsWith("GIF8");
        if (!mediaEngineBesideTheJar()) {
            assertThat(result).isEqualTo(gif);
        }
        assertThat(r.err).isEmpty();
    }

    @Test
    void quickEditShowsTheSettledChangeAfterALateSilentEditAndExportsIt() throws Exception {
        String token = "nmv_usr_" + TestTokens.MARKER + "Settle_0123456789abcdef";
        Files.write(work.resolve("clip.gif"), TestMedia.gif(48, 32, 8, 8));
        // every edit ends without text, and its change reaches the state endpoint 300 ms after the stream
        try (NemoEmulator emulator = NemoEmulator.start(EmulatorOptions.builder()
                .staticToken(token, 1000)
                .silentEdits(SilentEdits.ALWAYS)
                .stateLag(Duration.ofMillis(300))
                .renderPacing(RenderPacing.afterPolls(1))
                .build())) {
            Map<String, String> env = Map.of("NEMO_API_URL", emulator.baseUrl(), "NEMO_TOKEN", token);

            Run r = java(env, "--poll-interval", "0.2", "quick-edit", "clip.gif", "add a title 'Settled'", "out.mp4");

            assertThat(r.status).as(r.toString()).isZero();
            assertThat(r.out)
                    .anySatisfy(l -> assertThat(l).contains("checking the draft: 1 of 11"))
                    .anySatisfy(l -> assertThat(l).contains("change found"))
                    .anySatisfy(l -> assertThat(l).startsWith("The agent finished without a message. What changed: "))
                    .noneSatisfy(l -> assertThat(l).contains("no visible change"))
                    .anySatisfy(l -> assertThat(l).startsWith("Downloaded "));
            assertThat(emulator.requests(Endpoint.RUN_SSE)).as("sent once").hasSize(1);
            assertThat(emulator.requests(Endpoint.RENDER_SUBMIT))
                    .as("the exported draft holds the change")
                    .singleElement()
                    .satisfies(q -> assertThat(q.bodyText()).contains("Settled"));
            assertThat(r.err).isEmpty();
        }
    }

    @Test
    void aFailureIsOneLineOnStandardErrorAndNeverShowsTheToken() throws Exception {
        String token = "nmv_usr_" + TestTokens.MARKER + "Jar_0123456789abcdef";
        Files.write(work.resolve("clip.gif"), TestMedia.gif(64, 64, 10));
        try (NemoEmulator emulator = NemoEmulator.start(
                EmulatorOptions.builder().staticToken(token, 0).build())) {
            Map<String, String> env = Map.of("NEMO_API_URL", emulator.baseUrl(), "NEMO_TOKEN", token);

            Run quiet = java(env, "quick-edit", "clip.gif", "compress this GIF to under 500KB", "out.mp4");
            Run verbose =
                    java(env, "quick-edit", "clip.gif", "compress this GIF to under 500KB", "out.mp4", "--verbose");

            assertThat(quiet.status).as(quiet.toString()).isEqualTo(NemoExamples.FAILED);
            assertThat(quiet.err)
                    .singleElement()
                    .asString()
                    .startsWith("nemo-examples: chat failed: Out of credits (code 2001)")
                    .contains("https://nemovideo.com");
            assertThat(verbose.status).isEqualTo(NemoExamples.FAILED);
            assertThat(verbose.err)
                    .as("the same line, among the debug log and the stack trace")
                    .anySatisfy(l -> assertThat(l).startsWith("nemo-examples: chat failed: Out of credits (code 2001)"))
                    .anySatisfy(l -> assertThat(l).contains("DEBUG"))
                    .anySatisfy(l -> assertThat(l).startsWith("\tat "));
            for (Run r : List.of(quiet, verbose)) {
                assertThat(String.join("\n", r.out) + String.join("\n", r.err)).doesNotContain(TestTokens.MARKER);
            }
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(180) // a hang guard only
    void theEmulatorCommandServesCommandsRunOneAfterTheOther() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        Paths.get(System.getProperty("java.home"), "bin", "java")
                                .toString(),
                        "-jar",
                        jar.toString(),
                        "emulator",
                        "--port",
                        "0",
                        "--data",
                        "data")
                .directory(work.toFile())
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("NEMO_"));
        Process server = pb.start();
        String url = null;
        try {
            java.io.BufferedReader lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            for (String line; url == null && (line = lines.readLine()) != null; ) {
                if (line.startsWith("  export NEMO_API_URL=")) {
                    url = line.substring("  export NEMO_API_URL=".length());
                }
            }
            assertThat(url).as("the export line").startsWith("http://127.0.0.1:");
            Map<String, String> env = Map.of("NEMO_API_URL", url, "NEMO_CLIENT_ID", "jar-it-client");

            Run chat = java(env, "chat");
            assertThat(chat.status).as(chat.toString()).isZero();
            String sid = chat.out.get(0).replace("New session ", "");
            Run state = java(env, "state", "--session", sid);

            assertThat(state.status).as(state.toString()).isZero();
            assertThat(state.out).anySatisfy(l -> assertThat(l).startsWith("Session " + sid));
            assertThat(state.err).isEmpty();
        } finally {
            server.destroy(); // SIGTERM: the shutdown hook saves the data and stops the server
            assertThat(server.waitFor(60, TimeUnit.SECONDS))
                    .as("the server stops")
                    .isTrue();
        }
        assertThat(work.resolve("data/sessions")).isDirectory();
    }

    private Run java(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "stdout", ".txt");
        Path err = Files.createTempFile(work, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().keySet().removeIf(k -> k.startsWith("NEMO_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        // a hang guard only: the commands finish in seconds
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the jar did not finish: " + command);
        }
        List<String> stderr = Files.readAllLines(err, StandardCharsets.UTF_8);
        if (System.getenv("JAVA_TOOL_OPTIONS") != null) {
            assertThat(stderr)
                    .as("the JVM announces JAVA_TOOL_OPTIONS; the test must see past it")
                    .anyMatch(JvmNoise::isLauncherNote);
        }
        return new Run(
                p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8), JvmNoise.withoutLauncherNotes(stderr));
    }

    /** What a process did. */
    private static final class Run {
        final int status;
        final List<String> out;
        final List<String> err;

        Run(int status, List<String> out, List<String> err) {
            this.status = status;
            this.out = out;
            this.err = err;
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout ---\n" + String.join("\n", out) + "\n--- stderr ---\n"
                    + String.join("\n", err);
        }
    }
}
