package dev.nemo.sdk.testkit;

import dev.nemo.sdk.json.JsonObject;
import dev.nemo.sdk.testing.TestTokens;
import dev.nemo.sdk.testing.VirtualTime;
import dev.nemo.sdk.testkit.soak.ResourceLevels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The soak's emulator in its own JVM, so that the soak's JVM holds the client alone. It prints
 * {@code ready <api url> <cdn url>}, then answers one line per command read from standard input
 * ({@code ok …} or {@code error …}) and stops at the end of its input (when the soak closes the
 * pipe or its JVM dies). See {@link SoakEmulatorProcess} for the commands.
 */
public final class SoakEmulatorMain {
    private final NemoEmulator emulator;
    private final VirtualTime time;
    private final Map<String, JsonObject> keptDrafts = new HashMap<>();

    private SoakEmulatorMain(NemoEmulator emulator, VirtualTime time) {
        this.emulator = emulator;
        this.time = time;
    }

    /**
     * Serves until standard input ends.
     *
     * @param args none
     * @throws IOException when standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        VirtualTime time = VirtualTime.create();
        try (NemoEmulator emulator = NemoEmulator.start(EmulatorOptions.builder().clock(time)
                .tokenTag(TestTokens.MARKER).build())) {
            SoakEmulatorMain main = new SoakEmulatorMain(emulator, time);
            out.println("ready " + emulator.baseUrl() + " " + emulator.cdnUrl());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(main.answer(line));
            }
        }
    }

    private String answer(String line) {
        String[] w = line.split(" ");
        try {
            return switch (w[0]) {
                case "advance" -> {
                    time.advance(Duration.ofNanos(Long.parseLong(w[1])));
                    yield "ok";
                }
                case "fault" -> {
                    SoakFaults.apply(emulator, new SoakFaults.Choice(Endpoint.valueOf(w[1]), w[2], Integer.parseInt(w[3])));
                    yield "ok";
                }
                case "clear" -> {
                    emulator.faults().clear();
                    emulator.clearRequests();
                    yield "ok";
                }
                case "credits" -> {
                    emulator.setCredits(w[1], Long.parseLong(w[2]));
                    yield "ok";
                }
                case "keep-draft" -> {
                    keptDrafts.put(w[1], emulator.draft(w[1]).orElseThrow());
                    yield "ok";
                }
                case "restore-draft" -> {
                    emulator.putDraft(w[1], keptDrafts.get(w[1]));
                    yield "ok";
                }
                case "levels" -> "ok sessions=" + emulator.sessions().size() + " renders=" + emulator.renders().size()
                        + " accounts=" + emulator.accounts().size() + " heapAfterGc=" + ResourceLevels.heapAfterGc();
                default -> "error unknown command: " + line;
            };
        } catch (RuntimeException e) {
            return "error " + e;
        }
    }
}
