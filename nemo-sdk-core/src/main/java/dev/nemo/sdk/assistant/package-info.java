/**
 * Helpers for apps that put the agent in front of a person: {@link dev.nemo.sdk.assistant.IntentRouter}
 * tells which user messages are API calls (export, credits, status, upload) rather than
 * instructions for the agent, and {@link dev.nemo.sdk.assistant.GuiPhrases} turns the agent's GUI
 * wording ("click Export") into SDK actions. Neither talks to the network.
 */
@NullMarked
package dev.nemo.sdk.assistant;

import org.jspecify.annotations.NullMarked;
