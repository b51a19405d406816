/**
 * Drafts and session state: {@link dev.nemo.sdk.draft.Draft} (the timeline, an immutable and
 * lossless view over the draft JSON, with its one-line {@link dev.nemo.sdk.draft.Draft#summary()}),
 * its {@link dev.nemo.sdk.draft.Track}s and {@link dev.nemo.sdk.draft.Segment}s,
 * {@link dev.nemo.sdk.draft.SessionState} (media, draft, canvas) read through
 * {@link dev.nemo.sdk.draft.StateApi}, and {@link dev.nemo.sdk.draft.StateDiff}, which says in
 * plain words what changed between two states.
 *
 * <pre>{@code
 * SessionState state = client.state().get(sessionId);
 * state.draft().ifPresent(d -> System.out.println(d.summary()));
 * // Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban Dreams" (0-3s)
 * }</pre>
 *
 * <p>The segment schema ({@code start}, {@code duration}, {@code label}, {@code text},
 * {@code volume}) is this project's reading of an undocumented format; see
 * {@code docs/draft-model.md}.
 */
package dev.nemo.sdk.draft;
