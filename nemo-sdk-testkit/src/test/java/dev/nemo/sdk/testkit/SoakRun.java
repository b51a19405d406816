package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.error.NemoException;
import dev.nemo.sdk.export.DownloadResult;
import dev.nemo.sdk.export.ExportJob;
import dev.nemo.sdk.session.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The soak's mixed operations on one client: sessions, state, credits, uploads, chat, exports and
 * downloads, picked at random with a fault injected before a quarter of them, against the emulator
 * in its own JVM. Each operation
 * either succeeds with a right answer or fails with a typed {@link NemoException}; anything else
 * (an untyped exception, a wrong answer) is recorded as a failure.
 */
final class SoakRun {
    /** The operations and the endpoints they send requests to. */
    enum Op {
        SESSION(2, Endpoint.CREATE_SESSION),
        STATE(20, Endpoint.STATE),
        CREDITS(20, Endpoint.CREDITS),
        UPLOAD(15, Endpoint.UPLOAD),
        CHAT(15, Endpoint.RUN_SSE, Endpoint.STATE),
        EXPORT(13, Endpoint.RENDER_SUBMIT, Endpoint.RENDER_POLL),
        DOWNLOAD(15, Endpoint.CDN, Endpoint.RENDER_DOWNLOAD);

        final int weight;
        final List<Endpoint> endpoints;

        Op(int weight, Endpoint... endpoints) {
            this.weight = weight;
            this.endpoints = List.of(endpoints);
        }
    }

    private static final int TOTAL_WEIGHT = 100;
    private static final String[] MESSAGES = {"add BGM", "what can you do?", "add a title 'Soak'",
        "compress this GIF to under 500KB without losing too much quality"};

    private final SoakEmulatorProcess emulator;
    private final NemoClient client;
    private final Random random;
    private final Path downloads;
    private final Path gif;
    private final List<String> sessions = new ArrayList<>();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private ExportJob completed;

    SoakRun(SoakEmulatorProcess emulator, NemoClient client, Random random, Path dir) throws IOException {
        this.emulator = emulator;
        this.client = client;
        this.random = random;
        this.downloads = Files.createDirectories(dir.resolve("downloads"));
        this.gif = Files.write(dir.resolve("cat.gif"), TestMedia.gif(320, 180, 20, 20, 20));
    }

    /** One session with an exportable draft and one completed export, without faults. */
    void prepare() {
        Session s = client.sessions().create();
        emulator.setCredits(s.userId().orElseThrow(), Long.MAX_VALUE / 4);
        sessions.add(s.sessionId());
        client.uploads().upload(s.sessionId(), gif);
        client.chat().send(s.sessionId(), MESSAGES[3]);
        emulator.keepDraft(s.sessionId());
        completed = client.exports().submit(s.sessionId(), draft(s.sessionId())).waitForCompletion();
        download();
    }

    /**
     * Runs one random operation, with a random fault before a quarter of them.
     *
     * @param index the operation's number, for the failure log
     */
    void next(int index) {
        Op op = pick();
        String fault = "no fault";
        if (random.nextInt(4) == 0) {
            SoakFaults.Choice choice = SoakFaults.choose(op.endpoints, random);
            emulator.inject(choice);
            fault = choice.toString();
        }
        try {
            run(op);
            outcomes.merge(op + " ok", 1, Integer::sum);
        } catch (NemoException e) {
            outcomes.merge(op + " " + e.getClass().getSimpleName(), 1, Integer::sum);
        } catch (RuntimeException | AssertionError e) {
            failures.add("#" + index + " " + op + " with " + fault + ": " + e);
        } finally {
            emulator.clear();
        }
    }

    /** @return how each kind of operation ended, with counts */
    Map<String, Integer> outcomes() {
        return outcomes;
    }

    /** @return the operations that ended in an untyped exception or a wrong answer */
    List<String> failures() {
        return failures;
    }

    /** @return what is left in the download directory (temporary files would show here) */
    List<Path> downloadDirectory() {
        try (var s = Files.list(downloads)) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Op pick() {
        int r = random.nextInt(TOTAL_WEIGHT);
        for (Op op : Op.values()) {
            r -= op.weight;
            if (r < 0) {
                return op;
            }
        }
        return Op.CREDITS;
    }

    private void run(Op op) {
        String sid = sessions.get(random.nextInt(sessions.size()));
        switch (op) {
            case SESSION -> newSession();
            case STATE -> assertThat(client.state().get(sid)).isNotNull();
            case CREDITS -> assertThat(client.credits().balance().available()).isPositive();
            case UPLOAD -> assertThat(client.uploads().upload(sid, gif).files()).hasSize(1);
            case CHAT -> assertThat(client.chat().send(sid, MESSAGES[random.nextInt(MESSAGES.length)]).end()).isNotNull();
            case EXPORT -> export();
            case DOWNLOAD -> download();
        }
    }

    private void newSession() {
        String sid = client.sessions().create().sessionId();
        if (sessions.size() < 6) {
            sessions.add(sid);
        } else {
            sessions.set(1 + random.nextInt(sessions.size() - 1), sid);   // the first keeps its exportable draft
        }
    }

    /**
     * Exports the first session's draft, set back to its prepared form first: every upload and edit
     * adds to a draft and the emulator keeps each render's draft, so the emulator's own memory would
     * otherwise grow with the run and hide what the client keeps.
     */
    private void export() {
        String sid = sessions.get(0);
        emulator.restoreDraft(sid);
        ExportJob job = client.exports().submit(sid, draft(sid)).waitForCompletion();
        assertThat(job.isCompleted()).as(job.toString()).isTrue();
        completed = job;
    }

    private void download() {
        Path target = downloads.resolve("out.gif");
        DownloadResult file = client.exports().download(completed, target);
        try {
            assertThat(Files.size(file.path())).isEqualTo(Files.size(gif));
            Files.delete(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Draft draft(String sid) {
        return client.state().get(sid).draft().orElseThrow();
    }
}
