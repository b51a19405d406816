package dev.nemo.sdk.conformance.agent;

import com.google.adk.agents.LlmAgent;
import com.google.adk.tools.FunctionTool;

/** The agent {@code nemo_agent} (the app name): the scripted model and the backend-like tools. */
public final class NemoAgent {
    /** The agent and app name. */
    public static final String NAME = "nemo_agent";

    private NemoAgent() {}

    /**
     * @param gate holds the long-running tool until released
     * @return the agent
     */
    public static LlmAgent create(Gate gate) {
        NemoTools tools = new NemoTools(gate);
        return LlmAgent.builder()
                .name(NAME)
                .description("Edits video timelines (scripted, offline).")
                .model(new ScriptedModel())
                .instruction("You edit the user's video timeline with the tools.")
                .tools(
                        FunctionTool.create(tools, "edit_multitrack"),
                        FunctionTool.create(tools, "generate_video_with_seedance"),
                        FunctionTool.create(tools, "render_preview"),
                        FunctionTool.create(tools, "analyze_video"))
                .build();
    }
}
