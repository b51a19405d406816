/**
 * The draft (timeline): {@link dev.nemo.sdk.draft.Draft}, an immutable and lossless view over the
 * draft JSON ({@code t/tt/sg/d/m}) with its one-line {@link dev.nemo.sdk.draft.Draft#summary()},
 * and its {@link dev.nemo.sdk.draft.Track}s and {@link dev.nemo.sdk.draft.Segment}s. The session
 * state that carries a draft is in {@link dev.nemo.sdk.state}.
 *
 * <pre>{@code
 * client.state().get(sessionId).draft().ifPresent(d -> System.out.println(d.summary()));
 * // Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban Dreams" (0-3s)
 * }</pre>
 *
 * <p>The segment schema ({@code start}, {@code duration}, {@code label}, {@code text},
 * {@code volume}) is this project's reading of an undocumented format; see
 * {@code docs/draft-model.md}.
 */
@NullMarked
package dev.nemo.sdk.draft;

import org.jspecify.annotations.NullMarked;
