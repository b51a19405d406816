package dev.nemo.sdk.assistant;

/**
 * What the client does instead of the GUI step the agent describes (the agent assumes a web
 * editor exists). From the skill's "Backend Response Translation" table.
 */
public enum GuiAction {
    /** "Export button", "click Export", "导出": run the export workflow. */
    EXPORT,
    /** "open [panel]", "打开": query the session state. */
    QUERY_STATE,
    /** "drag/drop", "拖拽": send the edit as a chat message. */
    SEND_EDIT,
    /** "preview in timeline": show the track summary. */
    SHOW_SUMMARY,
    /** "click [button]", "点击": do it through the API. */
    EXECUTE_VIA_API
}
