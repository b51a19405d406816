package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatEnd;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatListener;
import dev.nemo.sdk.chat.ChatOptions;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.chat.StateCheckProgress;
import dev.nemo.sdk.testing.VirtualTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator's state endpoint can lag behind chat edits, as the real one does; {@code send}
 * keeps reading after a silent end until the change is visible, in virtual time.
 */
class StateLagTest {
    private final VirtualTime time = VirtualTime.create();

    @TempDir
    Path dir;

    private NemoEmulator emulator;
    private NemoClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private String session(Duration lag) throws IOException {
        emulator = NemoEmulator.start(EmulatorOptions.builder()
                .clock(time)
                .silentEdits(SilentEdits.ALWAYS)
                .stateLag(lag)
                .build());
        client = emulator.clientBuilder(dir).clientId("lag-client").build();
        String sid = client.sessions().create().sessionId();
        Path gif = dir.resolve("cat.gif");
        Files.write(gif, TestMedia.gif(64, 64, 20, 20));
        client.uploads().upload(sid, gif);
        return sid;
    }

    @Test
    void aLagShorterThanTheScheduleIsWaitedOut() throws IOException {
        String sid = session(Duration.ofSeconds(7));
        List<StateCheckProgress> checks = new ArrayList<>();

        ChatResult r = client.chat().send(sid, "add a title 'Urban Dreams'", listener(checks));

        assertThat(r.end()).isEqualTo(ChatEnd.COMPLETED_SILENTLY);
        assertThat(r.stateChange()).get().satisfies(d -> assertThat(d.isEmpty()).isFalse());
        assertThat(r.stateAfter().flatMap(s -> s.draft()).orElseThrow().summary())
                .contains("Urban Dreams");
        assertThat(checks).hasSizeBetween(4, 6).last().satisfies(c -> {
            assertThat(c.changed()).isTrue();
            assertThat(c.of()).isEqualTo(ChatOptions.DEFAULT_SETTLE_DELAYS.size());
        });
        assertThat(emulator.requests(Endpoint.RUN_SSE)).hasSize(1);
    }

    @Test
    void aLagLongerThanTheScheduleEndsAsNothingChangedAfterEveryRead() throws IOException {
        String sid = session(Duration.ofSeconds(60));
        List<StateCheckProgress> checks = new ArrayList<>();

        ChatResult r = client.chat().send(sid, "add a title 'Urban Dreams'", listener(checks));

        assertThat(r.stateChange()).get().satisfies(d -> assertThat(d.isEmpty()).isTrue());
        assertThat(checks).hasSize(ChatOptions.DEFAULT_SETTLE_DELAYS.size()).noneMatch(StateCheckProgress::changed);
        assertThat(time.totalSlept()).isGreaterThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(client.state().get(sid).draft().orElseThrow().summary()).doesNotContain("Urban Dreams");
        time.advance(Duration.ofSeconds(60));
        assertThat(client.state().get(sid).draft().orElseThrow().summary()).contains("Urban Dreams");
    }

    private static ChatListener listener(List<StateCheckProgress> checks) {
        return new ChatListener() {
            @Override
            public void onEvent(ChatEvent event) {}

            @Override
            public void onStateCheck(StateCheckProgress progress) {
                checks.add(progress);
            }
        };
    }
}
