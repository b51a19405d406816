package dev.nemo.sdk.export;

/**
 * Follows an export: told about the submission's answer and every poll result.
 *
 * <p>Like every progress listener of the SDK ({@code UploadProgressListener},
 * {@code ChatProgressListener}), it is set with the operation's {@code onProgress(…)}, is called on
 * an SDK thread one call at a time and in order, and must return quickly without blocking. An
 * exception it throws is logged and the listener is not called again for that operation; the
 * operation goes on.
 */
@FunctionalInterface
public interface ExportProgressListener {

    /**
     * Called with the submission's answer and then with every poll result.
     *
     * @param job the render's latest state (status and, when known, progress in percent)
     */
    void onProgress(ExportJob job);
}
