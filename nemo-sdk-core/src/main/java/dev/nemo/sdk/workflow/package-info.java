/**
 * The seed's workflows as one call each, from {@code client.workflows()}: a
 * {@link dev.nemo.sdk.workflow.QuickEdit quick edit} (session, upload, one instruction, the state
 * settled, export, download), a {@link dev.nemo.sdk.workflow.BatchEdit batch} (several files in one
 * session, each with its own instruction and render) and a
 * {@link dev.nemo.sdk.workflow.Conversation conversation} that keeps the session and the last
 * settled state across instructions. Progress goes to one
 * {@link dev.nemo.sdk.workflow.WorkflowListener}; every workflow has a blocking and a
 * {@code CompletableFuture} form, and the render id is handed out as soon as it exists so another
 * process can resume the export.
 */
@NullMarked
package dev.nemo.sdk.workflow;

import org.jspecify.annotations.NullMarked;
