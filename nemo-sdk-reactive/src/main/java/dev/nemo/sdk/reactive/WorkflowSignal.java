package dev.nemo.sdk.reactive;

import dev.nemo.sdk.workflow.WorkflowProgress;
import java.util.Objects;

/**
 * What a workflow {@code Flux} emits: its progress reports, then one {@link Done} with the result,
 * then completion (or an error with the typed exception of the step that failed).
 *
 * @param <T> the workflow's result type
 */
public sealed interface WorkflowSignal<T> {

    /**
     * A progress report.
     *
     * @param progress where the workflow is
     * @param <T>      the workflow's result type
     */
    record Progress<T>(WorkflowProgress progress) implements WorkflowSignal<T> {
        /**
         * Checks the value.
         *
         * @param progress where the workflow is
         */
        public Progress {
            Objects.requireNonNull(progress, "progress");
        }
    }

    /**
     * The workflow's result; the last signal before completion.
     *
     * @param result what the workflow did
     * @param <T>    the workflow's result type
     */
    record Done<T>(T result) implements WorkflowSignal<T> {
        /**
         * Checks the value.
         *
         * @param result what the workflow did
         */
        public Done {
            Objects.requireNonNull(result, "result");
        }
    }
}
