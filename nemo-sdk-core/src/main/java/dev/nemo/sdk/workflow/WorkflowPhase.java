package dev.nemo.sdk.workflow;

/** Where a workflow is. */
public enum WorkflowPhase {
    /** Creating the session (project). */
    SESSION,
    /** Uploading the media. */
    UPLOAD,
    /** The agent is working on the instruction (the chat stream is open). */
    CHAT,
    /** Reading the session state until the agent's change is visible. */
    SETTLE,
    /** The render is running. */
    EXPORT,
    /** Downloading the result. */
    DOWNLOAD,
    /** Finished. */
    DONE
}
