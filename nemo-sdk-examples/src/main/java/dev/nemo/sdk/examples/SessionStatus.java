package dev.nemo.sdk.examples;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.draft.Draft;
import dev.nemo.sdk.state.SessionState;
import dev.nemo.sdk.upload.MediaFormats;
import java.io.PrintStream;

/**
 * The state of a session in a few lines: its media, the timeline summary, and whether it can be
 * exported.
 *
 * <pre>
 * java -jar nemo-examples.jar state --session 5529798706024415232
 * Session 5529798706024415232 (project "project")
 * Media: 1 file
 * Timeline (1 track): 1. Video: cat.gif (0-2.5s)
 * Exportable: yes
 * </pre>
 */
public final class SessionStatus {
    private SessionStatus() {}

    /**
     * Runs {@code state --session <id>} against {@code NEMO_API_URL} (a session of the embedded
     * emulator lives only as long as the command that created it).
     *
     * @param args {@code --session <id>}
     */
    public static void main(String[] args) {
        NemoExamples.exit(NemoExamples.run("state", args));
    }

    /**
     * @param client    the client
     * @param sessionId the session
     * @param out       where to print
     * @return the state that was read
     */
    public static SessionState print(NemoClient client, String sessionId, PrintStream out) {
        SessionState state = client.state().get(sessionId);
        out.println("Session " + state.sessionId().orElse(sessionId)
                + state.taskName().map(n -> " (project \"" + n + "\")").orElse(""));
        int media = state.videoInfos().size();
        out.println("Media: "
                + (media == 0
                        ? "none yet. Accepted: " + MediaFormats.description()
                        : media + (media == 1 ? " file" : " files")));
        out.println(state.draft().map(Draft::summary).orElse("Timeline: empty"));
        out.println("Exportable: " + (state.isExportable() ? "yes" : "no"));
        return state;
    }
}
