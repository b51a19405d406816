/**
 * Session state, from {@code client.state()}: {@link dev.nemo.sdk.state.StateApi} reads
 * {@link dev.nemo.sdk.state.SessionState} (media, draft, canvas), and
 * {@link dev.nemo.sdk.state.StateDiff} says in plain words what changed between two states (the
 * answer to a chat message that ended silently).
 */
@NullMarked
package dev.nemo.sdk.state;

import org.jspecify.annotations.NullMarked;
