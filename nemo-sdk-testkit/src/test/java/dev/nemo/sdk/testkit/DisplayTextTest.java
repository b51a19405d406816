package dev.nemo.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatResult;
import dev.nemo.sdk.chat.ChatStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Click the Export button" reaches the user of the SDK as something an app can do, in a result and in a stream. */
@NemoEmulatorTest
class DisplayTextTest {
    private static final String RAW = "Your draft is ready. Click the Export button to render and download it.";

    @Test
    void theResultsDisplayTextTranslatesTheAgentsGuiWordingAndKeepsTheRawText(NemoClient client) {
        String sid = client.sessions().create().sessionId();

        ChatResult reply = client.chat().send(sid, "render it");

        assertThat(reply.text()).isEqualTo(RAW);
        assertThat(reply.displayText()).doesNotContainIgnoringCase("click").contains("ready to export");
    }

    @Test
    void aStreamedTextEventOffersTheSameDisplayText(NemoClient client) {
        String sid = client.sessions().create().sessionId();
        List<ChatEvent.AgentText> texts = new ArrayList<>();

        try (ChatStream events = client.chat().stream(sid, "render it")) {
            events.forEachRemaining(e -> {
                if (e instanceof ChatEvent.AgentText t) {
                    texts.add(t);
                }
            });
        }

        assertThat(texts).singleElement().satisfies(t -> {
            assertThat(t.text()).isEqualTo(RAW);
            assertThat(t.displayText()).doesNotContainIgnoringCase("click").contains("ready to export");
        });
    }
}
