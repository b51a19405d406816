package dev.nemo.sdk.examples.spring;

import dev.nemo.sdk.assistant.GuiPhrases;
import dev.nemo.sdk.assistant.GuiTranslation;
import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatListener;
import java.time.Duration;

/**
 * Passes the agent's stream to the page: each complete message with its GUI phrasing ("click the
 * Export button") rewritten by {@link GuiPhrases} for this app, where the export runs by itself,
 * and the agent's tool activity as it happens.
 */
final class AgentTextRelay implements ChatListener {
    private final Job job;
    private boolean sawText;

    AgentTextRelay(Job job) {
        this.job = job;
    }

    @Override
    public void onEvent(ChatEvent event) {
        if (event instanceof ChatEvent.AgentText t && !t.partial() && !t.text().isBlank()) {
            GuiTranslation translated = GuiPhrases.standard().translate(t.text().strip());
            job.emit(JobEvent.of("agent", "Agent: " + translated.text(), null));
            sawText = true;
        } else if (event instanceof ChatEvent.ToolCall c) {
            job.emit(JobEvent.of("agent", "[" + c.activity() + "]", null));
        } else if (event instanceof ChatEvent.ModelError e) {
            job.emit(JobEvent.of("agent", "The agent could not do it: " + e.code(), null));
        }
    }

    @Override
    public void onStillWorking(Duration quietFor) {
        job.emit(JobEvent.of("agent", "(still working after " + quietFor.toMinutes() + " min)", null));
    }

    /** @return whether the agent said anything */
    boolean sawText() {
        return sawText;
    }
}
