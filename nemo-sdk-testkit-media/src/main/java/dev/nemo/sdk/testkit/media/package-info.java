/**
 * An optional media engine for the testkit emulator: real FFmpeg renders (MP4 and GIF out) of
 * GIF, APNG, PNG, JPEG, MP4 and WebM, in process through JavaCPP.
 *
 * <p><b>This package pulls GPL native code</b> (FFmpeg built with libx264, linux-x86_64). Use it
 * for local demos and tests; never shade it into a library artifact.
 *
 * <p>Start at {@link dev.nemo.sdk.testkit.media.MediaEngine}; describe a render with
 * {@link dev.nemo.sdk.testkit.media.RenderRequest}; read the outcome in
 * {@link dev.nemo.sdk.testkit.media.RenderReport}.
 */
package dev.nemo.sdk.testkit.media;
