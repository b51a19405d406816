/**
 * Chat with the session's agent over Server-Sent Events: {@link dev.nemo.sdk.chat.ChatApi}
 * (publisher, blocking stream, {@code send}), the typed {@link dev.nemo.sdk.chat.ChatEvent}s
 * decoded from Google ADK events, how a stream ended ({@link dev.nemo.sdk.chat.ChatEnd}) and what
 * it produced ({@link dev.nemo.sdk.chat.ChatResult}), and {@link dev.nemo.sdk.chat.ChatEvents} for
 * decoding recorded streams.
 */
@NullMarked
package dev.nemo.sdk.chat;

import org.jspecify.annotations.NullMarked;
