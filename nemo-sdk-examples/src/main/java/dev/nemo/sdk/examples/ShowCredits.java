package dev.nemo.sdk.examples;

import dev.nemo.sdk.NemoClient;
import dev.nemo.sdk.credits.Credits;
import java.io.PrintStream;

/**
 * The credit balance: {@code available=100 frozen=0 total=100}. Frozen credits are held by work
 * in progress; an anonymous token starts with 100.
 *
 * <pre>
 * java -jar nemo-examples.jar credits
 * </pre>
 */
public final class ShowCredits {
    private ShowCredits() {}

    /**
     * Runs {@code credits} against {@code NEMO_API_URL}, or the embedded emulator when it is unset.
     *
     * @param args none
     */
    public static void main(String[] args) {
        NemoExamples.exit(NemoExamples.run("credits", args));
    }

    /**
     * @param client the client
     * @param out    where to print
     * @return the balance
     */
    public static Credits print(NemoClient client, PrintStream out) {
        Credits credits = client.credits().balance();
        out.println("available=" + credits.available() + " frozen=" + credits.frozen() + " total=" + credits.total());
        return credits;
    }
}
