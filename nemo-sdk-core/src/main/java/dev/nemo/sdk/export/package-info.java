/**
 * Exports: submit a session's draft for rendering ({@link dev.nemo.sdk.export.ExportsApi}, as
 * {@code client.exports()}), follow the render with an {@link dev.nemo.sdk.export.ExportPoller}
 * (also from another process, by render id), and download the video safely.
 *
 * <pre>{@code
 * SessionState state = client.state().get(sessionId);
 * ExportPoller poller = client.exports().submit(sessionId, state.draft().orElseThrow(),
 *         ExportOptions.builder().onProgress(j -> System.out.println(j.status())).build());
 * ExportJob done = poller.waitForCompletion();
 * DownloadResult file = client.exports().download(done, Path.of("."));
 * System.out.println(file.path() + " (" + file.bytes() + " bytes)");
 * }</pre>
 */
@NullMarked
package dev.nemo.sdk.export;

import org.jspecify.annotations.NullMarked;
