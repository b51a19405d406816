package dev.nemo.sdk.examples.spring;

import dev.nemo.sdk.chat.ChatEvent;
import dev.nemo.sdk.chat.ChatListener;
import java.time.Duration;

/**
 * Passes the agent's stream to the page: each complete message as its
 * {@link ChatEvent.AgentText#displayText() display text} (the GUI phrasing, "click the Export
 * button", rewritten for an app, where the export runs by itself), and the agent's tool activity
 * as it happens.
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
            job.emit(JobEvent.of("agent", "Agent: " + t.displayText().strip(), null));
            sawText = true;
        } else if (event instanceof ChatEvent.ToolCall c) {
            job.emit(JobEvent.of("agent", "[" + c.activity() + "]", null));
        } else if (event instanceof ChatEvent.ModelError e) {
            job.emit(JobEvent.of("agent", "The agent could not do it: " + e.code(), null));
        }
    }

    /** @param quietFor how long only heartbeats have arrived (the chat options' progress listener) */
    void onStillWorking(Duration quietFor) {
        job.emit(JobEvent.of("agent", "(still working after " + quietFor.toMinutes() + " min)", null));
    }

    /** {@return whether the agent said anything} */
    boolean sawText() {
        return sawText;
    }
}
